import { SettingsReader, type JsonObject } from '@app/contract';
import { resolveUkSpecOptions } from '../../uk-spec.options.js';
import { vrpRules } from './vrp.rules.js';

const NOW = Date.parse('2030-01-10T09:00:00Z');
const CONTEXT = { nowMillis: NOW, options: resolveUkSpecOptions(new SettingsReader({})) };
const PERIOD_TYPES = ['Day', 'Week', 'Fortnight', 'Month', 'Half-year', 'Year'];
const ALIGNMENTS = ['Consent', 'Calendar'];

function vrpBody(control: JsonObject = {}): JsonObject {
  return {
    Data: {
      ControlParameters: {
        ValidToDateTime: '2031-01-10T09:00:00+00:00',
        MaximumIndividualAmount: { Amount: '50.00', Currency: 'GBP' },
        PeriodicLimits: [{ PeriodType: 'Month', PeriodAlignment: 'Calendar', Amount: '500.00', Currency: 'GBP' }],
        VRPType: ['UK.OBIE.VRPType.Sweeping'],
        PSUAuthenticationMethods: ['UK.OBIE.SCANotRequired'],
        ...control,
      },
      Initiation: {},
    },
    Risk: {},
  };
}

const limit = (PeriodType: string, PeriodAlignment: string): JsonObject => ({
  PeriodType,
  PeriodAlignment,
  Amount: '100.00',
  Currency: 'GBP',
});

describe('vrpRules', () => {
  const combinations = PERIOD_TYPES.flatMap((periodType) =>
    ALIGNMENTS.map((alignment) => [periodType, alignment] as const),
  );

  it.each(combinations.filter(([periodType, alignment]) => !(periodType === 'Fortnight' && alignment === 'Calendar')))(
    'accepts a %s limit aligned to the %s',
    (periodType, alignment) => {
      expect(vrpRules(vrpBody({ PeriodicLimits: [limit(periodType, alignment)] }), CONTEXT)).toBeUndefined();
    },
  );

  it('refuses a Fortnight limit aligned to the calendar: Field.Invalid on its PeriodAlignment', () => {
    const body = vrpBody({ PeriodicLimits: [limit('Day', 'Calendar'), limit('Fortnight', 'Calendar')] });
    expect(vrpRules(body, CONTEXT)).toEqual({
      status: 400,
      code: 'UK.OBIE.Field.Invalid',
      message: 'A PeriodType of Fortnight requires the PeriodAlignment Consent',
      path: 'Data.ControlParameters.PeriodicLimits[1].PeriodAlignment',
    });
  });

  it('refuses SupplementaryData the bank cannot process, naming its keys in a stable order', () => {
    const refusal = vrpRules(vrpBody({ SupplementaryData: { zeta: 1, alpha: 'x' } }), CONTEXT);
    expect(refusal).toEqual({
      status: 400,
      code: 'UK.OBIE.Field.Invalid',
      message: 'The bank cannot process SupplementaryData (alpha, zeta)',
      path: 'Data.ControlParameters.SupplementaryData',
    });
  });

  it('accepts an empty SupplementaryData: there is nothing in it to process', () => {
    expect(vrpRules(vrpBody({ SupplementaryData: {} }), CONTEXT)).toBeUndefined();
  });
});

