// A specification module in plain JavaScript, loaded from wherever it lies on disk: the service resolves
// '@consent-extensions/sdk' to its own copy, so the ports this module binds are the ones the platform looks up.
//   EXTENSION_MODULES=./examples/plain-javascript/mybank-refresh-policy.mjs npm start
import { Module } from '@nestjs/common';
import { bindPoints, defineSpecModule, succeed, SPEC_MODULE_API_VERSION } from '@consent-extensions/sdk';

/** Refresh tokens only for consents of the account-information API; the `uk` module answers everything else. */
class AccountsOnlyRefreshTokenIssuer {
  async handle(data) {
    const consentType = data.consentResource?.consentType ?? '';
    return succeed({ issueRefreshToken: consentType === 'accounts' });
  }
}

class MyBankRefreshModule {}
Module({})(MyBankRefreshModule);

export default defineSpecModule({
  apiVersion: SPEC_MODULE_API_VERSION,
  id: 'mybank-refresh',
  create: () => ({
    id: 'mybank-refresh',
    title: 'UK Open Banking with refresh tokens for account access only',
    extends: 'uk',
    module: { module: MyBankRefreshModule, providers: bindPoints({ 'issue-refresh-token': AccountsOnlyRefreshTokenIssuer }) },
  }),
});
