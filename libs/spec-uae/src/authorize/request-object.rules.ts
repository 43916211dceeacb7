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

/** exp may be at most 5 minutes after nbf. */
export const MAX_REQUEST_OBJECT_LIFETIME_SECONDS = 300;
export const MAX_AGE_LIMIT_SECONDS = 3600;

const isString = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isEpoch = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);

/** The first request-object rule the claims break, as an `error_description`; undefined when they conform. */
export function requestObjectProblem(claims: JsonObject): string | undefined {
  const missing = REQUIRED_CLAIMS.find((claim) => claims[claim] === undefined || claims[claim] === null);
  if (missing !== undefined) {
    return `The request object has no ${missing} claim`;
  }
  for (const claim of ['iss', 'client_id', 'redirect_uri', 'scope', 'nonce', 'state', 'code_challenge'] as const) {
    if (!isString(claims[claim])) {
      return `The ${claim} claim must be a non-empty string`;
    }
  }
  const audience = claims['aud'];
  if (!isString(audience) && !(Array.isArray(audience) && audience.length > 0 && audience.every(isString))) {
    return 'The aud claim must be the issuer of the authorisation server';
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
  if (maxAge !== undefined && (!isEpoch(maxAge) || maxAge < 0 || maxAge > MAX_AGE_LIMIT_SECONDS)) {
    return `The max_age claim must be a number of seconds up to ${MAX_AGE_LIMIT_SECONDS}`;
  }
  return undefined;
}
