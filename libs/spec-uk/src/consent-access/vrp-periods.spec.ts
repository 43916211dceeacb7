import { scaledAmount } from '../shared/amount.js';
import { applicableVrpLimit, vrpPeriodKey } from './vrp-periods.js';

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
    expect(
      [at('2026-11-16T00:00:00Z'), at('2026-11-23T00:00:00Z'), at('2026-11-09T00:00:00Z')].filter(
        (time) => vrpPeriodKey('Fortnight', 'Calendar', time, 0) === fortnight,
      ),
    ).toHaveLength(2);
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

describe(applicableVrpLimit.name, () => {
  const amount = (text: string): bigint => scaledAmount(text)!;

  it("pro-rates a calendar month in the first period, as the standard's example 1 (300.00 from 06-Jun: 250.00)", () => {
    const created = at('2021-06-06T15:30:00Z');
    expect(applicableVrpLimit(amount('300.00'), 'Month', 'Calendar', at('2021-06-20T10:00:00Z'), created)).toBe(
      amount('250.00'),
    );
    expect(applicableVrpLimit(amount('300.00'), 'Month', 'Calendar', at('2021-07-01T00:00:00Z'), created)).toBe(
      amount('300.00'),
    );
  });

  it("pro-rates a calendar year as the standard's example 3 (500.00 from 06-Jun: 500 x 209 / 365 = 286.30)", () => {
    const created = at('2021-06-06T00:00:00Z');
    expect(applicableVrpLimit(amount('500.00'), 'Year', 'Calendar', at('2021-12-31T23:59:59Z'), created)).toBe(
      amount('286.30'),
    );
    expect(applicableVrpLimit(amount('500.00'), 'Year', 'Calendar', at('2022-01-01T00:00:00Z'), created)).toBe(
      amount('500.00'),
    );
  });

  it('pro-rates an ISO week and a half-year by their remaining days, and never a day', () => {
    const wednesday = at('2026-11-18T08:00:00Z');
    expect(applicableVrpLimit(amount('70.00'), 'Week', 'Calendar', at('2026-11-22T12:00:00Z'), wednesday)).toBe(
      amount('50.00'),
    );
    expect(
      applicableVrpLimit(
        amount('181.00'),
        'Half-year',
        'Calendar',
        at('2026-06-30T12:00:00Z'),
        at('2026-06-30T01:00:00Z'),
      ),
    ).toBe(amount('1.00'));
    expect(applicableVrpLimit(amount('10.00'), 'Day', 'Calendar', wednesday, wednesday)).toBe(amount('10.00'));
  });

  it('gives the full limit to a consent starting on the first day of the period, and to consent-aligned limits', () => {
    expect(
      applicableVrpLimit(amount('300.00'), 'Month', 'Calendar', at('2021-06-20T10:00:00Z'), at('2021-06-01T10:00:00Z')),
    ).toBe(amount('300.00'));
    expect(
      applicableVrpLimit(amount('300.00'), 'Month', 'Consent', at('2021-06-20T10:00:00Z'), at('2021-06-06T10:00:00Z')),
    ).toBe(amount('300.00'));
  });
});
