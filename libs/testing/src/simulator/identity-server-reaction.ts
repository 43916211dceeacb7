import { isAcceptedErrorCode } from '@app/contract';
import type { UsableEnvelopeReading } from './identity-server-envelope.js';
import { IdentityServerFailure } from './identity-server-failure.js';
import { isJsonRecord } from './json-values.js';

/** What the identity server did with an answer. */
export interface IdentityServerReaction {
  /**
   * `accepted`: it used the answer (stored it, let the call through);
   * `business-error`: it relayed the ERROR to the TPP or the customer as the contract intends;
   * `failed`: the answer broke it (non-200, strict parse, NPE, database constraint) and the client sees a server error.
   */
  readonly outcome: 'accepted' | 'business-error' | 'failed';
  readonly description: string;
}

export const accepted = (description: string): IdentityServerReaction => ({ outcome: 'accepted', description });
export const businessError = (description: string): IdentityServerReaction => ({
  outcome: 'business-error',
  description,
});
export const failed = (description: string): IdentityServerReaction => ({ outcome: 'failed', description });

/** Runs a store change the way the identity server's transaction would: it either happens or fails as a whole. */
export function attempt(change: () => string): IdentityServerReaction {
  try {
    return accepted(change());
  } catch (error: unknown) {
    if (error instanceof IdentityServerFailure) {
      return failed(error.message);
    }
    throw error;
  }
}

/**
 * A consent manage or admin ERROR (`ExternalAPIUtil.handleResponseError`): `data` becomes the TPP body, `errorCode`
 * the status, clamped to 500 outside 400-599; a code in that range but unknown to `ResponseStatus` is an NPE.
 */
export function relayedError(reading: UsableEnvelopeReading, prefix = ''): IdentityServerReaction {
  if (!isJsonRecord(reading.data)) {
    return failed('ERROR data is not a JSON object: JSONException, the client gets 500 "A runtime error has occurred"');
  }
  const httpStatus = reading.errorCode < 400 || reading.errorCode >= 600 ? 500 : reading.errorCode;
  if (!isAcceptedErrorCode(httpStatus)) {
    return failed(`errorCode ${httpStatus} is unknown to ResponseStatus: NullPointerException, the client gets 500`);
  }
  return businessError(`${prefix}the TPP receives HTTP ${httpStatus} with data as the body`);
}
