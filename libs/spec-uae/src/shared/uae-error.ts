import { fail, type AcceptedErrorCode, type ExtensionFailure, type JsonObject } from '@app/contract';

/*
 * The two error formats of UAE Open Finance (spec-rules §C.6, §C.1): resource APIs answer
 * `{"Errors":[{Code, Message, Path?}]}`; the authorisation server (/par, /authorize) answers OAuth errors.
 */

/** The prescribed codes this module uses (AEError400Code / AEError403Code / AEError500Code). */
export type UaeErrorCode =
  | 'Consent.Invalid'
  | 'Consent.BusinessRuleViolation'
  | 'Consent.FailsControlParameters'
  | 'JWE.DecryptionError'
  | 'GenericError'
  | 'Body.InvalidFormat'
  | 'Resource.InvalidFormat'
  | 'AccessToken.InvalidScope'
  | 'Consent.TransientAccountAccessFailure'
  | 'Consent.AccountTemporarilyBlocked'
  | 'Consent.PermanentAccountAccessFailure';

const MAX_TEXT = 500;

/** Message and Path are 1..500 characters in the official schema. */
function bounded(text: string): string {
  const trimmed = text === '' ? 'Invalid request' : text;
  return trimmed.length > MAX_TEXT ? `${trimmed.slice(0, MAX_TEXT - 1)}…` : trimmed;
}

export function uaeErrorBody(code: UaeErrorCode, message: string, path?: string): JsonObject {
  return { Errors: [{ Code: code, Message: bounded(message), ...(path ? { Path: bounded(path) } : {}) }] };
}

/** A consent manage rejection relayed to the TPP as the UAE error body. */
export function uaeFailure(
  httpCode: AcceptedErrorCode,
  code: UaeErrorCode,
  message: string,
  path?: string,
): ExtensionFailure<JsonObject> {
  return fail(httpCode, uaeErrorBody(code, message, path));
}

/** A problem found in a TPP's consent: the rule's UAE code, a sentence, and the field it concerns. */
export interface ConsentProblem {
  readonly code: UaeErrorCode;
  readonly message: string;
  readonly path: string;
}

/** A consent manage rejection of a consent problem, in the UAE error body. */
export function uaeProblemFailure(httpCode: AcceptedErrorCode, problem: ConsentProblem): ExtensionFailure<JsonObject> {
  return uaeFailure(httpCode, problem.code, problem.message, problem.path);
}

/** The precise description of a consent problem for an OAuth or redirect error: the UAE code, the sentence, the field. */
export function describeProblem(problem: ConsentProblem): string {
  return `${problem.code}: ${problem.message} (${problem.path})`;
}
