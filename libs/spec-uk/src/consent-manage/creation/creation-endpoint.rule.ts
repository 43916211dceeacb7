import { parseManagePath, type UkConsentKind } from '../../shared/uk-consent-kind.js';
import { UkErrorCode, ukRejection, type UkRejection } from '../../shared/uk-error.js';

/**
 * The consent endpoint a `POST` creates a consent at: one of the UK consent collections, never a consent of it
 * (`…-consents/{ConsentId}`) nor a path this module does not serve, which are 404 Resource.NotFound.
 */
export function creationEndpoint(
  consentResourcePath: string | undefined,
): { readonly kind: UkConsentKind } | { readonly rejection: UkRejection } {
  const path = parseManagePath(consentResourcePath);
  return path === undefined || path.consentId !== undefined
    ? {
        rejection: ukRejection(
          404,
          UkErrorCode.ResourceNotFound,
          `No UK consent endpoint accepts a POST to "${consentResourcePath ?? ''}"`,
        ),
      }
    : { kind: path.kind };
}
