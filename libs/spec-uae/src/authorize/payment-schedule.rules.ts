import type { JsonObject } from '@app/contract';
import { parseDateTime, uaeDay, uaeDayStart } from '../shared/date-time.js';
import { stringAt } from '../shared/json.js';
import type { MultiPaymentControls } from '../shared/payment-controls.js';
import type { ConsentProblem } from '../shared/uae-error.js';

/*
 * The dates of a multi-payment schedule against the consent (the requirement pages of each multi-payment type, all
 * "validated by the API Hub"). Dates are UAE calendar dates (see `uaeDay`).
 */

const rule = (message: string, path: string): ConsentProblem => ({
  code: 'Consent.BusinessRuleViolation',
  message,
  path,
});

/** Schedules whose consent must cap the number of payments (Fixed/Variable Periodic Schedule, rule 6). */
const NEEDS_CUMULATIVE_COUNT = ['FixedPeriodicSchedule', 'VariablePeriodicSchedule'];

/**
 * Periodic and on-demand schedules: PeriodStartDate must not be in the past nor after ExpirationDateTime (the period
 * would start once the consent has ended); a periodic schedule must name MaximumCumulativeNumberOfPayments.
 */
function periodicScheduleProblem(
  controls: MultiPaymentControls,
  consent: JsonObject,
  now: number,
  consentPath: string,
): ConsentProblem | undefined {
  const periodic = controls.periodic;
  const schedulePath = `${consentPath}.ControlParameters.ConsentSchedule`;
  if (periodic === undefined) {
    return undefined;
  }
  const startPath = `${schedulePath}.MultiPayment.PeriodicSchedule.PeriodStartDate`;
  if (periodic.periodStartDay < uaeDay(now)) {
    return rule('PeriodStartDate must not be in the past', startPath);
  }
  if (uaeDayStart(periodic.periodStartDay) > (parseDateTime(consent['ExpirationDateTime']) ?? 0)) {
    return rule('PeriodStartDate must not be after ExpirationDateTime', startPath);
  }
  if (NEEDS_CUMULATIVE_COUNT.includes(periodic.scheduleType) && controls.maximumCumulativeCount === undefined) {
    return rule(
      `A ${periodic.scheduleType} must set MaximumCumulativeNumberOfPayments`,
      `${schedulePath}.MultiPayment.MaximumCumulativeNumberOfPayments`,
    );
  }
  return undefined;
}

/**
 * Defined schedules (Fixed and Variable Defined Schedule, rules 3 to 5): each PaymentExecutionDate once, none in the
 * past, and the date of ExpirationDateTime (as written) equal to the last PaymentExecutionDate.
 */
function definedScheduleProblem(
  controls: MultiPaymentControls,
  consent: JsonObject,
  now: number,
  consentPath: string,
): ConsentProblem | undefined {
  const payments = controls.defined?.payments;
  if (payments === undefined) {
    return undefined;
  }
  const entriesPath = `${consentPath}.ControlParameters.ConsentSchedule.MultiPayment.PeriodicSchedule.Schedule`;
  const today = uaeDay(now);
  const seen = new Set<string>();
  for (const [index, payment] of payments.entries()) {
    const path = `${entriesPath}[${index}].PaymentExecutionDate`;
    if (seen.has(payment.date)) {
      return rule(`PaymentExecutionDate ${payment.date} appears more than once in the schedule`, path);
    }
    seen.add(payment.date);
    if (payment.day < today) {
      return rule(`PaymentExecutionDate ${payment.date} is in the past`, path);
    }
  }
  const last = [...seen].sort().at(-1);
  const expirationDate = stringAt(consent, 'ExpirationDateTime')?.slice(0, 10);
  if (last !== undefined && expirationDate !== last) {
    return rule(
      `The date of ExpirationDateTime must be the last PaymentExecutionDate (${last})`,
      `${consentPath}.ExpirationDateTime`,
    );
  }
  return undefined;
}

/** The first date rule a multi-payment schedule breaks, in a fixed order; `consentPath` locates the consent. */
export function multiPaymentScheduleProblem(
  controls: MultiPaymentControls,
  consent: JsonObject,
  now: number,
  consentPath: string,
): ConsentProblem | undefined {
  return (
    periodicScheduleProblem(controls, consent, now, consentPath) ??
    definedScheduleProblem(controls, consent, now, consentPath)
  );
}
