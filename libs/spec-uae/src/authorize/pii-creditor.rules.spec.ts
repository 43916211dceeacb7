import type { MultiPaymentControls, PaymentControls, SinglePaymentControls } from '../shared/payment-controls.js';
import { creditorCountProblem } from './pii-creditor.rules.js';

const AED = { minorUnits: 100n, currency: 'AED' };
const single: SinglePaymentControls = { kind: 'single', amount: AED };
const multi = (scheduleType: string): MultiPaymentControls => ({
  kind: 'multi',
  periodic: { scheduleType, periodType: 'Day', periodStartDay: 0 },
});
const piiWith = (count: number | undefined) => ({
  Initiation: count === undefined ? {} : { Creditor: Array.from({ length: count }, () => ({})) },
});

describe('the creditors of a payment PII', () => {
  it.each<[string, PaymentControls, number | undefined, string | undefined]>([
    ['one creditor of a single instant payment', single, 1, undefined],
    [
      'two creditors of a single instant payment',
      single,
      2,
      'Initiation.Creditor must name exactly 1 creditor for a SingleInstantPayment, not 2',
    ],
    [
      'no creditor of a single instant payment',
      single,
      undefined,
      'Initiation.Creditor must name exactly 1 creditor for a SingleInstantPayment, not 0',
    ],
    [
      'two creditors of a fixed on-demand schedule',
      multi('FixedOnDemand'),
      2,
      'Initiation.Creditor must name exactly 1 creditor for a FixedOnDemand, not 2',
    ],
    ['no creditor of a variable on-demand schedule', multi('VariableOnDemand'), undefined, undefined],
    ['ten creditors of a variable on-demand schedule', multi('VariableOnDemand'), 10, undefined],
    [
      'eleven creditors of a variable on-demand schedule',
      multi('VariableOnDemand'),
      11,
      'Initiation.Creditor must name at most 10 creditors for a VariableOnDemand, not 11',
    ],
    [
      'two creditors of a combined payment',
      { kind: 'combined', single, multi: multi('VariableOnDemand') },
      2,
      'Initiation.Creditor must name exactly 1 creditor for a SingleInstantPayment, not 2',
    ],
  ])('%s', (_label, controls, count, message) => {
    const problem = creditorCountProblem(piiWith(count), controls, 'pii');
    expect(problem).toEqual(
      message === undefined
        ? undefined
        : { code: 'Consent.BusinessRuleViolation', message, path: 'pii.Initiation.Creditor' },
    );
  });
});
