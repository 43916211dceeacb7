import type { JsonObject } from '@app/contract';
import { parseDateTime } from '../shared/date-time.js';
import { objectAt, stringArrayAt } from '../shared/json.js';
import { amountsOf, paymentControlsOf } from '../shared/payment-controls.js';
import type { ConsentProblem } from '../shared/uae-error.js';
import { permissionDependencyProblem, webhookProblem } from './data-sharing-consent.rules.js';
import { expirationProblem } from './expiration.rules.js';

/** Domestic payments are in dirhams (API Hub rule, spec-rules §C.3). */
export const DOMESTIC_CURRENCY = 'AED';

const rule = (message: string, path: string): ConsentProblem => ({ code: 'Consent.BusinessRuleViolation', message, path });

/** The rules of a service initiation consent beyond its schema (spec-rules §C.3), in a fixed order. */
export function serviceInitiationConsentProblem(item: JsonObject, now: number, path: string): ConsentProblem | undefined {
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
      return rule('AuthorizationExpirationDateTime must be in the future', `${consentPath}.AuthorizationExpirationDateTime`);
    }
    if (authorizationExpiration > (parseDateTime(consent['ExpirationDateTime']) ?? 0)) {
      return rule('AuthorizationExpirationDateTime must not be after ExpirationDateTime', `${consentPath}.AuthorizationExpirationDateTime`);
    }
  }
  if (consent['CurrencyRequest'] !== undefined) {
    return rule('CurrencyRequest is not allowed on a domestic payment consent', `${consentPath}.CurrencyRequest`);
  }
  const schedulePath = `${consentPath}.ControlParameters.ConsentSchedule`;
  const controls = paymentControlsOf(consent);
  if (controls === undefined) {
    return rule('ConsentSchedule must hold a SinglePayment or a MultiPayment', schedulePath);
  }
  if (controls.kind === 'file') {
    return rule('FilePayment consents are not offered by this bank', `${schedulePath}.FilePayment`);
  }
  const foreign = amountsOf(controls).find((money) => money.currency !== DOMESTIC_CURRENCY);
  if (foreign !== undefined) {
    return rule(`A domestic payment must be in ${DOMESTIC_CURRENCY}, not ${foreign.currency}`, schedulePath);
  }
  if (amountsOf(controls).some((money) => money.minorUnits === 0n)) {
    return rule('Amounts must be greater than zero', schedulePath);
  }
  if (controls.kind === 'multi') {
    const counts = [controls.maximumCumulativeCount, controls.periodic?.maximumCountPerPeriod];
    if (counts.some((count) => count !== undefined && count < 1)) {
      return rule('Numbers of payments must be at least 1', `${schedulePath}.MultiPayment`);
    }
  }
  return webhookProblem(item, path);
}
