import { SettingsReader, type JsonObject } from '@app/contract';
import { resolveUkSpecOptions } from '../../uk-spec.options.js';
import {
  chargeBearerRejection,
  creditorAgentRejection,
  exchangeRateRejection,
  internationalPaymentRules,
  internationalScheduledPaymentRules,
  internationalStandingOrderRules,
} from './international-payment.rules.js';

const NOW = Date.parse('2030-01-10T09:00:00Z');
const context = (env: Record<string, string> = {}) => ({
  nowMillis: NOW,
  options: resolveUkSpecOptions(new SettingsReader(env)),
});

const initiation = (extra: JsonObject = {}): JsonObject => ({
  InstructionIdentification: 'ACME412',
  CurrencyOfTransfer: 'EUR',
  InstructedAmount: { Amount: '100.00', Currency: 'GBP' },
  CreditorAccount: { SchemeName: 'UK.OBIE.IBAN', Identification: 'DE89370400440532013000', Name: 'Berlin GmbH' },
  ...extra,
});
const scheduled = (extra: JsonObject = {}): JsonObject => ({
  Data: {
    Permission: 'Create',
    Initiation: initiation({ RequestedExecutionDateTime: '2030-01-12T09:00:00+00:00', ...extra }),
  },
  Risk: {},
});
const standingOrder = (extra: JsonObject = {}): JsonObject => {
  // OBInternationalStandingOrder4 has no InstructionIdentification.
  const rest = initiation({
    Frequency: 'IntrvlMnthDay:01:15',
    FirstPaymentDateTime: '2030-01-15T09:00:00+00:00',
    ...extra,
  });
  delete rest['InstructionIdentification'];
  return { Data: { Permission: 'Create', Initiation: rest }, Risk: {} };
};

describe(exchangeRateRejection.name, () => {
  it.each([
    [
      'an Agreed rate with both fields',
      { UnitCurrency: 'GBP', RateType: 'Agreed', ExchangeRate: 1.17, ContractIdentification: 'FX-1' },
    ],
    ['an Actual rate alone', { UnitCurrency: 'GBP', RateType: 'Actual' }],
    ['an Indicative rate alone', { UnitCurrency: 'GBP', RateType: 'Indicative' }],
    ['no exchange-rate information', undefined],
  ])('accepts %s', (_case, rate) => {
    expect(exchangeRateRejection(rate as JsonObject | undefined)).toBeUndefined();
  });

  it.each([
    ['ExchangeRate', { UnitCurrency: 'GBP', RateType: 'Agreed', ContractIdentification: 'FX-1' }],
    ['ContractIdentification', { UnitCurrency: 'GBP', RateType: 'Agreed', ExchangeRate: 1.17 }],
  ])('an Agreed rate without %s is 400 Field.Expected', (field, rate) => {
    expect(exchangeRateRejection(rate)).toMatchObject({
      status: 400,
      code: 'UK.OBIE.Field.Expected',
      path: `Data.Initiation.ExchangeRateInformation.${field}`,
    });
  });

  it.each([
    ['Actual', 'ExchangeRate', { ExchangeRate: 1.17 }],
    ['Indicative', 'ContractIdentification', { ContractIdentification: 'FX-1' }],
  ])('an %s rate with %s is 400 Field.Unexpected', (rateType, field, extra) => {
    expect(exchangeRateRejection({ UnitCurrency: 'GBP', RateType: rateType, ...extra })).toMatchObject({
      status: 400,
      code: 'UK.OBIE.Field.Unexpected',
      path: `Data.Initiation.ExchangeRateInformation.${field}`,
    });
  });
});

describe(chargeBearerRejection.name, () => {
  it('accepts a charge allocation the bank fulfils, or none', () => {
    expect(chargeBearerRejection('Shared', ['Shared'])).toBeUndefined();
    expect(chargeBearerRejection(undefined, ['Shared'])).toBeUndefined();
  });

  it('refuses one it cannot fulfil: 400 Field.Invalid on Data.Initiation.ChargeBearer', () => {
    expect(chargeBearerRejection('BorneByCreditor', ['Shared'])).toMatchObject({
      status: 400,
      code: 'UK.OBIE.Field.Invalid',
      path: 'Data.Initiation.ChargeBearer',
    });
  });
});

describe(creditorAgentRejection.name, () => {
  it.each([
    ['SchemeName and Identification', { SchemeName: 'UK.OBIE.BICFI', Identification: 'DEUTDEFF' }],
    ['Name and PostalAddress', { Name: 'Deutsche Bank', PostalAddress: { Country: 'DE' } }],
  ])('accepts %s', (_case, agent) => {
    expect(creditorAgentRejection(agent)).toBeUndefined();
  });

  it.each([
    ['Identification', { SchemeName: 'UK.OBIE.BICFI' }],
    ['SchemeName', { Identification: 'DEUTDEFF' }],
    ['PostalAddress', { Name: 'Deutsche Bank' }],
  ])('needs %s with its pair (400 Field.Expected)', (missing, agent) => {
    expect(creditorAgentRejection(agent)).toMatchObject({
      status: 400,
      code: 'UK.OBIE.Field.Expected',
      path: `Data.Initiation.CreditorAgent.${missing}`,
    });
  });
});

