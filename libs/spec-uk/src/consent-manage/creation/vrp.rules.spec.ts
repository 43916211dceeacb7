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

const limit = (PeriodType: string, PeriodAlignment: string): JsonObject => ({ PeriodType, PeriodAlignment, Amount: '100.00', Currency: 'GBP' });

describe('vrpRules', () => {
  const combinations = PERIOD_TYPES.flatMap((periodType) => ALIGNMENTS.map((alignment) => [periodType, alignment] as const));

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
