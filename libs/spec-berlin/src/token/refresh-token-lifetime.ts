import { SECONDS_PER_DAY } from '../shared/iso-date.js';

/*
 * How long a refresh token may live (Berlin Group account flow: "issued refresh token expires after 90 days, when new
 * authorization has to be completed"), and never beyond the consent. Only AIS consents have a validity here
 * (`validUntil`); payments and funds-confirmation consents have none (0) and are not limited.
 */

export interface RefreshTokenGrant {
  /** `authorization_code` (the customer has just authorised) or `refresh_token`. */
  readonly grantType?: string;
  /** Epoch seconds. */
  readonly consentCreatedTime?: number;
  /** The consent's `validityTime`: the first second after `validUntil`, 0 for none. */
  readonly consentValidityPeriod?: number;
}

export type RefreshTokenLifetime =
  | { readonly kind: 'unlimited' }
  | { readonly kind: 'limited'; readonly seconds: number }
  | { readonly kind: 'refused'; readonly reason: string };

/**
 * The 90 days run from the authorisation. The identity server does not tell when that was: a code grant is the
 * authorisation itself (now); a refresh grant counts from the consent's creation, which precedes its authorisation,
 * so a chain of refreshed tokens never outlives the limit (the identity server ignores the validity this point
 * answers, so refusing the refresh grant is what ends the chain).
 */
export function refreshTokenLifetime(
  grant: RefreshTokenGrant,
  nowSeconds: number,
  maxDays: number,
): RefreshTokenLifetime {
  const consentEnd = grant.consentValidityPeriod ?? 0;
  if (consentEnd <= 0) {
    return { kind: 'unlimited' };
  }
  if (nowSeconds >= consentEnd) {
    return { kind: 'refused', reason: 'The consent is expired (validUntil has passed)' };
  }
  const authorisedAt = grant.grantType === 'refresh_token' ? (grant.consentCreatedTime ?? nowSeconds) : nowSeconds;
  const tokenEnd = authorisedAt + maxDays * SECONDS_PER_DAY;
  if (nowSeconds >= tokenEnd) {
    return {
      kind: 'refused',
      reason: `The refresh token has reached its ${maxDays} days: a new authorisation is required`,
    };
  }
  return { kind: 'limited', seconds: Math.min(tokenEnd, consentEnd) - nowSeconds };
}