describe(internationalScheduledPaymentRules.name, () => {
  it('accepts a valid body', () => {
    expect(internationalScheduledPaymentRules(scheduled(), context())).toBeUndefined();
  });

  it.each([
    [
      'an execution date in the past',
      { RequestedExecutionDateTime: '2030-01-09T09:00:00+00:00' },
      'UK.OBIE.Field.InvalidDate',
      'Data.Initiation.RequestedExecutionDateTime',
    ],
    [
      'an unsupported currency of transfer',
      { CurrencyOfTransfer: 'JPY' },
      'UK.OBIE.Unsupported.Currency',
      'Data.Initiation.CurrencyOfTransfer',
    ],
    [
      'an Indicative rate with a contract',
      { ExchangeRateInformation: { UnitCurrency: 'GBP', RateType: 'Indicative', ContractIdentification: 'X' } },
      'UK.OBIE.Field.Unexpected',
      'Data.Initiation.ExchangeRateInformation.ContractIdentification',
    ],
  ])('refuses %s', (_case, extra, code, path) => {
    expect(internationalScheduledPaymentRules(scheduled(extra), context())).toMatchObject({ status: 400, code, path });
  });
});

describe(internationalStandingOrderRules.name, () => {
  it('accepts a valid body', () => {
    expect(internationalStandingOrderRules(standingOrder(), context())).toBeUndefined();
    expect(internationalStandingOrderRules(standingOrder({ NumberOfPayments: '12' }), context())).toBeUndefined();
  });

  it.each([
    [
      'NumberOfPayments and FinalPaymentDateTime',
      { NumberOfPayments: '3', FinalPaymentDateTime: '2030-06-15T09:00:00+00:00' },
      'UK.OBIE.Field.Unexpected',
      'Data.Initiation.FinalPaymentDateTime',
    ],
    ['NumberOfPayments "0"', { NumberOfPayments: '0' }, 'UK.OBIE.Field.Invalid', 'Data.Initiation.NumberOfPayments'],
    [
      'a final payment before the first',
      { FinalPaymentDateTime: '2030-01-14T09:00:00+00:00' },
      'UK.OBIE.Field.InvalidDate',
      'Data.Initiation.FinalPaymentDateTime',
    ],
    [
      'a first payment in the past',
      { FirstPaymentDateTime: '2030-01-09T09:00:00+00:00' },
      'UK.OBIE.Field.InvalidDate',
      'Data.Initiation.FirstPaymentDateTime',
    ],
    [
      'a charge allocation the bank cannot fulfil',
      { ChargeBearer: 'BorneByCreditor' },
      'UK.OBIE.Field.Invalid',
      'Data.Initiation.ChargeBearer',
    ],
  ])('refuses %s', (_case, extra, code, path) => {
    expect(
      internationalStandingOrderRules(standingOrder(extra), context({ UK_SUPPORTED_CHARGE_BEARERS: 'Shared' })),
    ).toMatchObject({ status: 400, code, path });
  });

  it('refuses a frequency the bank does not run with Unsupported.Frequency', () => {
    expect(
      internationalStandingOrderRules(standingOrder(), context({ UK_SUPPORTED_FREQUENCIES: 'EvryDay' })),
    ).toMatchObject({
      status: 400,
      code: 'UK.OBIE.Unsupported.Frequency',
      path: 'Data.Initiation.Frequency',
    });
  });
});

