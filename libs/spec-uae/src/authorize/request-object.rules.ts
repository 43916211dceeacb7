import type { JsonObject } from '@app/contract';

/** The request-object claims a UAE PAR requires (spec-rules §C.1); max_age is the only optional one. */
export const REQUIRED_CLAIMS = [
  'aud',
  'iss',
  'client_id',
  'redirect_uri',
  'scope',
  'nonce',
  'state',
  'nbf',
  'exp',
  'response_type',
  'code_challenge_method',
  'code_challenge',
  'authorization_details',
] as const;

/**
 * Claims the standards document beside the PAR request schema: `iat` (the request JWT page derives `nbf` from it) and
 * `jti` (optional in the JWT claim rules, "not required in the Request Object").
 */
export const DOCUMENTED_EXTRA_CLAIMS = ['iat', 'jti'] as const;

/** exp may be at most 5 minutes after nbf. */
export const MAX_REQUEST_OBJECT_LIFETIME_SECONDS = 300;
export const MAX_AGE_LIMIT_SECONDS = 3600;

const isString = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isEpoch = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);
/** The identity server's claim set omits null claims; one that arrives as null is read as omitted. */
const isAbsent = (value: unknown): boolean => value === undefined || value === null;

/**
 * The first request-object rule the claims break, as an `error_description`; undefined when they conform.
 * `declaredClaims` are the claims of the official PAR request schema (`additionalProperties: false`: "no additional or
 * undocumented parameters are permitted").
 */
export function requestObjectProblem(claims: JsonObject, declaredClaims: readonly string[]): string | undefined {
  const missing = REQUIRED_CLAIMS.find((claim) => isAbsent(claims[claim]));
  if (missing !== undefined) {
    return `The request object has no ${missing} claim`;
  }
  // Sorted, so that the first one named does not depend on the order the claims arrive in.
  const undocumented = Object.keys(claims)
    .filter(
      (claim) =>
        !isAbsent(claims[claim]) &&
        !declaredClaims.includes(claim) &&
        !(DOCUMENTED_EXTRA_CLAIMS as readonly string[]).includes(claim),
    )
    .sort();
  if (undocumented.length > 0) {
    return `The request object carries the undocumented claim ${undocumented[0]}: only the claims of the PAR request schema, iat and jti are allowed`;
  }
  for (const claim of ['iss', 'client_id', 'redirect_uri', 'scope', 'nonce', 'state', 'code_challenge'] as const) {
    if (!isString(claims[claim])) {
      return `The ${claim} claim must be a non-empty string`;
    }
  }
  // One audience: the schema's `aud` is "constrained to a single string value" (FAPI 2.0). The identity server's claim
  // set writes a single audience as a string, and a list only when there are several.
  const audience = claims['aud'];
  if (!isString(audience) && !(Array.isArray(audience) && audience.length === 1 && audience.every(isString))) {
    return 'The aud claim must be one audience: the issuer of the authorisation server';
  }
  if (claims['iss'] !== claims['client_id']) {
    return 'The iss claim must equal client_id';
  }
  const { nbf, exp } = claims;
  if (!isEpoch(nbf) || !isEpoch(exp)) {
    return 'The nbf and exp claims must be times in seconds';
  }
  if (exp <= nbf) {
    return 'The exp claim must be after nbf';
  }
  if (exp - nbf > MAX_REQUEST_OBJECT_LIFETIME_SECONDS) {
    return `The request object may live at most ${MAX_REQUEST_OBJECT_LIFETIME_SECONDS} seconds (exp - nbf)`;
  }
  if (claims['response_type'] !== 'code') {
    return 'The response_type must be code';
  }
  if (claims['code_challenge_method'] !== 'S256') {
    return 'The code_challenge_method must be S256';
  }
  const maxAge = claims['max_age'];
  if (!isAbsent(maxAge) && (!isEpoch(maxAge) || maxAge < 0 || maxAge > MAX_AGE_LIMIT_SECONDS)) {
    return `The max_age claim must be a number of seconds up to ${MAX_AGE_LIMIT_SECONDS}`;
  }
  return undefined;
}
