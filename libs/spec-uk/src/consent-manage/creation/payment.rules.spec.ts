import { SettingsReader, type JsonObject } from '@app/contract';
import { resolveUkSpecOptions } from '../../uk-spec.options.js';
import {
  domesticPaymentRules,
  domesticScheduledPaymentRules,
  domesticStandingOrderRules,
  futureDate,
  initiationRejection,
  LOCAL_INSTRUMENTS,
} from './payment.rules.js';

const NOW = Date.parse('2030-01-10T09:00:00Z');
const context = (env: Record<string, string> = {}) => ({
  nowMillis: NOW,
  options: resolveUkSpecOptions(new SettingsReader(env)),
});

/** OBWriteDomestic2's Initiation as the journeys send it. */
function initiation(extra: JsonObject = {}): JsonObject {
  return {
    InstructionIdentification: 'ACME412',
    EndToEndIdentification: 'FRESCO.21302.GFX.20',
    LocalInstrument: 'UK.OBIE.FPS',
    InstructedAmount: { Amount: '165.88', Currency: 'GBP' },
    CreditorAccount: {
      SchemeName: 'UK.OBIE.SortCodeAccountNumber',
      Identification: '08080021325698',
      Name: 'ACME Inc',
    },
    RemittanceInformation: { Reference: 'FRESCO-101' },
    ...extra,
  };
}
const domestic = (extra: JsonObject = {}): JsonObject => ({
  Data: { ReadRefundAccount: 'Yes', Initiation: initiation(extra) },
  Risk: {},
});
const scheduled = (extra: JsonObject = {}): JsonObject => ({
  Data: {
    Permission: 'Create',
    Initiation: initiation({ RequestedExecutionDateTime: '2030-01-13T09:00:00+00:00', ...extra }),
  },
  Risk: {},
});
/** A standing order ending on a final date, as the e2e suite sends it; `without` drops fields (the end condition). */
function standingOrder(extra: JsonObject = {}, without: readonly string[] = []): JsonObject {
  const fields: JsonObject = {
    Frequency: 'EvryWorkgDay',
    FirstPaymentDateTime: '2030-01-12T09:00:00+00:00',
    FinalPaymentDateTime: '2030-02-19T09:00:00+00:00',
    FirstPaymentAmount: { Amount: '10.00', Currency: 'GBP' },
    RecurringPaymentAmount: { Amount: '12.50', Currency: 'GBP' },
    CreditorAccount: {
      SchemeName: 'UK.OBIE.SortCodeAccountNumber',
      Identification: '08080021325698',
      Name: 'ACME Inc',
    },
    ...extra,
  };
  for (const field of without) {
    delete fields[field];
  }
  return { Data: { Permission: 'Create', Initiation: fields }, Risk: {} };
}

