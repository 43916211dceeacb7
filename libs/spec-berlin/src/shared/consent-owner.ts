import { fail, type AuthorizeFailure, type ExtensionFailure, type StoredConsentResource } from '@app/contract';
import { headerValue, type HeaderMap } from './tpp-headers.js';
import { isJsonObject, nonEmptyString } from './json.js';
import { berlinError, type BerlinError } from './tpp-messages.js';

/*
 * A consent is read, changed or terminated only by the TPP that created it. The identity server checks this before it
 * calls the manage points, but this module does not rely on it: every point that receives both the consent and the
 * caller's client id compares them. Another TPP's consent is answered as an unknown one (CONSENT_UNKNOWN), so that
 * nothing tells a TPP that the id exists.
 */

/** The TPP's client id the gateway adds to every consent-manage call (contract §3.2). */
export const CLIENT_ID_HEADER = 'x-wso2-client-id';

/** True only when both client ids are known and differ; an id the identity server left out (or null) proves nothing. */
export function ownedByAnotherTpp(consent: StoredConsentResource | undefined, callerClientId: unknown): boolean {
  const owner = nonEmptyString(consent?.clientId);
  const caller = nonEmptyString(callerClientId);
  return owner !== undefined && caller !== undefined && owner !== caller;
}

/** The caller of a consent-manage point: the `x-wso2-client-id` request header. */
export function managingClientId(requestHeaders: HeaderMap | undefined): string | undefined {
  return headerValue(requestHeaders, CLIENT_ID_HEADER);
}

/** The caller of the authorize flow: `client_id` of the request object (or of the query, in `requestParam` mode). */
export function authorizingClientId(requestParameters: unknown): unknown {
  return isJsonObject(requestParameters) ? requestParameters['client_id'] : undefined;
}

/**
 * CONSENT_UNKNOWN is 403 when the consent id is in the request path and 400 when it is in a header or the body (§B.7).
 */
export function unknownConsentError(httpStatus: 400 | 403): BerlinError {
  return berlinError(httpStatus, 'CONSENT_UNKNOWN', 'The consent id is unknown to this TPP', 'consentId');
}

/**
 * The authorize flow's answer to another TPP's consent: no `newConsentStatus`, so the consent is left as it is (the
 * identity server redirects the TPP with `server_error` and this text).
 */
export function unknownConsentAuthorizeFailure(): ExtensionFailure<AuthorizeFailure> {
  const { code, text } = unknownConsentError(403);
  return fail(403, { errorMessage: `${code}: ${text}` });
}
