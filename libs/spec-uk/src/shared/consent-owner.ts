import { fail, type AuthorizeFailure, type ExtensionFailure, type StoredConsentResource } from '@app/contract';
import { headerValue, isJsonObject, nonEmptyString } from './json.js';
import { UkErrorCode, ukRejection, type UkRejection } from './uk-error.js';

/*
 * A consent is read, changed or deleted only by the TPP that created it. The identity server checks this before it
 * calls the manage points, but this module does not rely on it: every point that receives both the consent and the
 * caller's client id compares them. v3.1.11 answers "another TPP's resource" with 403 (§A.9, UK-14) and an id that
 * does not exist with UK.OBIE.Resource.NotFound: 403 with Resource.NotFound tells the TPP that the consent is not
 * its own without telling it that the id exists.
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
export function managingClientId(requestHeaders: Readonly<Record<string, string>> | undefined): string | undefined {
  return headerValue(requestHeaders, CLIENT_ID_HEADER);
}

/** The caller of the authorize flow: `client_id` of the request object (or of the query, in `requestParam` mode). */
export function authorizingClientId(requestParameters: unknown): unknown {
  return isJsonObject(requestParameters) ? requestParameters['client_id'] : undefined;
}

/** The rejection of another TPP's consent: 403 UK.OBIE.Resource.NotFound on ConsentId. */
export function foreignConsentRejection(): UkRejection {
  return ukRejection(
    403,
    UkErrorCode.ResourceNotFound,
    'No consent with this ConsentId exists for this TPP',
    'ConsentId',
  );
}

/**
 * The authorize flow's answer to another TPP's consent: the code and reason in `errorMessage` (the identity server
 * redirects the TPP with `server_error` and this text), and no `newConsentStatus`, so the consent is left as it is.
 */
export function foreignConsentAuthorizeFailure(): ExtensionFailure<AuthorizeFailure> {
  const { status, code, message } = foreignConsentRejection();
  return fail(status, { errorMessage: `${code}: ${message}` });
}