describe(initiationRejection.name, () => {
  it("accepts the journey's initiation, one with a debtor account, and one without LocalInstrument", () => {
    expect(initiationRejection(initiation(), context())).toBeUndefined();
    expect(
      initiationRejection(
        initiation({ DebtorAccount: { SchemeName: 'UK.OBIE.IBAN', Identification: 'GB29NWBK60161331926819' } }),
        context(),
      ),
    ).toBeUndefined();
    const withoutInstrument = initiation();
    delete withoutInstrument['LocalInstrument'];
    expect(initiationRejection(withoutInstrument, context())).toBeUndefined();
  });

  it.each(LOCAL_INSTRUMENTS.map((instrument) => [instrument]))('accepts the LocalInstrument %s', (instrument) => {
    expect(initiationRejection(initiation({ LocalInstrument: instrument }), context())).toBeUndefined();
  });

  it.each([
    [
      'an InstructedAmount of 0 (A.6, IMPL)',
      { InstructedAmount: { Amount: '0.00', Currency: 'GBP' } },
      'UK.OBIE.Field.Invalid',
      'Data.Initiation.InstructedAmount.Amount',
      'Data.Initiation.InstructedAmount.Amount must be greater than 0',
    ],
    [
      'a currency the bank does not handle (UK-24 "XYZ")',
      { InstructedAmount: { Amount: '1.00', Currency: 'XYZ' } },
      'UK.OBIE.Unsupported.Currency',
      'Data.Initiation.InstructedAmount.Currency',
      'Data.Initiation.InstructedAmount.Currency "XYZ" is not supported (accepted: GBP, EUR, USD)',
    ],
    [
      'a creditor scheme UK.OBIE.Foo (UK-26)',
      { CreditorAccount: { SchemeName: 'UK.OBIE.Foo', Identification: '08080021325698', Name: 'ACME Inc' } },
      'UK.OBIE.Unsupported.Scheme',
      'Data.Initiation.CreditorAccount.SchemeName',
      'Data.Initiation.CreditorAccount.SchemeName "UK.OBIE.Foo" is not supported (accepted: UK.OBIE.BBAN, UK.OBIE.IBAN, UK.OBIE.PAN, UK.OBIE.Paym, UK.OBIE.SortCodeAccountNumber, UK.OBIE.Wallet)',
    ],
    [
      'a creditor sort code and account of 13 digits (UK-27)',
      {
        CreditorAccount: {
          SchemeName: 'UK.OBIE.SortCodeAccountNumber',
          Identification: '0808002132569',
          Name: 'ACME Inc',
        },
      },
      'UK.OBIE.Unsupported.AccountIdentifier',
      'Data.Initiation.CreditorAccount.Identification',
      'Data.Initiation.CreditorAccount.Identification must be a 6-digit sort code and an 8-digit account number',
    ],
    [
      'a creditor IBAN with a bad checksum (A.6)',
      { CreditorAccount: { SchemeName: 'UK.OBIE.IBAN', Identification: 'GB00LOYD30080012343456', Name: 'ACME Inc' } },
      'UK.OBIE.Unsupported.AccountIdentifier',
      'Data.Initiation.CreditorAccount.Identification',
      'Data.Initiation.CreditorAccount.Identification is not a valid IBAN',
    ],
    [
      'a debtor IBAN with a bad checksum',
      { DebtorAccount: { SchemeName: 'UK.OBIE.IBAN', Identification: 'GB00LOYD30080012343456' } },
      'UK.OBIE.Unsupported.AccountIdentifier',
      'Data.Initiation.DebtorAccount.Identification',
      'Data.Initiation.DebtorAccount.Identification is not a valid IBAN',
    ],
    [
      'an unknown LocalInstrument (A.6)',
      { LocalInstrument: 'UK.OBIE.Pigeon' },
      'UK.OBIE.Unsupported.LocalInstrument',
      'Data.Initiation.LocalInstrument',
      'LocalInstrument "UK.OBIE.Pigeon" is not supported',
    ],
  ])('refuses %s', (_case, extra, code, path, message) => {
    expect(initiationRejection(initiation(extra), context())).toEqual({ status: 400, code, message, path });
  });

  it('refuses a currency taken off UK_SUPPORTED_CURRENCIES', () => {
    expect(initiationRejection(initiation(), context({ UK_SUPPORTED_CURRENCIES: 'EUR' }))).toMatchObject({
      code: 'UK.OBIE.Unsupported.Currency',
      path: 'Data.Initiation.InstructedAmount.Currency',
    });
  });

  it('checks the amount, then the creditor, then the debtor, then the LocalInstrument', () => {
    const bad = {
      InstructedAmount: { Amount: '0', Currency: 'GBP' },
      CreditorAccount: { SchemeName: 'UK.OBIE.Foo', Identification: 'x', Name: 'n' },
      DebtorAccount: { SchemeName: 'UK.OBIE.Foo', Identification: 'x' },
      LocalInstrument: 'UK.OBIE.Pigeon',
    };
    const pathOf = (extra: JsonObject): string | undefined => initiationRejection(initiation(extra), context())?.path;
    expect(pathOf(bad)).toBe('Data.Initiation.InstructedAmount.Amount');
    expect(pathOf({ ...bad, InstructedAmount: { Amount: '1', Currency: 'GBP' } })).toBe(
      'Data.Initiation.CreditorAccount.SchemeName',
    );
    expect(
      pathOf({
        ...bad,
        InstructedAmount: { Amount: '1', Currency: 'GBP' },
        CreditorAccount: initiation()['CreditorAccount'],
      }),
    ).toBe('Data.Initiation.DebtorAccount.SchemeName');
  });
});

