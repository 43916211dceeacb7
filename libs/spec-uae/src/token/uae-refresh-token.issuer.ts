import { Inject, Injectable } from '@nestjs/common';
import { RefreshTokenIssuer, succeed, type OutcomeOf, type RefreshTokenRequest, type Clock } from '@app/contract';
import { UAE_SPEC_CLOCK } from '../uae-spec.tokens.js';

/**
 * issue-refresh-token (contract §4.12): UAE access tokens live 10 minutes and the consent carries the long-lived
 * access, so a refresh token is issued while the consent is valid, for no longer than the consent (validityTime is the
 * consent's ExpirationDateTime); none for a consent that has already expired.
 */
@Injectable()
export class UaeRefreshTokenIssuer extends RefreshTokenIssuer {
  constructor(@Inject(UAE_SPEC_CLOCK) private readonly clock: Clock) {
    super();
  }

  handle(data: RefreshTokenRequest): Promise<OutcomeOf<'issue-refresh-token'>> {
    const validityTime = data.consentValidityPeriod ?? 0;
    const nowSeconds = Math.floor(this.clock.now() / 1000);
    if (validityTime <= 0) {
      return Promise.resolve(succeed({ issueRefreshToken: true }));
    }
    const remaining = validityTime - nowSeconds;
    return Promise.resolve(
      remaining > 0
        ? succeed({ issueRefreshToken: true, refreshTokenValidityPeriod: remaining })
        : succeed({ issueRefreshToken: false }),
    );
  }
}
