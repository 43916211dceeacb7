import type { JsonObject } from '@app/contract';
import { UkOfficialSchemas } from '../../schemas/uk-official-schemas.js';
import { UK_CONSENT_KINDS } from '../../shared/uk-consent-kind.js';
import { officialSchemaRejection } from './official-schema.rule.js';

/*
 * The creation cases of the e2e catalogue that the official v3.1.11 schemas decide (test/e2e/uk/uk-consent-creation),
 * each with the UK error it must give. The schemas are compiled once for the file, as the module does at start-up.
 */

const schemas = new UkOfficialSchemas();
const rejectionAt = (path: string, body: JsonObject) =>
  officialSchemaRejection(schemas.requestCheck(UK_CONSENT_KINDS.find((kind) => kind.path === path)!), body);

const CREDITOR = { SchemeName: 'UK.OBIE.SortCodeAccountNumber', Identification: '08080021325698', Name: 'ACME Inc' };
const DOMESTIC_INITIATION = {
  InstructionIdentification: 'ACME412',
  EndToEndIdentification: 'FRESCO.21302.GFX.20',
  LocalInstrument: 'UK.OBIE.FPS',
  InstructedAmount: { Amount: '165.88', Currency: 'GBP' },
  CreditorAccount: CREDITOR,
  RemittanceInformation: { Reference: 'FRESCO-101', Unstructured: 'Internal ops code 5120101' },
};

/** A valid body of each endpoint the catalogue uses, changed by `change` (a copy: the fixtures stay as they are). */
const BODIES: Readonly<Record<string, JsonObject>> = {
  'account-access-consents': {
    Data: {
      Permissions: [
        'ReadAccountsBasic',
        'ReadAccountsDetail',
        'ReadTransactionsDetail',
        'ReadTransactionsCredits',
        'ReadTransactionsDebits',
      ],
      ExpirationDateTime: '2030-07-10T09:00:00+00:00',
      TransactionFromDateTime: '2029-10-10T09:00:00+00:00',
      TransactionToDateTime: '2030-01-10T09:00:00+00:00',
    },
    Risk: {},
  },
  'domestic-payment-consents': {
    Data: { ReadRefundAccount: 'Yes', Initiation: DOMESTIC_INITIATION },
    Risk: { PaymentContextCode: 'EcommerceGoods' },
  },
  'domestic-scheduled-payment-consents': {
    Data: {
      Permission: 'Create',
      Initiation: { ...DOMESTIC_INITIATION, RequestedExecutionDateTime: '2030-01-13T09:00:00+00:00' },
    },
    Risk: {},
  },
  'domestic-standing-order-consents': {
    Data: {
      Permission: 'Create',
      Initiation: {
        Frequency: 'EvryWorkgDay',
        FirstPaymentDateTime: '2030-01-12T09:00:00+00:00',
        FinalPaymentDateTime: '2030-02-19T09:00:00+00:00',
        FirstPaymentAmount: { Amount: '10.00', Currency: 'GBP' },
        RecurringPaymentAmount: { Amount: '12.50', Currency: 'GBP' },
        CreditorAccount: CREDITOR,
      },
    },
    Risk: {},
  },
  'international-payment-consents': {
    Data: {
      Initiation: {
        InstructionIdentification: 'ACME412',
        EndToEndIdentification: 'FRESCO.21302.GFX.20',
        CurrencyOfTransfer: 'EUR',
        InstructedAmount: { Amount: '100.00', Currency: 'GBP' },
        ExchangeRateInformation: {
          UnitCurrency: 'GBP',
          RateType: 'Agreed',
          ExchangeRate: 1.17,
          ContractIdentification: 'FX-1',
        },
        CreditorAccount: { SchemeName: 'UK.OBIE.IBAN', Identification: 'DE89370400440532013000', Name: 'Berlin GmbH' },
      },
    },
    Risk: {},
  },
  'funds-confirmation-consents': {
    Data: {
      ExpirationDateTime: '2030-04-10T09:00:00+00:00',
      DebtorAccount: {
        SchemeName: 'UK.OBIE.SortCodeAccountNumber',
        Identification: '11280001234567',
        Name: 'Alex Morgan',
      },
    },
  },
  'domestic-vrp-consents': {
    Data: {
      ReadRefundAccount: 'No',
      ControlParameters: {
        ValidFromDateTime: '2030-01-09T09:00:00+00:00',
        ValidToDateTime: '2031-01-10T09:00:00+00:00',
        MaximumIndividualAmount: { Amount: '100.00', Currency: 'GBP' },
        PeriodicLimits: [{ PeriodType: 'Day', PeriodAlignment: 'Calendar', Amount: '250.00', Currency: 'GBP' }],
        VRPType: ['UK.OBIE.VRPType.Sweeping'],
        PSUAuthenticationMethods: ['UK.OBIE.SCANotRequired'],
      },
      Initiation: { CreditorAccount: CREDITOR, RemittanceInformation: { Reference: 'SWEEP-0001' } },
    },
    Risk: { PaymentContextCode: 'TransferToSelf' },
  },
};