describe(futureDate.name, () => {
  it('accepts a date ahead, and no date', () => {
    expect(
      futureDate({ RequestedExecutionDateTime: '2030-01-10T09:00:01Z' }, 'RequestedExecutionDateTime', NOW),
    ).toBeUndefined();
    expect(futureDate({}, 'RequestedExecutionDateTime', NOW)).toBeUndefined();
    expect(futureDate(undefined, 'RequestedExecutionDateTime', NOW)).toBeUndefined();
  });

  it.each(['2030-01-09T09:00:00+00:00', '2030-01-10T09:00:00Z'])(
    'refuses %s, not ahead: 400 Field.InvalidDate on Data.Initiation.<field>',
    (at) => {
      expect(futureDate({ FirstPaymentDateTime: at }, 'FirstPaymentDateTime', NOW)).toEqual({
        status: 400,
        code: 'UK.OBIE.Field.InvalidDate',
        message: 'Data.Initiation.FirstPaymentDateTime must be in the future',
        path: 'Data.Initiation.FirstPaymentDateTime',
      });
    },
  );
});

describe('domesticPaymentRules', () => {
  it('accepts a valid body and applies the initiation rules', () => {
    expect(domesticPaymentRules(domestic(), context())).toBeUndefined();
    expect(domesticPaymentRules(domestic({ LocalInstrument: 'UK.OBIE.Pigeon' }), context())).toMatchObject({
      code: 'UK.OBIE.Unsupported.LocalInstrument',
    });
  });

  it("has no date rule: a past RequestedExecutionDateTime is not a domestic payment's field", () => {
    expect(
      domesticPaymentRules(domestic({ RequestedExecutionDateTime: '2029-01-01T00:00:00Z' }), context()),
    ).toBeUndefined();
  });
});

describe('domesticScheduledPaymentRules', () => {
  it('accepts an execution date ahead', () => {
    expect(domesticScheduledPaymentRules(scheduled(), context())).toBeUndefined();
  });

  it('refuses a RequestedExecutionDateTime in the past (A.6): 400 Field.InvalidDate', () => {
    expect(
      domesticScheduledPaymentRules(scheduled({ RequestedExecutionDateTime: '2030-01-09T09:00:00+00:00' }), context()),
    ).toEqual({
      status: 400,
      code: 'UK.OBIE.Field.InvalidDate',
      message: 'Data.Initiation.RequestedExecutionDateTime must be in the future',
      path: 'Data.Initiation.RequestedExecutionDateTime',
    });
  });

  it('checks the initiation before the date', () => {
    expect(
      domesticScheduledPaymentRules(
        scheduled({ RequestedExecutionDateTime: '2029-01-01T00:00:00Z', LocalInstrument: 'UK.OBIE.Pigeon' }),
        context(),
      ),
    ).toMatchObject({
      path: 'Data.Initiation.LocalInstrument',
    });
  });
});

