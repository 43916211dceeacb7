import { Injectable } from '@nestjs/common';
import { RefreshTokenIssuer, succeed, type OutcomeOf } from '@app/contract';

/** `FSDefaultGrantHandler` always issues a refresh token. */
@Injectable()
export class DefaultRefreshTokenIssuer extends RefreshTokenIssuer {
  handle(): Promise<OutcomeOf<'issue-refresh-token'>> {
    return Promise.resolve(succeed({ issueRefreshToken: true }));
  }
}
