import { fail, type AuthorizeFailure, type ExtensionFailure } from '@app/contract';
import { UaeConsentStatus } from '../shared/consent-status.js';

/**
 * A populate or persist refusal: the TPP is redirected with server_error and `errorMessage`. A stored consent is
 * rejected with it; in the PAR flow there is no consent yet, so no status is sent (contract §4.9).
 */
export function authorizeFailure(errorMessage: string, preInitiated: boolean): ExtensionFailure<AuthorizeFailure> {
  return fail(400, { errorMessage, ...(preInitiated ? { newConsentStatus: UaeConsentStatus.Rejected } : {}) });
}
