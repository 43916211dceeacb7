import { parseDate } from '../shared/date-time.js';
import type { MultiPaymentControls } from '../shared/payment-controls.js';
import { multiPaymentScheduleProblem } from './payment-schedule.rules.js';

// 23:30 UTC on 20 November is 03:30 on 21 November in the UAE: "today" is the 21st.
const NOW = Date.parse('2026-11-20T23:30:00Z');
const PATH = 'consent';
const day = (date: string) => parseDate(date)!;

const periodic = (scheduleType: string, start: string, maximumCumulativeCount?: number): MultiPaymentControls => ({
  kind: 'multi',
  ...(maximumCumulativeCount === undefined ? {} : { maximumCumulativeCount }),
  periodic: { scheduleType, periodType: 'Month', periodStartDay: day(start) },
});
const defined = (dates: string[]): MultiPaymentControls => ({
  kind: 'multi',
  defined: { scheduleType: 'VariableDefinedSchedule', payments: dates.map((date) => ({ date, day: day(date) })) },
});

describe('the date rules of multi-payment schedules', () => {
  it.each<[string, MultiPaymentControls, string, { message: string; path: string } | undefined]>([
    [
      'a PeriodStartDate of today in the UAE',
      periodic('VariableOnDemand', '2026-11-21'),
      '2027-01-01T00:00:00+04:00',
      undefined,
    ],
    [
      'a PeriodStartDate of yesterday in the UAE (today in UTC)',
      periodic('FixedOnDemand', '2026-11-20'),
      '2027-01-01T00:00:00+04:00',
      {
        message: 'PeriodStartDate must not be in the past',
        path: 'consent.ControlParameters.ConsentSchedule.MultiPayment.PeriodicSchedule.PeriodStartDate',
      },
    ],
    [
      'a PeriodStartDate starting after the expiry',
      periodic('VariableOnDemand', '2027-01-02'),
      '2027-01-01T23:59:59+04:00',
      {
        message: 'PeriodStartDate must not be after ExpirationDateTime',
        path: 'consent.ControlParameters.ConsentSchedule.MultiPayment.PeriodicSchedule.PeriodStartDate',
      },
    ],
    [
      'a periodic schedule without MaximumCumulativeNumberOfPayments',
      periodic('FixedPeriodicSchedule', '2026-11-21'),
      '2027-01-01T00:00:00+04:00',
      {
        message: 'A FixedPeriodicSchedule must set MaximumCumulativeNumberOfPayments',
        path: 'consent.ControlParameters.ConsentSchedule.MultiPayment.MaximumCumulativeNumberOfPayments',
      },
    ],
    [
      'a periodic schedule with MaximumCumulativeNumberOfPayments',
      periodic('VariablePeriodicSchedule', '2026-11-21', 12),
      '2027-01-01T00:00:00+04:00',
      undefined,
    ],
    [
      'defined dates from today, expiring on the last one',
      defined(['2026-11-21', '2026-12-05']),
      '2026-12-05T18:00:00+04:00',
      undefined,
    ],
    [
      'a defined date twice',
      defined(['2026-12-05', '2026-11-25', '2026-12-05']),
      '2026-12-05T18:00:00+04:00',
      {
        message: 'PaymentExecutionDate 2026-12-05 appears more than once in the schedule',
        path: 'consent.ControlParameters.ConsentSchedule.MultiPayment.PeriodicSchedule.Schedule[2].PaymentExecutionDate',
      },
    ],
    [
      'a defined date in the past',
      defined(['2026-11-20']),
      '2026-11-20T18:00:00+04:00',
      {
        message: 'PaymentExecutionDate 2026-11-20 is in the past',
        path: 'consent.ControlParameters.ConsentSchedule.MultiPayment.PeriodicSchedule.Schedule[0].PaymentExecutionDate',
      },
    ],
    [
      'an expiry before the last defined date',
      defined(['2026-12-05', '2026-11-25']),
      '2026-12-04T23:00:00+04:00',
      {
        message: 'The date of ExpirationDateTime must be the last PaymentExecutionDate (2026-12-05)',
        path: 'consent.ExpirationDateTime',
      },
    ],
  ])('%s', (_label, controls, expiration, expected) => {
    const problem = multiPaymentScheduleProblem(controls, { ExpirationDateTime: expiration }, NOW, PATH);
    expect(problem).toEqual(
      expected === undefined ? undefined : { code: 'Consent.BusinessRuleViolation', ...expected },
    );
  });
});
