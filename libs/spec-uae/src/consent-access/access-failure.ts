import { fail, type AcceptedErrorCode, type ExtensionFailure, type ValidationFailure } from '@app/contract';
import type { UaeErrorCode } from '../shared/uae-error.js';

/** A refused API call: the gateway relays `errorMessage` as the error code and `errorDescription` (contract §4.11). */
export function accessFailure(
  httpCode: AcceptedErrorCode,
  code: UaeErrorCode,
  description: string,
): ExtensionFailure<ValidationFailure> {
  return fail(httpCode, { errorMessage: code, errorDescription: description });
}
