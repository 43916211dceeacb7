import { vrpPeriodKey } from './vrp-periods.js';

const at = (iso: string): number => Date.parse(iso);

describe(vrpPeriodKey.name, () => {
  const now = at('2026-11-21T18:00:00Z'); // a Saturday
  it.each([
    ['Day', '2026-11-21'],
    ['Month', '2026-11'],
    ['Half-year', '2026-h2'],
    ['Year', '2026'],
  ])('names the calendar %s', (periodType, key) => {
    expect(vrpPeriodKey(periodType, 'Calendar', now, 0)).toBe(key);
  });

  it('puts Monday to Sunday in one calendar week, and two weeks in one fortnight', () => {
    const monday = vrpPeriodKey('Week', 'Calendar', at('2026-11-16T00:00:00Z'), 0);
    expect(vrpPeriodKey('Week', 'Calendar', at('2026-11-22T23:59:59Z'), 0)).toBe(monday);
    expect(vrpPeriodKey('Week', 'Calendar', at('2026-11-23T00:00:00Z'), 0)).not.toBe(monday);
    const fortnight = vrpPeriodKey('Fortnight', 'Calendar', now, 0);
    expect([at('2026-11-16T00:00:00Z'), at('2026-11-23T00:00:00Z'), at('2026-11-09T00:00:00Z')].filter((time) => vrpPeriodKey('Fortnight', 'Calendar', time, 0) === fortnight)).toHaveLength(2);
  });

  it('counts consent-aligned periods from the consent start', () => {
    const start = at('2026-01-31T12:00:00Z');
    expect(vrpPeriodKey('Day', 'Consent', at('2026-02-01T11:59:59Z'), start)).toBe('c0');
    expect(vrpPeriodKey('Day', 'Consent', at('2026-02-01T12:00:00Z'), start)).toBe('c1');
    expect(vrpPeriodKey('Week', 'Consent', at('2026-02-07T12:00:00Z'), start)).toBe('c1');
    expect(vrpPeriodKey('Month', 'Consent', at('2026-02-28T12:00:00Z'), start)).toBe('c0');
    expect(vrpPeriodKey('Month', 'Consent', at('2026-03-31T12:00:00Z'), start)).toBe('c2');
    expect(vrpPeriodKey('Half-year', 'Consent', at('2026-07-31T12:00:00Z'), start)).toBe('c1');
    expect(vrpPeriodKey('Year', 'Consent', at('2027-01-31T11:00:00Z'), start)).toBe('c0');
  });

  it('keeps every key within the counter limit of 32 characters, and knows no other period', () => {
    for (const periodType of ['Day', 'Week', 'Fortnight', 'Month', 'Half-year', 'Year']) {
      for (const alignment of ['Calendar', 'Consent']) {
        expect(vrpPeriodKey(periodType, alignment, 8.64e15, 0)!.length).toBeLessThanOrEqual(32);
      }
    }
    expect(vrpPeriodKey('Hour', 'Calendar', now, 0)).toBeUndefined();
    expect(vrpPeriodKey('Day', 'Lunar', now, 0)).toBeUndefined();
  });
});
