import {
  fail,
  type AcceptedErrorCode,
  type DataRequestPayload,
  type ExtensionFailure,
  type JsonObject,
  type StoredConsentResource,
  type ValidationFailure,
} from '@app/contract';
import { parseDateTimeValue } from '../shared/date-time.js';
import { reasonPhrase } from '../shared/reason-phrases.js';

/** What the per-type rules of contract §7.5 look at for one API call. */
export interface AccessCheck {
  /** The id of the consent being used. */
  readonly consentId: string | undefined;
  readonly consent: StoredConsentResource;
  /** The stored receipt's `Data`, `{}` when it has none. */
  readonly receiptData: JsonObject;
  /** The API call: the token's consent id, the resource template and path, the TPP body. */
  readonly request: DataRequestPayload;
  readonly nowMillis: number;
}

export type AccessDenial = ExtensionFailure<ValidationFailure>;

/** The rules of one consent type: the first broken rule's denial, or undefined when the call is covered. */
export type AccessRules = (check: AccessCheck) => AccessDenial | undefined;

/**
 * A refused call as the accelerator's gateway fault shows it: the reason phrase as the error code, the rule's message
 * as the description, and the HTTP status.
 */
export function accessDenied(status: AcceptedErrorCode, description: string): AccessDenial {
  return fail(status, { errorMessage: reasonPhrase(status), errorDescription: description });
}

/**
 * Whether the receipt's expiry has passed. A consent without one does not expire; one whose expiry cannot be read is
 * treated as expired, since nothing proves it is still valid.
 */
export function hasExpired(expiration: unknown, nowMillis: number): boolean {
  if (expiration === undefined || expiration === null) {
    return false;
  }
  const expiresAt = parseDateTimeValue(expiration);
  return expiresAt === undefined || expiresAt < nowMillis;
}
