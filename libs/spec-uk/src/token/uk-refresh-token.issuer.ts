import { Inject, Injectable } from '@nestjs/common';
import {
  fail,
  RefreshTokenIssuer,
  succeed,
  type OutcomeOf,
  type RequestDataOf,
  epochSeconds,
  type Clock,
} from '@app/contract';
import { UK_SPEC_CLOCK } from '../uk-spec.tokens.js';

/**
 * A refresh token only while the consent is valid (contract §4.12): an expired consent gets `invalid_grant`; a
 * consent with an expiry gets a refresh token that does not outlive it (`refreshTokenValidityPeriod`, documented by
 * the published contract although the identity server does not read it yet); one without an expiry (0) gets the
 * identity server's default validity.
 */
@Injectable()
export class UkRefreshTokenIssuer extends RefreshTokenIssuer {
  constructor(@Inject(UK_SPEC_CLOCK) private readonly clock: Clock) {
    super();
  }

  handle({ consentValidityPeriod }: RequestDataOf<'issue-refresh-token'>): Promise<OutcomeOf<'issue-refresh-token'>> {
    const now = epochSeconds(this.clock.now());
    if (consentValidityPeriod === undefined || consentValidityPeriod <= 0) {
      return Promise.resolve(succeed({ issueRefreshToken: true }));
    }
    if (consentValidityPeriod <= now) {
      return Promise.resolve(
        fail(400, {
          errorMessage: 'invalid_grant',
          errorDescription: 'The consent has expired: no refresh token is issued',
        }),
      );
    }
    return Promise.resolve(
      succeed({ issueRefreshToken: true, refreshTokenValidityPeriod: consentValidityPeriod - now }),
    );
  }
}
