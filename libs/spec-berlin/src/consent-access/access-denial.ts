import { fail, type ExtensionFailure, type ValidationFailure } from '@app/contract';
import { tppMessage, type BerlinError, type TppMessage } from '../shared/tpp-messages.js';

/**
 * A refused API call. The gateway raises its fault from `errorMessage` (here the Berlin Group code) and
 * `errorDescription` with HTTP `errorCode`; `tppMessages` carries the same error in the Berlin Group body, for a
 * gateway policy that relays it as it is.
 */
export type AccessDenial = ExtensionFailure<ValidationFailure & { readonly tppMessages: readonly TppMessage[] }>;

export function accessDenied(error: BerlinError): AccessDenial {
  return fail(error.httpStatus, {
    errorMessage: error.code,
    errorDescription: error.text,
    tppMessages: [tppMessage(error)],
  });
}
