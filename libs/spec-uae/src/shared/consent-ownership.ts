import type { StoredConsentResource } from '@app/contract';
import type { ConsentProblem } from './uae-error.js';

/*
 * A consent belongs to the TPP that created it (the identity server stores the client id with it). Whatever point
 * receives a consent together with the calling TPP's client id (`x-wso2-client-id` on consent manage calls, the
 * token's `clientId` at access, the request object's `client_id` in the authorisation flow, contract §3.2, §4.11,
 * §4.9) answers another TPP exactly as it answers an unknown consent: 400 Consent.Invalid. The UAE APIs define no 404
 * and no code of their own for "another TPP's consent"; Consent.Invalid is the prescribed code for a ConsentId that
 * does not identify a consent the caller may use (spec-rules §C.6), and answering it like an unknown one does not
 * tell a TPP that another TPP's consent exists.
 */

/** The one answer to an unknown consent, a consent not made here, and another TPP's consent. */
export const NOT_A_CONSENT_OF_THIS_TPP: ConsentProblem = {
  code: 'Consent.Invalid',
  message: 'The ConsentId does not identify a UAE consent of this TPP',
  path: 'ConsentId',
};

/**
 * Whether the caller is known and is not the consent's owner. An unknown caller (the bank's own admin revocation,
 * which has no TPP) is not a foreign one; a consent with no recorded owner belongs to no caller.
 */
export function isForeignConsent(
  callerClientId: string | null | undefined,
  resource: StoredConsentResource | undefined,
): boolean {
  if (callerClientId === undefined || callerClientId === null || callerClientId === '') {
    return false;
  }
  return resource?.clientId !== callerClientId;
}
