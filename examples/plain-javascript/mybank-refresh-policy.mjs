// A specification module in plain JavaScript, loaded from wherever it lies on disk: the service resolves
// '@consent-extensions/sdk' to its own copy (so the ports this module binds are the ones the platform looks up), and
// '@nestjs/common' from its own dependencies.
//   EXTENSION_MODULES=/opt/bank/mybank-refresh-policy.mjs npm start     → served at /mybank-refresh
import { Inject, Module } from '@nestjs/common';
import { InheritedPoints, bindPoints, defineSpecModule, SPEC_MODULE_API_VERSION } from '@consent-extensions/sdk';

const MAX_REFRESH_TOKEN_SECONDS = 30 * 24 * 3600;

/** The UK module's refresh-token decision, with the bank's cap: no refresh token lives more than 30 days. */
class CappedRefreshTokenIssuer {
  constructor(inherited) {
    this.inherited = inherited;
  }

  async handle(data, context) {
    const outcome = await this.inherited.handle('issue-refresh-token', data, context);
    if (outcome.status !== 'SUCCESS' || !outcome.data.issueRefreshToken) {
      return outcome;
    }
    const period = outcome.data.refreshTokenValidityPeriod ?? MAX_REFRESH_TOKEN_SECONDS;
    return {
      ...outcome,
      data: { ...outcome.data, refreshTokenValidityPeriod: Math.min(period, MAX_REFRESH_TOKEN_SECONDS) },
    };
  }
}
// Without TypeScript's decorator metadata, name the constructor's dependency explicitly.
Inject(InheritedPoints)(CappedRefreshTokenIssuer, undefined, 0);

class MyBankRefreshModule {}
Module({})(MyBankRefreshModule);

export default defineSpecModule({
  apiVersion: SPEC_MODULE_API_VERSION,
  id: 'mybank-refresh',
  create: () => ({
    id: 'mybank-refresh',
    title: 'UK Open Banking with refresh tokens capped at 30 days',
    extends: 'uk',
    module: { module: MyBankRefreshModule, providers: bindPoints({ 'issue-refresh-token': CappedRefreshTokenIssuer }) },
  }),
});
