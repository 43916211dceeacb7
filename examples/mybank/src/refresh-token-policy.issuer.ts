import { Inject, Injectable } from '@nestjs/common';
import {
  succeed,
  type ExtensionContext,
  type OutcomeOf,
  type RefreshTokenIssuer,
  type RequestDataOf,
} from '@consent-extensions/sdk';
import { MYBANK_OPTIONS, type MyBankOptions } from './mybank-options.js';

/** The bank's refresh-token policy: issue one only when the bank allows it (MYBANK_REFRESH_TOKENS), with the identity server's default validity. */
@Injectable()
export class RefreshTokenPolicyIssuer implements RefreshTokenIssuer {
  constructor(@Inject(MYBANK_OPTIONS) private readonly options: MyBankOptions) {}

  handle(
    _data: RequestDataOf<'issue-refresh-token'>,
    _context: ExtensionContext,
  ): Promise<OutcomeOf<'issue-refresh-token'>> {
    return Promise.resolve(succeed({ issueRefreshToken: this.options.refreshTokens }));
  }
}
