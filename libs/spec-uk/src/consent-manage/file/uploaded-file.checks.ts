import type { StoredConsentResource } from '@app/contract';
import { foreignConsentRejection, managingClientId, ownedByAnotherTpp } from '../../shared/consent-owner.js';
import { kindOfType, parseManagePath } from '../../shared/uk-consent-kind.js';
import { UkErrorCode, ukRejection, type UkRejection } from '../../shared/uk-error.js';
import { UkConsentStatus } from '../../shared/uk-status.js';

const FILE = 'file';

/**
 * What the upload and the download of a payment file (`…/file-payment-consents/{ConsentId}/file`) check first: the
 * consent is the calling TPP's (403 Resource.NotFound, UK-14), the path is a file-payment consent's file, and the
 * consent is a file-payment consent that exists (400 Resource.NotFound otherwise, never 404).
 */
export function fileConsentRejection(
  consentResourcePath: string | undefined,
  consent: StoredConsentResource | undefined,
  requestHeaders: Readonly<Record<string, string>> | undefined,
): UkRejection | undefined {
  if (ownedByAnotherTpp(consent, managingClientId(requestHeaders))) {
    return foreignConsentRejection();
  }
  const path = parseManagePath(consentResourcePath);
  if (path === undefined || path.kind.file !== true || path.subResource !== FILE) {
    return ukRejection(404, UkErrorCode.ResourceNotFound, `No UK payment file is at "${consentResourcePath ?? ''}"`);
  }
  if (consent === undefined || kindOfType(consent.type) !== path.kind || consent.status === UkConsentStatus.Deleted) {
    return ukRejection(
      400,
      UkErrorCode.ResourceNotFound,
      'No file-payment consent with this ConsentId exists',
      'ConsentId',
    );
  }
  return undefined;
}
