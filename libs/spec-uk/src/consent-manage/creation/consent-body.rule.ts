import type { JsonObject } from '@app/contract';
import { isJsonObject } from '../../shared/json.js';
import { UkErrorCode, ukRejection, type UkRejection } from '../../shared/uk-error.js';

/**
 * The TPP's consent body, which must be a JSON object (§A.1): the identity server omits a body that is not JSON, and
 * an array or a scalar has no `Data` to read, so both are 400 Resource.InvalidFormat.
 */
export function consentBody(
  consentInitiationData: unknown,
): { readonly body: JsonObject } | { readonly rejection: UkRejection } {
  return isJsonObject(consentInitiationData)
    ? { body: consentInitiationData }
    : { rejection: ukRejection(400, UkErrorCode.ResourceInvalidFormat, 'The request body must be a JSON object') };
}
