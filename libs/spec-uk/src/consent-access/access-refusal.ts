import { fail, type AcceptedErrorCode, type ExtensionFailure, type ValidationFailure } from '@app/contract';
import type { UkRejection } from '../shared/uk-error.js';

/**
 * A refused API call (contract §4.11): the gateway raises a fault with ERROR_CODE = `errorMessage` (here the
 * `UK.OBIE.*` code, which the gateway's UK error formatter turns into the error body), ERROR_DESCRIPTION =
 * `errorDescription` and HTTP status `errorCode`.
 */
export function accessRefusal(rejection: UkRejection): ExtensionFailure<ValidationFailure> {
  const status: AcceptedErrorCode = rejection.status;
  const where = rejection.path === undefined ? '' : ` (${rejection.path})`;
  return fail(status, { errorMessage: rejection.code, errorDescription: `${rejection.message}${where}` });
}
