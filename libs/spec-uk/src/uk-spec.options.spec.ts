import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveUkSpecOptions, UK_PERMISSIONS } from './uk-spec.options.js';

function file(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'uk-options-')), 'trust.json');
  writeFileSync(path, content);
  return path;
}

const PUBLIC_KEY = { kty: 'RSA', kid: 'k1', n: 'AQAB', e: 'AQAB' };

describe(resolveUkSpecOptions.name, () => {
  it('has a documented default for every setting', () => {
    expect(resolveUkSpecOptions({})).toEqual({
      verifySignatures: true,
      trustedKeys: {},
      jwksUrls: {},
      trustAnchor: 'openbanking.org.uk',
      supportedCurrencies: ['GBP', 'EUR', 'USD'],
      supportedPermissions: [...UK_PERMISSIONS],
      apiBaseUrl: 'https://localhost:8243',
      apiVersionPath: 'v3.1',
    });
  });

  it('reads every setting', () => {
    const options = resolveUkSpecOptions({
      UK_SIGNATURE_VERIFICATION: 'OFF',
      UK_JWS_TRUST_FILE: file(JSON.stringify({ tpp: { keys: [PUBLIC_KEY] } })),
      UK_TPP_JWKS_URLS: 'tpp-a=https://keystore.example/a.jwks, tpp-b=https://keystore.example/b.jwks?x=1',
      UK_JWS_TRUST_ANCHOR: 'openbankingtest.org.uk',
      UK_SUPPORTED_CURRENCIES: 'GBP',
      UK_SUPPORTED_PERMISSIONS: 'ReadAccountsBasic,ReadBalances',
      UK_API_BASE_URL: 'https://api.bank.example/',
      UK_API_VERSION_PATH: 'v3.1.11',
    });
    expect(options).toEqual({
      verifySignatures: false,
      trustedKeys: { tpp: { keys: [PUBLIC_KEY] } },
      jwksUrls: { 'tpp-a': 'https://keystore.example/a.jwks', 'tpp-b': 'https://keystore.example/b.jwks?x=1' },
      trustAnchor: 'openbankingtest.org.uk',
      supportedCurrencies: ['GBP'],
      supportedPermissions: ['ReadAccountsBasic', 'ReadBalances'],
      apiBaseUrl: 'https://api.bank.example',
      apiVersionPath: 'v3.1.11',
    });
  });

  it.each([
    [{ UK_SIGNATURE_VERIFICATION: 'yes' }, 'UK_SIGNATURE_VERIFICATION must be "on" or "off"'],
    [{ UK_SUPPORTED_CURRENCIES: 'GBP,pounds' }, 'UK_SUPPORTED_CURRENCIES must be a comma list of ISO 4217 codes'],
    [{ UK_SUPPORTED_PERMISSIONS: 'ReadBalances' }, 'UK_SUPPORTED_PERMISSIONS must be a comma list of OBReadConsent1 permissions including ReadAccountsBasic'],
    [{ UK_SUPPORTED_PERMISSIONS: 'ReadAccountsBasic,ReadEverything' }, 'UK_SUPPORTED_PERMISSIONS must be'],
    [{ UK_API_BASE_URL: 'api.bank.example' }, 'UK_API_BASE_URL must be an absolute http(s) URL'],
    [{ UK_API_BASE_URL: 'ftp://api.bank.example' }, 'UK_API_BASE_URL must be an absolute http(s) URL'],
    [{ UK_API_VERSION_PATH: 'v4.0' }, 'UK_API_VERSION_PATH must be "v3.1"'],
    [{ UK_JWS_TRUST_ANCHOR: 'not a host' }, 'UK_JWS_TRUST_ANCHOR must be a DNS name'],
    [{ UK_TPP_JWKS_URLS: 'tpp-a' }, 'UK_TPP_JWKS_URLS must be a comma list of <client id>=<https URL'],
    [{ UK_TPP_JWKS_URLS: 'tpp-a=not-a-url' }, 'UK_TPP_JWKS_URLS must be a comma list'],
    [{ UK_JWS_TRUST_FILE: '/nonexistent/trust.json' }, 'UK_JWS_TRUST_FILE "/nonexistent/trust.json" cannot be read as JSON'],
    [{ UK_RESPONSE_SIGNING_ISS: 'bank' }, 'UK_RESPONSE_SIGNING_KEY_FILE and UK_RESPONSE_SIGNING_ISS must be set together'],
    [{ UK_RESPONSE_SIGNING_KEY_FILE: '/nonexistent/key.json', UK_RESPONSE_SIGNING_ISS: 'bank' }, 'UK_RESPONSE_SIGNING_KEY_FILE "/nonexistent/key.json" cannot be read as JSON'],
  ])('refuses %j', (env, message) => {
    expect(() => resolveUkSpecOptions(env)).toThrow(message);
  });

  it('reads the response signing key and refuses a public one', () => {
    const key = { ...PUBLIC_KEY, d: 'private' };
    expect(resolveUkSpecOptions({ UK_RESPONSE_SIGNING_KEY_FILE: file(JSON.stringify(key)), UK_RESPONSE_SIGNING_ISS: 'bank' }).responseSigning).toEqual({ key, issuer: 'bank' });
    expect(() => resolveUkSpecOptions({ UK_RESPONSE_SIGNING_KEY_FILE: file(JSON.stringify(PUBLIC_KEY)), UK_RESPONSE_SIGNING_ISS: 'bank' })).toThrow(
      'must hold a private RSA JWK (kty RSA, d) with its kid',
    );
  });

  it.each([
    ['not an object', '[1]', 'must hold an object'],
    ['a set without keys', JSON.stringify({ tpp: {} }), 'must be a JWKS whose keys each have "kty" and "kid"'],
    ['a key without kid', JSON.stringify({ tpp: { keys: [{ kty: 'RSA' }] } }), 'must be a JWKS'],
    ['a private key', JSON.stringify({ tpp: { keys: [{ ...PUBLIC_KEY, d: 'secret' }] } }), 'holds a private or secret key'],
  ])('refuses a trust file with %s', (_label, content, message) => {
    expect(() => resolveUkSpecOptions({ UK_JWS_TRUST_FILE: file(content) })).toThrow(message);
  });
});
