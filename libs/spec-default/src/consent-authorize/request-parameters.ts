import type { JsonObject } from '@app/contract';
import { isJsonObject, isString, nonEmptyString } from '../shared/json.js';

/** The scope that only asks for an id token: it says nothing about the data to share. */
const OPENID_SCOPE = 'openid';

/**
 * The consent id a TPP put in its signed request object, at the accelerator's default `json_path`
 * `/id_token/openbanking_intent_id/value` inside `claims`.
 */
export function intentIdOf(requestParameters: JsonObject | undefined): string | undefined {
  const idToken = field(field(requestParameters, 'claims'), 'id_token');
  return nonEmptyString(field(field(idToken, 'openbanking_intent_id'), 'value'));
}

/** The requested scopes except `openid`, in request order (`ConsentAuthorizeUtil.getConsentDataForScope`). */
export function requestedScopes(requestParameters: JsonObject | undefined): string[] {
  const scope = requestParameters?.['scope'];
  if (!isString(scope)) {
    return [];
  }
  return scope.split(/\s+/).filter((item) => item.length > 0 && item !== OPENID_SCOPE);
}

function field(object: unknown, key: string): unknown {
  return isJsonObject(object) ? object[key] : undefined;
}
