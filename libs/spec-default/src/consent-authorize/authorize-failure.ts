import { fail, type AuthorizeFailure, type ExtensionFailure } from '@app/contract';

/**
 * An ERROR of the authorize flow. The identity server ignores `errorCode` and redirects the TPP with
 * `error=server_error&error_description=<errorMessage>` (contract §4.9), so only the message matters.
 */
export function authorizeFailure(errorMessage: string): ExtensionFailure<AuthorizeFailure> {
  return fail(400, { errorMessage });
}