describe(internationalPaymentRules.name, () => {
  const payment = (extra: JsonObject = {}): JsonObject => ({
    Data: {
      Initiation: initiation({
        ExchangeRateInformation: {
          UnitCurrency: 'GBP',
          RateType: 'Agreed',
          ExchangeRate: 1.17,
          ContractIdentification: 'FX-1',
        },
        ...extra,
      }),
    },
    Risk: {},
  });
  const RATE = 'Data.Initiation.ExchangeRateInformation';

  it("accepts the e2e suite's body, and one without exchange-rate information", () => {
    expect(internationalPaymentRules(payment(), context())).toBeUndefined();
    const withoutRate = payment();
    delete ((withoutRate['Data'] as JsonObject)['Initiation'] as JsonObject)['ExchangeRateInformation'];
    expect(internationalPaymentRules(withoutRate, context())).toBeUndefined();
  });

  it('has no date rule: it is executed at once', () => {
    expect(
      internationalPaymentRules(payment({ RequestedExecutionDateTime: '2029-01-01T00:00:00+00:00' }), context()),
    ).toBeUndefined();
  });

  it.each([
    [
      'an Agreed rate without ContractIdentification (UK-32)',
      { ExchangeRateInformation: { UnitCurrency: 'GBP', RateType: 'Agreed', ExchangeRate: 1.17 } },
      'UK.OBIE.Field.Expected',
      'ContractIdentification must be given with an Agreed RateType',
      `${RATE}.ContractIdentification`,
    ],
    [
      'an Indicative rate with ExchangeRate (UK-33)',
      { ExchangeRateInformation: { UnitCurrency: 'GBP', RateType: 'Indicative', ExchangeRate: 1.17 } },
      'UK.OBIE.Field.Unexpected',
      'ExchangeRate must not be given with an Indicative RateType',
      `${RATE}.ExchangeRate`,
    ],
    [
      'a CreditorAgent with Name but no PostalAddress (A.6)',
      { CreditorAgent: { Name: 'Deutsche Bank' } },
      'UK.OBIE.Field.Expected',
      'CreditorAgent needs SchemeName and Identification, or Name and PostalAddress',
      'Data.Initiation.CreditorAgent.PostalAddress',
    ],
    [
      'a CreditorAgent with SchemeName but no Identification (A.6)',
      { CreditorAgent: { SchemeName: 'UK.OBIE.BICFI' } },
      'UK.OBIE.Field.Expected',
      'CreditorAgent.Identification must be given with the other identification field',
      'Data.Initiation.CreditorAgent.Identification',
    ],
    [
      'a CreditorAgent with nothing of either pair',
      { CreditorAgent: {} },
      'UK.OBIE.Field.Expected',
      'CreditorAgent needs SchemeName and Identification, or Name and PostalAddress',
      'Data.Initiation.CreditorAgent.Name',
    ],
    [
      'a CurrencyOfTransfer the bank does not handle (A.6)',
      { CurrencyOfTransfer: 'JPY' },
      'UK.OBIE.Unsupported.Currency',
      'Data.Initiation.CurrencyOfTransfer "JPY" is not supported (accepted: GBP, EUR, USD)',
      'Data.Initiation.CurrencyOfTransfer',
    ],
    [
      'an InstructedAmount of 0 (the domestic rules apply)',
      { InstructedAmount: { Amount: '0', Currency: 'GBP' } },
      'UK.OBIE.Field.Invalid',
      'Data.Initiation.InstructedAmount.Amount must be greater than 0',
      'Data.Initiation.InstructedAmount.Amount',
    ],
  ])('refuses %s', (_case, extra, code, message, path) => {
    expect(internationalPaymentRules(payment(extra), context())).toEqual({ status: 400, code, message, path });
  });

  it('refuses a charge allocation the bank cannot fulfil, naming the ones it can', () => {
    expect(
      internationalPaymentRules(
        payment({ ChargeBearer: 'BorneByCreditor' }),
        context({ UK_SUPPORTED_CHARGE_BEARERS: 'Shared,BorneByDebtor' }),
      ),
    ).toEqual({
      status: 400,
      code: 'UK.OBIE.Field.Invalid',
      message: 'ChargeBearer BorneByCreditor cannot be fulfilled by the bank (accepted: Shared, BorneByDebtor)',
      path: 'Data.Initiation.ChargeBearer',
    });
  });

  it('checks the domestic rules, the currency of transfer, the creditor agent, the charges, then the exchange rate', () => {
    const wrong: JsonObject = {
      InstructedAmount: { Amount: '0', Currency: 'GBP' },
      CurrencyOfTransfer: 'JPY',
      CreditorAgent: { Name: 'Deutsche Bank' },
      ChargeBearer: 'BorneByCreditor',
      ExchangeRateInformation: { UnitCurrency: 'GBP', RateType: 'Agreed' },
    };
    const repairs: ReadonlyArray<readonly [string, JsonObject]> = [
      ['Data.Initiation.InstructedAmount.Amount', { InstructedAmount: { Amount: '100.00', Currency: 'GBP' } }],
      ['Data.Initiation.CurrencyOfTransfer', { CurrencyOfTransfer: 'EUR' }],
      [
        'Data.Initiation.CreditorAgent.PostalAddress',
        { CreditorAgent: { SchemeName: 'UK.OBIE.BICFI', Identification: 'DEUTDEFF' } },
      ],
      ['Data.Initiation.ChargeBearer', { ChargeBearer: 'Shared' }],
      [`${RATE}.ExchangeRate`, { ExchangeRateInformation: { UnitCurrency: 'GBP', RateType: 'Actual' } }],
    ];
    for (const [path, repair] of repairs) {
      expect(internationalPaymentRules(payment(wrong), context({ UK_SUPPORTED_CHARGE_BEARERS: 'Shared' }))?.path).toBe(
        path,
      );
      Object.assign(wrong, repair);
    }
    expect(
      internationalPaymentRules(payment(wrong), context({ UK_SUPPORTED_CHARGE_BEARERS: 'Shared' })),
    ).toBeUndefined();
  });
});