describe('vrpRules, every other rule', () => {
  const CONTROL = 'Data.ControlParameters';
  const withInitiation = (initiation: JsonObject): JsonObject => {
    const body = vrpBody();
    (body['Data'] as JsonObject)['Initiation'] = initiation;
    return body;
  };
  const fieldInvalid = (message: string, path: string) => ({
    status: 400,
    code: 'UK.OBIE.Field.Invalid',
    message,
    path,
  });
  const invalidDate = (message: string, path: string) => ({
    status: 400,
    code: 'UK.OBIE.Field.InvalidDate',
    message,
    path,
  });

  it('accepts the consent of the journeys, with its accounts, both VRP types and both authentication methods', () => {
    expect(vrpRules(vrpBody(), CONTEXT)).toBeUndefined();
    expect(
      vrpRules(
        vrpBody({
          VRPType: ['UK.OBIE.VRPType.Sweeping', 'UK.OBIE.VRPType.Other'],
          PSUAuthenticationMethods: ['UK.OBIE.SCA', 'UK.OBIE.SCANotRequired'],
        }),
        CONTEXT,
      ),
    ).toBeUndefined();
    expect(
      vrpRules(
        withInitiation({
          DebtorAccount: { SchemeName: 'UK.OBIE.IBAN', Identification: 'GB29NWBK60161331926819' },
          CreditorAccount: {
            SchemeName: 'UK.OBIE.SortCodeAccountNumber',
            Identification: '08080021325698',
            Name: 'ACME Sweeping Ltd',
          },
        }),
        CONTEXT,
      ),
    ).toBeUndefined();
  });

  it.each([
    [
      'an unknown VRPType',
      { VRPType: ['UK.OBIE.VRPType.Sweeping', 'UK.OBIE.VRPType.Gambling'] },
      fieldInvalid(
        `${CONTROL}.VRPType value "UK.OBIE.VRPType.Gambling" is not one of UK.OBIE.VRPType.Sweeping, UK.OBIE.VRPType.Other`,
        `${CONTROL}.VRPType`,
      ),
    ],
    [
      'an unknown PSUAuthenticationMethod',
      { PSUAuthenticationMethods: ['UK.OBIE.Biometric'] },
      fieldInvalid(
        `${CONTROL}.PSUAuthenticationMethods value "UK.OBIE.Biometric" is not one of UK.OBIE.SCA, UK.OBIE.SCANotRequired`,
        `${CONTROL}.PSUAuthenticationMethods`,
      ),
    ],
    [
      'a MaximumIndividualAmount of 0',
      { MaximumIndividualAmount: { Amount: '0', Currency: 'GBP' } },
      fieldInvalid(
        `${CONTROL}.MaximumIndividualAmount.Amount must be greater than 0`,
        `${CONTROL}.MaximumIndividualAmount.Amount`,
      ),
    ],
    [
      'a MaximumIndividualAmount in a currency the bank does not handle',
      { MaximumIndividualAmount: { Amount: '50.00', Currency: 'JPY' } },
      {
        status: 400,
        code: 'UK.OBIE.Unsupported.Currency',
        message: `${CONTROL}.MaximumIndividualAmount.Currency "JPY" is not supported (accepted: GBP, EUR, USD)`,
        path: `${CONTROL}.MaximumIndividualAmount.Currency`,
      },
    ],
    [
      'a periodic limit of 0',
      { PeriodicLimits: [{ PeriodType: 'Day', PeriodAlignment: 'Consent', Amount: '0.00', Currency: 'GBP' }] },
      fieldInvalid(`${CONTROL}.PeriodicLimits[0].Amount must be greater than 0`, `${CONTROL}.PeriodicLimits[0].Amount`),
    ],
    [
      'a periodic limit in another currency than MaximumIndividualAmount',
      { PeriodicLimits: [limit('Day', 'Consent'), { ...limit('Week', 'Consent'), Currency: 'EUR' }] },
      fieldInvalid(
        `${CONTROL}.PeriodicLimits[1].Currency must be the currency of MaximumIndividualAmount`,
        `${CONTROL}.PeriodicLimits[1].Currency`,
      ),
    ],
    [
      'two limits of the same PeriodType and PeriodAlignment',
      {
        PeriodicLimits: [
          limit('Month', 'Calendar'),
          limit('Month', 'Consent'),
          { ...limit('Month', 'Calendar'), Amount: '900.00' },
        ],
      },
      fieldInvalid(
        `${CONTROL}.PeriodicLimits[2] repeats the limit of PeriodType and PeriodAlignment Month/Calendar`,
        `${CONTROL}.PeriodicLimits[2]`,
      ),
    ],
    [
      'a ValidToDateTime in the past',
      { ValidToDateTime: '2030-01-09T09:00:00+00:00' },
      invalidDate(`${CONTROL}.ValidToDateTime must be in the future`, `${CONTROL}.ValidToDateTime`),
    ],
    [
      'a ValidToDateTime before ValidFromDateTime',
      { ValidFromDateTime: '2030-01-20T09:00:00+00:00', ValidToDateTime: '2030-01-15T09:00:00+00:00' },
      invalidDate(`${CONTROL}.ValidToDateTime must be after ValidFromDateTime`, `${CONTROL}.ValidToDateTime`),
    ],
    [
      'a ValidToDateTime equal to ValidFromDateTime',
      { ValidFromDateTime: '2030-01-20T09:00:00+00:00', ValidToDateTime: '2030-01-20T09:00:00Z' },
      invalidDate(`${CONTROL}.ValidToDateTime must be after ValidFromDateTime`, `${CONTROL}.ValidToDateTime`),
    ],
  ])('refuses %s', (_case, control, rejection) => {
    expect(vrpRules(vrpBody(control), CONTEXT)).toEqual(rejection);
  });

  it.each([
    [
      'a debtor account of an unknown scheme',
      { DebtorAccount: { SchemeName: 'UK.OBIE.Foo', Identification: '1' } },
      'UK.OBIE.Unsupported.Scheme',
      'Data.Initiation.DebtorAccount.SchemeName',
    ],
    [
      'a creditor IBAN with a bad checksum',
      { CreditorAccount: { SchemeName: 'UK.OBIE.IBAN', Identification: 'GB00LOYD30080012343456', Name: 'ACME' } },
      'UK.OBIE.Unsupported.AccountIdentifier',
      'Data.Initiation.CreditorAccount.Identification',
    ],
  ])('refuses %s', (_case, initiation, code, path) => {
    expect(vrpRules(withInitiation(initiation), CONTEXT)).toMatchObject({ status: 400, code, path });
  });

  it('checks the types, methods, amounts, limits, supplementary data, dates, then the accounts', () => {
    const body = withInitiation({ DebtorAccount: { SchemeName: 'UK.OBIE.Foo', Identification: '1' } });
    const control = (body['Data'] as JsonObject)['ControlParameters'] as JsonObject;
    Object.assign(control, {
      VRPType: ['x'],
      PSUAuthenticationMethods: ['x'],
      MaximumIndividualAmount: { Amount: '0', Currency: 'GBP' },
      PeriodicLimits: [{ PeriodType: 'Day', PeriodAlignment: 'Consent', Amount: '0', Currency: 'GBP' }],
      SupplementaryData: { x: 1 },
      ValidToDateTime: '2029-01-01T00:00:00+00:00',
    });
    const repairs: ReadonlyArray<readonly [string, JsonObject]> = [
      [`${CONTROL}.VRPType`, { VRPType: ['UK.OBIE.VRPType.Sweeping'] }],
      [`${CONTROL}.PSUAuthenticationMethods`, { PSUAuthenticationMethods: ['UK.OBIE.SCA'] }],
      [`${CONTROL}.MaximumIndividualAmount.Amount`, { MaximumIndividualAmount: { Amount: '50.00', Currency: 'GBP' } }],
      [`${CONTROL}.PeriodicLimits[0].Amount`, { PeriodicLimits: [limit('Day', 'Consent')] }],
      [`${CONTROL}.SupplementaryData`, { SupplementaryData: {} }],
      [`${CONTROL}.ValidToDateTime`, { ValidToDateTime: '2031-01-10T09:00:00+00:00' }],
    ];
    for (const [path, repair] of repairs) {
      expect(vrpRules(body, CONTEXT)?.path).toBe(path);
      Object.assign(control, repair);
    }
    expect(vrpRules(body, CONTEXT)?.path).toBe('Data.Initiation.DebtorAccount.SchemeName');
  });
});
