import { randomUUID } from 'node:crypto';
import type { JsonRecord } from './json-values.js';

export interface RequestObjectParameters {
  readonly clientId: string;
  /** The pre-initiated consent, carried in the `openbanking_intent_id` essential claim. */
  readonly consentId?: string;
  readonly scope?: string;
  readonly redirectUri?: string;
  readonly audience?: string;
  /** Epoch seconds; defaults to now. */
  readonly issuedAt?: number;
}

const ONE_HOUR_IN_SECONDS = 3600;

/**
 * The decoded claims of a TPP's signed request object, as nimbus `JWTClaimsSet.toJSONObject()` gives them to the
 * identity server (times in epoch seconds, a single audience as a string). They are the `requestParameters` of
 * populate-consent-authorize-screen and the `requestObject` of validate-authorization-request (contract §4.9, §4.13).
 */
export function buildRequestObjectClaims(parameters: RequestObjectParameters): JsonRecord {
  const issuedAt = parameters.issuedAt ?? Math.floor(Date.now() / 1000);
  return {
    iss: parameters.clientId,
    aud: parameters.audience ?? 'https://localhost:9446/oauth2/token',
    client_id: parameters.clientId,
    response_type: 'code id_token',
    redirect_uri: parameters.redirectUri ?? 'https://tpp.example.com/callback',
    scope: parameters.scope ?? 'openid accounts',
    state: randomUUID(),
    nonce: randomUUID(),
    exp: issuedAt + ONE_HOUR_IN_SECONDS,
    nbf: issuedAt,
    ...(parameters.consentId === undefined
      ? {}
      : { claims: { id_token: { openbanking_intent_id: { value: parameters.consentId, essential: true } } } }),
  };
}
