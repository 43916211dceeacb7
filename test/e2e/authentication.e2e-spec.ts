import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import { ConfigurationError, createExtensionServer, loadAppConfig } from '@app/platform';
import { AppModule } from '../../apps/extension-server/src/app.module.js';
import { basicAuth, rawPost, startTestServer, type RunningTestServer } from './support/test-server.js';

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

const call = JSON.stringify({ requestId: 'auth-1', data: { grantType: 'authorization_code' } });
const UNAUTHORIZED = {
  status: 'ERROR',
  data: { errorMessage: 'unauthorized', errorDescription: 'Missing or invalid credentials for the extension endpoint' },
};

describe('Authentication of the identity server (contract §2.4)', () => {
  describe('Basic', () => {
    let server: RunningTestServer;
    beforeAll(async () => {
      server = await startTestServer();
    });
    afterAll(async () => {
      await server.close();
    });
    const post = (authorization?: string) =>
      rawPost(
        `${server.baseUrl}/default/issue-refresh-token`,
        call,
        authorization === undefined ? { authorization: '' } : { authorization },
      );

    it('accepts the configured user and password, with a non-ASCII password encoded as ISO-8859-1 or as UTF-8', async () => {
      expect((await post(basicAuth())).status).toBe(200);
      const utf8 = `Basic ${Buffer.from('is-admin:test-secret-é', 'utf8').toString('base64')}`;
      expect((await post(utf8)).status).toBe(200);
    });
    it.each([
      ['no Authorization header', undefined],
      ['a wrong password', basicAuth('is-admin', 'wrong')],
      ['a wrong user', basicAuth('someone', 'test-secret-é')],
      ["the shipped empty credentials 'Basic Og=='", 'Basic Og=='],
      ['a bearer token', 'Bearer abc'],
      ['garbage', 'Basic !!!'],
    ])('refuses %s with 401 in the ErrorResponse shape', async (_label, authorization) => {
      const res = await post(authorization);
      expect(res.status).toBe(401);
      expect(res.json).toEqual(UNAUTHORIZED);
      expect(res.headers.get('www-authenticate')).toBe('Basic realm="consent-extensions"');
    });
    it('leaves health, metrics and the OpenAPI document readable without credentials', async () => {
      for (const path of ['/health', '/metrics', '/openapi.json']) {
        expect((await fetch(`${server.baseUrl}${path}`)).status).toBe(200);
      }
    });
  });

  describe('static Bearer token (the identity server OAuth2 mode)', () => {
    let server: RunningTestServer;
    beforeAll(async () => {
      server = await startTestServer({
        env: { EXTENSION_BASIC_USER: '', EXTENSION_BASIC_PASSWORD: '', EXTENSION_BEARER_TOKEN: 'static-token-123' },
      });
    });
    afterAll(async () => {
      await server.close();
    });
    it('accepts the token and refuses another one', async () => {
      const url = `${server.baseUrl}/default/issue-refresh-token`;
      expect((await rawPost(url, call, { authorization: 'Bearer static-token-123' })).status).toBe(200);
      expect((await rawPost(url, call, { authorization: 'Bearer static-token-124' })).status).toBe(401);
      expect((await rawPost(url, call, { authorization: basicAuth() })).status).toBe(401);
    });
  });

  describe('JWT verified against a JWKS', () => {
    let jwks: Server;
    let server: RunningTestServer;
    let privateKey: SigningKey;
    let otherKey: SigningKey;
    beforeAll(async () => {
      const pair = await generateKeyPair('ES256');
      privateKey = pair.privateKey;
      otherKey = (await generateKeyPair('ES256')).privateKey;
      const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
      jwks = createServer((_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ keys: [jwk] }));
      });
      await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
      const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks`;
      server = await startTestServer({
        env: {
          EXTENSION_BASIC_USER: '',
          EXTENSION_BASIC_PASSWORD: '',
          EXTENSION_JWKS_URL: jwksUrl,
          EXTENSION_JWT_ISSUER: 'https://is.example',
          EXTENSION_JWT_AUDIENCE: 'consent-extensions',
        },
      });
    });
    afterAll(async () => {
      await server.close();
      jwks.close();
    });
    const token = (key: SigningKey, claims: { iss?: string; aud?: string; exp?: number }) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setIssuer(claims.iss ?? 'https://is.example')
        .setAudience(claims.aud ?? 'consent-extensions')
        .setIssuedAt()
        .setExpirationTime(claims.exp ?? Math.floor(Date.now() / 1000) + 300)
        .sign(key);
    const post = async (jwt: string) =>
      (await rawPost(`${server.baseUrl}/default/issue-refresh-token`, call, { authorization: `Bearer ${jwt}` })).status;

    it('accepts a token signed by a JWKS key with the right issuer and audience', async () => {
      expect(await post(await token(privateKey, {}))).toBe(200);
    });
    it.each([
      ['another key', () => token(otherKey, {})],
      ['another issuer', () => token(privateKey, { iss: 'https://evil.example' })],
      ['another audience', () => token(privateKey, { aud: 'someone-else' })],
      ['an expired token', () => token(privateKey, { exp: Math.floor(Date.now() / 1000) - 120 })],
    ])('refuses a token with %s', async (_label, make) => {
      expect(await post(await make())).toBe(401);
    });
  });

  describe('exposure without credentials', () => {
    it('refuses to start on a non-loopback address when no credentials are configured', async () => {
      const config = loadAppConfig({ HOST: '0.0.0.0', DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent' });
      await expect(createExtensionServer(AppModule.forRoot(config), config)).rejects.toThrow(
        new ConfigurationError(
          'HOST=0.0.0.0 is not a loopback address and no credentials are configured: set EXTENSION_BASIC_USER/EXTENSION_BASIC_PASSWORD, EXTENSION_BEARER_TOKEN or EXTENSION_JWKS_URL',
        ),
      );
    });
    it('serves without credentials on loopback', async () => {
      const server = await startTestServer({ env: { EXTENSION_BASIC_USER: '', EXTENSION_BASIC_PASSWORD: '' } });
      try {
        expect(
          (await rawPost(`${server.baseUrl}/default/issue-refresh-token`, call, { authorization: '' })).status,
        ).toBe(200);
      } finally {
        await server.close();
      }
    });
  });
});
