import type { JsonObject } from '@app/contract';
import { ONE_YEAR_MILLIS, parseDateTime } from '../shared/date-time.js';
import type { ConsentProblem } from '../shared/uae-error.js';

/** ExpirationDateTime: not in the past and less than one year away (API Hub rule, spec-rules §C.2 and §C.3). */
export function expirationProblem(consent: JsonObject, now: number, path: string): ConsentProblem | undefined {
  const expiration = parseDateTime(consent['ExpirationDateTime']);
  if (expiration === undefined) {
    return {
      code: 'Body.InvalidFormat',
      message: 'ExpirationDateTime must be a date-time with a time zone',
      path: `${path}.ExpirationDateTime`,
    };
  }
  if (expiration <= now) {
    return {
      code: 'Consent.BusinessRuleViolation',
      message: 'ExpirationDateTime must be in the future',
      path: `${path}.ExpirationDateTime`,
    };
  }
  if (expiration - now >= ONE_YEAR_MILLIS) {
    return {
      code: 'Consent.BusinessRuleViolation',
      message: 'ExpirationDateTime must be less than one year in the future',
      path: `${path}.ExpirationDateTime`,
    };
  }
  return undefined;
}