describe('domesticStandingOrderRules', () => {
  it.each([
    ['ending on FinalPaymentDateTime', standingOrder()],
    ['ending after NumberOfPayments', standingOrder({ NumberOfPayments: '12' }, ['FinalPaymentDateTime'])],
    ['open-ended', standingOrder({}, ['FinalPaymentDateTime'])],
  ])('accepts a standing order %s', (_case, body) => {
    expect(domesticStandingOrderRules(body, context())).toBeUndefined();
  });

  it.each([
    [
      'NumberOfPayments with FinalPaymentDateTime (issue 9 #1)',
      { NumberOfPayments: '12' },
      'UK.OBIE.Field.Unexpected',
      'Data.Initiation.FinalPaymentDateTime',
      'FinalPaymentDateTime must not be given with NumberOfPayments: a standing order ends after a number of payments or on a final date, not both',
    ],
    [
      'a final payment before the first (A.6)',
      { FinalPaymentDateTime: '2030-01-11T09:00:00+00:00' },
      'UK.OBIE.Field.InvalidDate',
      'Data.Initiation.FinalPaymentDateTime',
      'FinalPaymentDateTime must not be before FirstPaymentDateTime',
    ],
    [
      'a recurring amount equal to the first (A.6)',
      { RecurringPaymentAmount: { Amount: '10', Currency: 'GBP' } },
      'UK.OBIE.Field.Unexpected',
      'Data.Initiation.RecurringPaymentAmount',
      'RecurringPaymentAmount must only be given when it differs from FirstPaymentAmount',
    ],
    [
      'a recurring date equal to the first (A.6)',
      { RecurringPaymentDateTime: '2030-01-12T09:00:00+00:00' },
      'UK.OBIE.Field.Unexpected',
      'Data.Initiation.RecurringPaymentDateTime',
      'RecurringPaymentDateTime must only be given when it differs from FirstPaymentDateTime',
    ],
    [
      'a recurring date before the first (A.6)',
      { RecurringPaymentDateTime: '2030-01-11T09:00:00+00:00' },
      'UK.OBIE.Field.InvalidDate',
      'Data.Initiation.RecurringPaymentDateTime',
      'RecurringPaymentDateTime must not be before FirstPaymentDateTime',
    ],
    [
      'a FirstPaymentAmount of 0',
      { FirstPaymentAmount: { Amount: '0', Currency: 'GBP' } },
      'UK.OBIE.Field.Invalid',
      'Data.Initiation.FirstPaymentAmount.Amount',
      'Data.Initiation.FirstPaymentAmount.Amount must be greater than 0',
    ],
    [
      'a RecurringPaymentAmount in a currency the bank does not handle',
      { RecurringPaymentAmount: { Amount: '12.50', Currency: 'JPY' } },
      'UK.OBIE.Unsupported.Currency',
      'Data.Initiation.RecurringPaymentAmount.Currency',
      'Data.Initiation.RecurringPaymentAmount.Currency "JPY" is not supported (accepted: GBP, EUR, USD)',
    ],
    [
      'a FinalPaymentAmount of 0',
      { FinalPaymentAmount: { Amount: '0.00', Currency: 'GBP' } },
      'UK.OBIE.Field.Invalid',
      'Data.Initiation.FinalPaymentAmount.Amount',
      'Data.Initiation.FinalPaymentAmount.Amount must be greater than 0',
    ],
    [
      'a first payment in the past',
      { FirstPaymentDateTime: '2030-01-09T09:00:00+00:00' },
      'UK.OBIE.Field.InvalidDate',
      'Data.Initiation.FirstPaymentDateTime',
      'Data.Initiation.FirstPaymentDateTime must be in the future',
    ],
  ])('refuses %s', (_case, extra, code, path, message) => {
    expect(domesticStandingOrderRules(standingOrder(extra), context())).toEqual({ status: 400, code, message, path });
  });

  it('refuses a schedule the bank does not run: 400 Unsupported.Frequency', () => {
    expect(
      domesticStandingOrderRules(standingOrder(), context({ UK_SUPPORTED_FREQUENCIES: 'EvryDay,IntrvlMnthDay' })),
    ).toEqual({
      status: 400,
      code: 'UK.OBIE.Unsupported.Frequency',
      message: 'Frequency "EvryWorkgDay" is not one the bank runs (accepted schedules: EvryDay, IntrvlMnthDay)',
      path: 'Data.Initiation.Frequency',
    });
  });

  it('checks the schedule first, then the frequency, then the initiation, then the amounts, then the first date', () => {
    const oneEnd = {
      Frequency: 'QtrDay:ENGLISH',
      CreditorAccount: { SchemeName: 'UK.OBIE.Foo', Identification: 'x', Name: 'n' },
      FirstPaymentAmount: { Amount: '0', Currency: 'GBP' },
      FirstPaymentDateTime: '2029-01-01T00:00:00+00:00',
      FinalPaymentDateTime: '2029-06-01T00:00:00+00:00',
    };
    const pathOf = (extra: JsonObject): string | undefined =>
      domesticStandingOrderRules(standingOrder(extra), context({ UK_SUPPORTED_FREQUENCIES: 'EvryDay' }))?.path;
    expect(pathOf({ ...oneEnd, NumberOfPayments: '3' })).toBe('Data.Initiation.FinalPaymentDateTime');
    expect(pathOf(oneEnd)).toBe('Data.Initiation.Frequency');
    expect(pathOf({ ...oneEnd, Frequency: 'EvryDay' })).toBe('Data.Initiation.CreditorAccount.SchemeName');
    expect(pathOf({ ...oneEnd, Frequency: 'EvryDay', CreditorAccount: initiation()['CreditorAccount'] })).toBe(
      'Data.Initiation.FirstPaymentAmount.Amount',
    );
    expect(
      pathOf({
        ...oneEnd,
        Frequency: 'EvryDay',
        CreditorAccount: initiation()['CreditorAccount'],
        FirstPaymentAmount: { Amount: '1', Currency: 'GBP' },
      }),
    ).toBe('Data.Initiation.FirstPaymentDateTime');
  });
});
