import type { StoredConsentResource } from '@app/contract';
import { headerValue } from '../shared/json.js';
import { kindOfType, type ManagePath } from '../shared/uk-consent-kind.js';
import { UkErrorCode, ukRejection, type UkRejection } from '../shared/uk-error.js';
import { UkConsentStatus } from '../shared/uk-status.js';

const CLIENT_ID_HEADER = 'x-wso2-client-id';

/**
 * What GET and DELETE on `/…-consents/{ConsentId}` check first: the consent exists under this endpoint (an unknown
 * id, a consent of another endpoint or one its TPP deleted is 400 Resource.NotFound, never 404, §A.5/§A.9), and it
 * belongs to the calling TPP (403, UK-14).
 */
export function storedConsentRejection(
  path: ManagePath | undefined,
  consent: StoredConsentResource | undefined,
  requestHeaders: Readonly<Record<string, string>> | undefined,
): UkRejection | undefined {
  const notFound = ukRejection(400, UkErrorCode.ResourceNotFound, 'No consent with this ConsentId exists at this endpoint', 'ConsentId');
  if (path === undefined || consent === undefined || kindOfType(consent.type) !== path.kind || consent.status === UkConsentStatus.Deleted) {
    return notFound;
  }
  const caller = headerValue(requestHeaders, CLIENT_ID_HEADER);
  if (caller !== undefined && consent.clientId !== undefined && caller !== consent.clientId) {
    return ukRejection(403, UkErrorCode.ResourceNotFound, 'The consent belongs to another TPP', 'ConsentId');
  }
  return undefined;
}