type Change = (body: JsonObject) => void;

function bodyOf(path: string, change: Change = () => undefined): JsonObject {
  const body = structuredClone(BODIES[path]);
  change(body);
  return body;
}

const data = (body: JsonObject): JsonObject => body['Data'] as JsonObject;
const initiation = (body: JsonObject): JsonObject => data(body)['Initiation'] as JsonObject;
const control = (body: JsonObject): JsonObject => data(body)['ControlParameters'] as JsonObject;
const firstLimit = (body: JsonObject): JsonObject => (control(body)['PeriodicLimits'] as JsonObject[])[0];

const AAC = 'account-access-consents';
const DPC = 'domestic-payment-consents';
const COF = 'funds-confirmation-consents';
const VRP = 'domestic-vrp-consents';

describe(officialSchemaRejection.name, () => {
  it.each(Object.keys(BODIES))('accepts a valid %s body', (path) => {
    expect(rejectionAt(path, bodyOf(path))).toBeUndefined();
  });

  it.each(['ContractPresentIndicator', 'ContractPresentInidicator'])(
    'accepts the Risk field spelled %s (v3.1.11 errata)',
    (field) => {
      expect(
        rejectionAt(
          DPC,
          bodyOf(DPC, (b) => (b['Risk'] = { [field]: true })),
        ),
      ).toBeUndefined();
    },
  );

  it.each<[string, string, Change, string]>([
    [
      'UK-01 body {} (Data missing)',
      AAC,
      (b) => {
        delete b['Data'];
        delete b['Risk'];
      },
      'Data',
    ],
    ['UK-02 Risk omitted', AAC, (b) => delete b['Risk'], 'Risk'],
    [
      'UK-25 CreditorAccount without Name',
      DPC,
      (b) => delete (initiation(b)['CreditorAccount'] as JsonObject)['Name'],
      'Data.Initiation.CreditorAccount.Name',
    ],
    ['UK-29 Authorisation {}', DPC, (b) => (data(b)['Authorisation'] = {}), 'Data.Authorisation.AuthorisationType'],
    ['UK-35 CoF without DebtorAccount', COF, (b) => delete data(b)['DebtorAccount'], 'Data.DebtorAccount'],
  ])('%s: 400 Field.Missing', (_case, path, change, errorPath) => {
    expect(rejectionAt(path, bodyOf(path, change))).toEqual({
      status: 400,
      code: 'UK.OBIE.Field.Missing',
      message: `${errorPath} is missing`,
      path: errorPath,
    });
  });

  it.each<[string, string, Change, string]>([
    ['UK-12 Risk {"x":1}', AAC, (b) => (b['Risk'] = { x: 1 }), 'Risk.x'],
    ['A.3 unknown root property', AAC, (b) => (b['Extra'] = true), 'Extra'],
    ['A.7 CoF with Risk (not in its schema)', COF, (b) => (b['Risk'] = {}), 'Risk'],
  ])('%s: 400 Resource.InvalidFormat', (_case, path, change, errorPath) => {
    expect(rejectionAt(path, bodyOf(path, change))).toEqual({
      status: 400,
      code: 'UK.OBIE.Resource.InvalidFormat',
      message: `${errorPath} is not allowed here`,
      path: errorPath,
    });
  });

  it('UK-09 an ExpirationDateTime that is not a date: 400 Field.InvalidDate', () => {
    expect(
      rejectionAt(
        AAC,
        bodyOf(AAC, (b) => (data(b)['ExpirationDateTime'] = 'not-a-date')),
      ),
    ).toEqual({
      status: 400,
      code: 'UK.OBIE.Field.InvalidDate',
      message: 'Data.ExpirationDateTime is not a valid ISO 8601 date-time',
      path: 'Data.ExpirationDateTime',
    });
  });

  const amount =
    (value: string): Change =>
    (b) =>
      ((initiation(b)['InstructedAmount'] as JsonObject)['Amount'] = value);
  it.each<[string, string, Change, string]>([
    ['UK-03 Permissions []', AAC, (b) => (data(b)['Permissions'] = []), 'Data.Permissions'],
    ['UK-08 an unknown permission', AAC, (b) => (data(b)['Permissions'] = ['ReadEverything']), 'Data.Permissions[0]'],
    [
      'A.3 a wrong type inside the body',
      AAC,
      (b) => (data(b)['Permissions'] = 'ReadAccountsBasic'),
      'Data.Permissions',
    ],
    ['UK-23 Amount 12.345678', DPC, amount('12.345678'), 'Data.Initiation.InstructedAmount.Amount'],
    ['UK-23 Amount -1.00', DPC, amount('-1.00'), 'Data.Initiation.InstructedAmount.Amount'],
    ['UK-23 Amount 1e3', DPC, amount('1e3'), 'Data.Initiation.InstructedAmount.Amount'],
    [
      'UK-24 Currency "gbp"',
      DPC,
      (b) => ((initiation(b)['InstructedAmount'] as JsonObject)['Currency'] = 'gbp'),
      'Data.Initiation.InstructedAmount.Currency',
    ],
    [
      'UK-28 InstructionIdentification of 36 characters',
      DPC,
      (b) => (initiation(b)['InstructionIdentification'] = 'x'.repeat(36)),
      'Data.Initiation.InstructionIdentification',
    ],
    ['A.6 ReadRefundAccount "Maybe"', DPC, (b) => (data(b)['ReadRefundAccount'] = 'Maybe'), 'Data.ReadRefundAccount'],
    [
      'UK-34 Permission "Update"',
      'domestic-scheduled-payment-consents',
      (b) => (data(b)['Permission'] = 'Update'),
      'Data.Permission',
    ],
    [
      'A.6 a malformed standing-order Frequency',
      'domestic-standing-order-consents',
      (b) => (initiation(b)['Frequency'] = 'Fortnightly'),
      'Data.Initiation.Frequency',
    ],
    ['VRP PeriodicLimits []', VRP, (b) => (control(b)['PeriodicLimits'] = []), 'Data.ControlParameters.PeriodicLimits'],
    [
      'VRP PeriodType "Hour"',
      VRP,
      (b) => (firstLimit(b)['PeriodType'] = 'Hour'),
      'Data.ControlParameters.PeriodicLimits[0].PeriodType',
    ],
  ])('%s: 400 Field.Invalid on the field', (_case, path, change, errorPath) => {
    expect(rejectionAt(path, bodyOf(path, change))).toEqual({
      status: 400,
      code: 'UK.OBIE.Field.Invalid',
      message: expect.stringMatching(new RegExp(`^${errorPath.replace(/[.[\]]/g, '\\$&')} `)),
      path: errorPath,
    });
  });

  it('gives the same first violation for the same bad body every time', () => {
    const body = { Data: { Permissions: ['ReadFoo'], ExpirationDateTime: 'x' }, Extra: 1 };
    expect(rejectionAt(AAC, body)).toEqual(rejectionAt(AAC, structuredClone(body)));
  });
});
