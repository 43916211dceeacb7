import { RefreshTokenIssuer, type ExtensionContext } from '@app/contract';
import { DefaultRefreshTokenIssuer } from './default-refresh-token.issuer.js';

describe(DefaultRefreshTokenIssuer.name, () => {
  const issuer: RefreshTokenIssuer = new DefaultRefreshTokenIssuer();
  const context: ExtensionContext = { requestId: 'req-1', spec: 'default', extension: 'issue-refresh-token' };

  it.each([
    {
      grantType: 'authorization_code',
      consentCreatedTime: 1716800000,
      consentValidityPeriod: 1798675200,
      defaultRefreshTokenValidityPeriod: -1,
    },
    { grantType: 'refresh_token', consentValidityPeriod: 0 },
    {},
  ])('always issues a refresh token (%j)', async (data) => {
    await expect(issuer.handle(data, context)).resolves.toEqual({
      status: 'SUCCESS',
      data: { issueRefreshToken: true },
    });
  });
});
