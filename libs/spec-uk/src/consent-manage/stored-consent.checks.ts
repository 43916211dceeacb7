import type { StoredConsentResource } from '@app/contract';
import { foreignConsentRejection, managingClientId, ownedByAnotherTpp } from '../shared/consent-owner.js';
import { kindOfType, type ManagePath } from '../shared/uk-consent-kind.js';
import { UkErrorCode, ukRejection, type UkRejection } from '../shared/uk-error.js';
import { UkConsentStatus } from '../shared/uk-status.js';

/**
 * What GET and DELETE on `/…-consents/{ConsentId}` check first: the consent belongs to the calling TPP (403
 * Resource.NotFound, UK-14, whatever its endpoint or status), and it exists under this endpoint (an unknown id, a
 * consent of another endpoint or one its TPP deleted is 400 Resource.NotFound, never 404, §A.5/§A.9).
 */
export function storedConsentRejection(
  path: ManagePath | undefined,
  consent: StoredConsentResource | undefined,
  requestHeaders: Readonly<Record<string, string>> | undefined,
): UkRejection | undefined {
  if (ownedByAnotherTpp(consent, managingClientId(requestHeaders))) {
    return foreignConsentRejection();
  }
  if (
    path === undefined ||
    consent === undefined ||
    kindOfType(consent.type) !== path.kind ||
    consent.status === UkConsentStatus.Deleted
  ) {
    return ukRejection(
      400,
      UkErrorCode.ResourceNotFound,
      'No consent with this ConsentId exists at this endpoint',
      'ConsentId',
    );
  }
  return undefined;
}
