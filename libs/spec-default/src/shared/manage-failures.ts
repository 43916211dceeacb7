import { fail, type AcceptedErrorCode, type ExtensionFailure, type JsonObject } from '@app/contract';

/*
 * The error bodies the accelerator itself sends to a TPP from its consent manage and admin endpoints (contract §7.3).
 * The identity server relays an extension's ERROR `data` verbatim, so reusing these shapes keeps a TPP's view unchanged.
 */

/** `ConsentOperationEnum`: the `message` of an operation error. */
export type ConsentOperation =
  'consent_retrieve' | 'consent_delete' | 'consent_revoke' | 'consent_file_upload' | 'consent_file_retrieval';

/**
 * A payload validation error (`consent_default`). The error mapper leaves these alone, as it does for the
 * accelerator's own validation errors (contract §4.14).
 */
export function payloadValidationFailure(description: string): ExtensionFailure<JsonObject> {
  return fail(400, { error: { code: 'Bad Request', message: 'consent_default', description } });
}

/** The error of a creation request whose path names no known consent type. */
export function unknownConsentTypeFailure(): ExtensionFailure<JsonObject> {
  return fail(400, {
    error: { code: 'invalid_consent_type', message: 'consent_default', description: 'Invalid request path found.' },
  });
}

/** An operation error: `code` is the HTTP status as a string, `message` the operation. */
export function operationFailure(
  status: AcceptedErrorCode,
  operation: ConsentOperation,
  description: string,
): ExtensionFailure<JsonObject> {
  return fail(status, { error: { code: String(status), message: operation, description } });
}

/** The message of a GET, DELETE or file GET whose path names another consent type than the stored consent's. */
export const CONSENT_TYPE_MISMATCH = 'Consent Type mismatch';
