import { arrayAt, recordAt, ukVrpConsentBody } from '@app/testing';
import { BENCH_VRP_DAILY_LIMIT, benchVrpConsentBody } from './uk-vrp-scenarios.js';

describe('benchVrpConsentBody', () => {
  const now = Date.UTC(2026, 10, 21, 12);

  it('raises the periodic limits of the journey consent and keeps everything else', () => {
    const body = benchVrpConsentBody(now);
    const journey = ukVrpConsentBody(now);
    const control = (consent: unknown) => recordAt(recordAt(consent, 'Data'), 'ControlParameters');
    expect(arrayAt(control(body), 'PeriodicLimits')).toEqual([
      { PeriodType: 'Day', PeriodAlignment: 'Calendar', Amount: BENCH_VRP_DAILY_LIMIT, Currency: 'GBP' },
    ]);
    expect({ ...control(body), PeriodicLimits: undefined }).toEqual({ ...control(journey), PeriodicLimits: undefined });
    expect(recordAt(body, 'Risk')).toEqual(recordAt(journey, 'Risk'));
  });
});
