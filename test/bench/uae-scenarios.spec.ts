import { recordAt, uaeVariableMultiPaymentItem } from '@app/testing';
import { BENCH_UAE_MAXIMUM_COUNT, BENCH_UAE_MAXIMUM_VALUE, benchMultiPaymentItem } from './uae-scenarios.js';

function multiPaymentOf(item: unknown): Record<string, unknown> | undefined {
  return recordAt(
    recordAt(recordAt(recordAt(item, 'consent'), 'ControlParameters'), 'ConsentSchedule'),
    'MultiPayment',
  );
}

describe('benchMultiPaymentItem', () => {
  const now = Date.UTC(2026, 10, 21, 12);

  it('raises the cumulative limits of the journey consent, overall and per period', () => {
    const multi = multiPaymentOf(benchMultiPaymentItem(now));
    expect(multi?.['MaximumCumulativeValueOfPayments']).toEqual({ Amount: BENCH_UAE_MAXIMUM_VALUE, Currency: 'AED' });
    expect(multi?.['MaximumCumulativeNumberOfPayments']).toBe(BENCH_UAE_MAXIMUM_COUNT);
    expect(recordAt(recordAt(multi, 'PeriodicSchedule'), 'Controls')).toEqual({
      MaximumIndividualAmount: { Amount: '100.00', Currency: 'AED' },
      MaximumCumulativeValueOfPaymentsPerPeriod: { Amount: BENCH_UAE_MAXIMUM_VALUE, Currency: 'AED' },
      MaximumCumulativeNumberOfPaymentsPerPeriod: BENCH_UAE_MAXIMUM_COUNT,
    });
  });

  it('keeps the rest of the journey item', () => {
    const item = benchMultiPaymentItem(now);
    const journey = uaeVariableMultiPaymentItem('any', now);
    expect(item['type']).toBe(journey['type']);
    // The ConsentId is fresh for each item; the control parameters are checked above.
    const comparable = (candidate: unknown) => ({
      ...recordAt(candidate, 'consent'),
      ConsentId: undefined,
      ControlParameters: undefined,
    });
    expect(comparable(item)).toEqual(comparable(journey));
    expect(recordAt(multiPaymentOf(item), 'PeriodicSchedule')?.['Type']).toBe('VariableOnDemand');
  });
});
