import { parseDate } from './date-time.js';
import { isRecurring, paymentControlsOf, periodIndex, type PeriodicLimits } from './payment-controls.js';
import { formatMoney, parseAmount } from './money.js';

const day = (date: string): number => parseDate(date)!;
const limits = (periodType: PeriodicLimits['periodType'], start: string): PeriodicLimits => ({
  scheduleType: 'VariableOnDemand',
  periodType,
  periodStartDay: day(start),
});

describe('payment periods and amounts', () => {
  it.each<[PeriodicLimits['periodType'], string, string, number | undefined]>([
    ['Day', '2026-01-31', '2026-01-30', undefined],
    ['Day', '2026-01-31', '2026-02-02', 2],
    ['Week', '2026-01-01', '2026-01-07', 0],
    ['Week', '2026-01-01', '2026-01-08', 1],
    ['Month', '2026-01-31', '2026-02-28', 0],
    ['Month', '2026-01-15', '2026-02-15', 1],
    ['Month', '2026-01-15', '2027-01-14', 11],
    ['Year', '2024-02-29', '2025-02-28', 0],
    ['Year', '2024-03-01', '2025-03-01', 1],
  ])('a %s period from %s: %s is in period %s', (periodType, start, date, expected) => {
    expect(periodIndex(limits(periodType, start), day(date))).toBe(expected);
  });

  it('counts amounts exactly in fils', () => {
    expect(parseAmount('9999999999999999.99')).toBe(999999999999999999n);
    expect(parseAmount('1.5')).toBeUndefined();
    expect(formatMoney({ minorUnits: 1005n, currency: 'AED' })).toBe('AED 10.05');
  });

  it('reads a fixed on-demand schedule with its per-period controls', () => {
    const controls = paymentControlsOf({
      ControlParameters: {
        ConsentSchedule: {
          MultiPayment: {
            MaximumCumulativeNumberOfPayments: 3,
            PeriodicSchedule: {
              Type: 'FixedOnDemand',
              PeriodType: 'Week',
              PeriodStartDate: '2026-01-01',
              Amount: { Amount: '10.00', Currency: 'AED' },
              Controls: { MaximumCumulativeNumberOfPaymentsPerPeriod: 2 },
            },
          },
        },
      },
    });
    expect(controls).toMatchObject({
      kind: 'multi',
      maximumCumulativeCount: 3,
      periodic: { periodType: 'Week', exactAmount: { minorUnits: 1000n, currency: 'AED' }, maximumCountPerPeriod: 2 },
    });
  });

  it('reads a SinglePayment beside a MultiPayment as a combined payment', () => {
    const controls = paymentControlsOf({
      ControlParameters: {
        ConsentSchedule: {
          SinglePayment: { Type: 'SingleInstantPayment', Amount: { Amount: '5.00', Currency: 'AED' } },
          MultiPayment: {
            PeriodicSchedule: {
              Type: 'FixedDefinedSchedule',
              Schedule: [{ PaymentExecutionDate: '2026-02-01', Amount: { Amount: '1.00', Currency: 'AED' } }],
            },
          },
        },
      },
    });
    expect(controls).toEqual({
      kind: 'combined',
      single: { kind: 'single', amount: { minorUnits: 500n, currency: 'AED' } },
      multi: {
        kind: 'multi',
        defined: {
          scheduleType: 'FixedDefinedSchedule',
          payments: [
            { day: day('2026-02-01'), date: '2026-02-01', exactAmount: { minorUnits: 100n, currency: 'AED' } },
          ],
        },
      },
    });
    expect(isRecurring(controls)).toBe(true);
    expect(isRecurring({ kind: 'single', amount: { minorUnits: 1n, currency: 'AED' } })).toBe(false);
  });
});
