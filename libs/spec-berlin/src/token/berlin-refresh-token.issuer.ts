import { Inject, Injectable } from '@nestjs/common';
import { fail, RefreshTokenIssuer, succeed, type OutcomeOf, type RequestDataOf } from '@app/contract';
import { BERLIN_SPEC_CLOCK } from '../berlin-spec.tokens.js';
import type { Clock } from '../shared/clock.js';

/**
 * issue-refresh-token: a refresh token only while the consent is within its validity (`validityTime`, the day after
 * `validUntil`), and never beyond it. A consent without an end (payments, funds confirmation) gets one.
 */
@Injectable()
export class BerlinRefreshTokenIssuer extends RefreshTokenIssuer {
  constructor(@Inject(BERLIN_SPEC_CLOCK) private readonly clock: Clock) {
    super();
  }

  handle({ consentValidityPeriod = 0 }: RequestDataOf<'issue-refresh-token'>): Promise<OutcomeOf<'issue-refresh-token'>> {
    const now = Math.floor(this.clock.now() / 1000);
    if (consentValidityPeriod <= 0) {
      return Promise.resolve(succeed({ issueRefreshToken: true }));
    }
    if (now >= consentValidityPeriod) {
      return Promise.resolve(fail(400, { errorMessage: 'invalid_grant', errorDescription: 'The consent is expired (validUntil has passed)' }));
    }
    return Promise.resolve(succeed({ issueRefreshToken: true, refreshTokenValidityPeriod: consentValidityPeriod - now }));
  }
}
