import { fail, type AuthorizeFailure, type ExtensionFailure } from '@app/contract';

/**
 * An ERROR of the authorize flow: the identity server applies `newConsentStatus` (when given), then redirects the TPP
 * with `error=server_error&error_description=<errorMessage>`; `errorCode` is ignored (contract §4.9).
 */
export function authorizeFailure(errorMessage: string, newConsentStatus?: string): ExtensionFailure<AuthorizeFailure> {
  return fail(400, { errorMessage, ...(newConsentStatus === undefined ? {} : { newConsentStatus }) });
}
