import type { JsonObject } from '@app/contract';
import type { AaniPurposeCodes } from '../shared/aani-purpose-codes.js';
import { parseDateTime } from '../shared/date-time.js';
import { objectAt, stringArrayAt, stringAt } from '../shared/json.js';
import {
  amountsOf,
  paymentControlsOf,
  type MultiPaymentControls,
  type PaymentControls,
} from '../shared/payment-controls.js';
import type { ConsentProblem } from '../shared/uae-error.js';
import { permissionDependencyProblem, webhookProblem } from './data-sharing-consent.rules.js';
import { expirationProblem } from './expiration.rules.js';
import { multiPaymentScheduleProblem } from './payment-schedule.rules.js';

/** Domestic payments are in dirhams (API Hub rule, spec-rules §C.3). */
export const DOMESTIC_CURRENCY = 'AED';

/** What the rules of a service initiation consent depend on besides the consent itself. */
export interface ServiceInitiationRuleContext {
  readonly now: number;
  /** UAE_ALLOW_COMBINED_PAYMENT_SCHEDULE. */
  readonly allowCombinedPaymentSchedule: boolean;
  readonly purposeCodes: AaniPurposeCodes;
}

const rule = (message: string, path: string): ConsentProblem => ({
  code: 'Consent.BusinessRuleViolation',
  message,
  path,
});

/**
 * The schedule the consent asks for, or why this bank cannot run it: no FilePayment (not offered); SinglePayment and
 * MultiPayment never together ("`MultiPayment` and `FilePayment` must not be present" on the single instant payment
 * page, "`SinglePayment` and `FilePayment` must not be present" on every multi-payment page) unless the bank allows the
 * combined payment; and never Delegated SCA, which no payment type this bank offers permits.
 */
function scheduleOf(
  consent: JsonObject,
  allowCombined: boolean,
  consentPath: string,
): PaymentControls | ConsentProblem {
  const schedulePath = `${consentPath}.ControlParameters.ConsentSchedule`;
  const schedule = objectAt(objectAt(consent, 'ControlParameters'), 'ConsentSchedule');
  if (objectAt(schedule, 'FilePayment') !== undefined) {
    return rule('FilePayment consents are not offered by this bank', `${schedulePath}.FilePayment`);
  }
  if (
    !allowCombined &&
    objectAt(schedule, 'SinglePayment') !== undefined &&
    objectAt(schedule, 'MultiPayment') !== undefined
  ) {
    return rule('SinglePayment and MultiPayment must not be combined in one ConsentSchedule', schedulePath);
  }
  const controls = paymentControlsOf(consent);
  if (controls === undefined) {
    return rule('ConsentSchedule must hold a SinglePayment or a MultiPayment', schedulePath);
  }
  if (objectAt(consent, 'ControlParameters')?.['IsDelegatedAuthentication'] === true) {
    return rule(
      'IsDelegatedAuthentication must be false or absent: Delegated SCA is not permitted for this payment type',
      `${consentPath}.ControlParameters.IsDelegatedAuthentication`,
    );
  }
  return controls;
}

/** The multi-payment part of the controls, whose dates and counts have rules of their own. */
function multiPartOf(controls: PaymentControls): MultiPaymentControls | undefined {
  return controls.kind === 'multi' ? controls : controls.kind === 'combined' ? controls.multi : undefined;
}

/**
 * The rules of a service initiation consent beyond its schema (spec-rules §C.3 and the requirement pages of each
 * payment type), in a fixed order so that the same consent always gives the same first problem.
 */
export function serviceInitiationConsentProblem(
  item: JsonObject,
  context: ServiceInitiationRuleContext,
  path: string,
): ConsentProblem | undefined {
  const { now } = context;
  const consentPath = `${path}.consent`;
  const consent = objectAt(item, 'consent') ?? {};
  const problem =
    permissionDependencyProblem(stringArrayAt(consent, 'Permissions') ?? [], ['ReadBalances'], consentPath) ??
    expirationProblem(consent, now, consentPath);
  if (problem !== undefined) {
    return problem;
  }
  const authorizationExpiration = parseDateTime(consent['AuthorizationExpirationDateTime']);
  if (authorizationExpiration !== undefined) {
    if (authorizationExpiration <= now) {
      return rule(
        'AuthorizationExpirationDateTime must be in the future',
        `${consentPath}.AuthorizationExpirationDateTime`,
      );
    }
    if (authorizationExpiration > (parseDateTime(consent['ExpirationDateTime']) ?? 0)) {
      return rule(
        'AuthorizationExpirationDateTime must not be after ExpirationDateTime',
        `${consentPath}.AuthorizationExpirationDateTime`,
      );
    }
  }
  if (consent['CurrencyRequest'] !== undefined && consent['CurrencyRequest'] !== null) {
    return rule('CurrencyRequest is not allowed on a domestic payment consent', `${consentPath}.CurrencyRequest`);
  }
  const purposeCode = stringAt(consent, 'PaymentPurposeCode');
  if (purposeCode !== undefined && !context.purposeCodes.has(purposeCode)) {
    return rule(
      `PaymentPurposeCode ${purposeCode} is not on the AANI purpose code list`,
      `${consentPath}.PaymentPurposeCode`,
    );
  }
  const schedulePath = `${consentPath}.ControlParameters.ConsentSchedule`;
  const controls = scheduleOf(consent, context.allowCombinedPaymentSchedule, consentPath);
  if ('code' in controls) {
    return controls;
  }
  const foreign = amountsOf(controls).find((money) => money.currency !== DOMESTIC_CURRENCY);
  if (foreign !== undefined) {
    return rule(`A domestic payment must be in ${DOMESTIC_CURRENCY}, not ${foreign.currency}`, schedulePath);
  }
  if (amountsOf(controls).some((money) => money.minorUnits === 0n)) {
    return rule('Amounts must be greater than zero', schedulePath);
  }
  const multi = multiPartOf(controls);
  if (multi !== undefined) {
    const counts = [multi.maximumCumulativeCount, multi.periodic?.maximumCountPerPeriod];
    if (counts.some((count) => count !== undefined && count < 1)) {
      return rule('Numbers of payments must be at least 1', `${schedulePath}.MultiPayment`);
    }
    const scheduleProblem = multiPaymentScheduleProblem(multi, consent, now, consentPath);
    if (scheduleProblem !== undefined) {
      return scheduleProblem;
    }
  }
  return webhookProblem(item, path);
}
