import { fail, type AcceptedErrorCode, type ExtensionFailure, type JsonObject } from '@app/contract';

/*
 * The Berlin Group error body (§B.7): `{"tppMessages":[{category, code, path?, text}]}`. It carries no top-level code;
 * the HTTP status travels in the envelope's `errorCode`, which the identity server uses for the TPP response.
 */

/** The standard message codes this module sends (psd2-api 1.3.8 MessageCode enums; `tpp-messages.spec.ts` checks them). */
export type BerlinMessageCode =
  | 'FORMAT_ERROR'
  | 'PARAMETER_NOT_SUPPORTED'
  | 'SERVICE_INVALID'
  | 'RESOURCE_UNKNOWN'
  | 'CONSENT_UNKNOWN'
  | 'CONSENT_INVALID'
  | 'CONSENT_EXPIRED'
  | 'SESSIONS_NOT_SUPPORTED'
  | 'PRODUCT_UNKNOWN'
  | 'EXECUTION_DATE_INVALID'
  | 'STATUS_INVALID'
  | 'CANCELLATION_INVALID'
  | 'ACCESS_EXCEEDED'
  | 'SIGNATURE_INVALID'
  | 'SIGNATURE_MISSING'
  | 'CERTIFICATE_MISSING'
  | 'TOKEN_INVALID'
  | 'SERVICE_BLOCKED'
  | 'REQUESTED_FORMATS_INVALID';

/** Longest `text` the schema allows (tppMessageText, max 500). */
const MAX_TEXT_LENGTH = 500;

export interface TppMessage {
  readonly category: 'ERROR' | 'WARNING';
  readonly code: BerlinMessageCode;
  readonly path?: string;
  readonly text: string;
}

export interface BerlinError {
  readonly httpStatus: AcceptedErrorCode;
  readonly code: BerlinMessageCode;
  readonly text: string;
  readonly path?: string;
}

export function berlinError(
  httpStatus: AcceptedErrorCode,
  code: BerlinMessageCode,
  text: string,
  path?: string,
): BerlinError {
  return { httpStatus, code, text, ...(path === undefined || path === '' ? {} : { path }) };
}

export function tppMessage(error: BerlinError): TppMessage {
  const text = error.text.length > MAX_TEXT_LENGTH ? `${error.text.slice(0, MAX_TEXT_LENGTH - 1)}…` : error.text;
  return { category: 'ERROR', code: error.code, ...(error.path === undefined ? {} : { path: error.path }), text };
}

/** The error body the TPP receives. */
export function tppErrorBody(error: BerlinError): JsonObject {
  return { tppMessages: [tppMessage(error)] };
}

/** A consent-manage rejection: the identity server relays `data` verbatim to the TPP with HTTP `httpStatus`. */
export function relayedFailure(error: BerlinError): ExtensionFailure<JsonObject> {
  return fail(error.httpStatus, tppErrorBody(error));
}
