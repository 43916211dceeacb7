import { Inject, Injectable } from '@nestjs/common';
import { fail, RefreshTokenIssuer, succeed, type OutcomeOf, type RequestDataOf, type Clock } from '@app/contract';
import type { BerlinSpecOptions } from '../berlin-spec.options.js';
import { BERLIN_SPEC_CLOCK, BERLIN_SPEC_OPTIONS } from '../berlin-spec.tokens.js';
import { refreshTokenLifetime } from './refresh-token-lifetime.js';

/**
 * issue-refresh-token: an AIS refresh token lives the shorter of `BERLIN_REFRESH_TOKEN_MAX_DAYS` after the
 * authorisation and the consent's validity (`validityTime`, the day after `validUntil`); past either, the grant is
 * refused. A consent without an end (payments, funds confirmation) gets one with the identity server's validity.
 */
@Injectable()
export class BerlinRefreshTokenIssuer extends RefreshTokenIssuer {
  constructor(
    @Inject(BERLIN_SPEC_CLOCK) private readonly clock: Clock,
    @Inject(BERLIN_SPEC_OPTIONS) private readonly options: BerlinSpecOptions,
  ) {
    super();
  }

  handle(grant: RequestDataOf<'issue-refresh-token'>): Promise<OutcomeOf<'issue-refresh-token'>> {
    const lifetime = refreshTokenLifetime(grant, Math.floor(this.clock.now() / 1000), this.options.refreshTokenMaxDays);
    switch (lifetime.kind) {
      case 'unlimited':
        return Promise.resolve(succeed({ issueRefreshToken: true }));
      case 'refused':
        return Promise.resolve(fail(400, { errorMessage: 'invalid_grant', errorDescription: lifetime.reason }));
      case 'limited':
        return Promise.resolve(succeed({ issueRefreshToken: true, refreshTokenValidityPeriod: lifetime.seconds }));
    }
  }
}
