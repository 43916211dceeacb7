import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SettingError, SettingsReader } from '@app/contract';
import {
  resolveUkSpecOptions,
  UK_CHARGE_BEARERS,
  UK_FILE_TYPES,
  UK_FREQUENCY_CODES,
  UK_PERMISSIONS,
} from './uk-spec.options.js';

function file(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'uk-options-')), 'trust.json');
  writeFileSync(path, content);
  return path;
}

const PUBLIC_KEY = { kty: 'RSA', kid: 'k1', n: 'AQAB', e: 'AQAB' };

const resolve = (env: Record<string, string>) => resolveUkSpecOptions(new SettingsReader(env, 'uk'));

describe(resolveUkSpecOptions.name, () => {
  it('has a documented default for every setting; signature verification is off (issue 9: the raw body never reaches us)', () => {
    expect(resolve({})).toEqual({
      verifySignatures: false,
      trustedKeys: {},
      jwksUrls: {},
      trustAnchor: 'openbanking.org.uk',
      supportedCurrencies: ['GBP', 'EUR', 'USD'],
      supportedPermissions: [...UK_PERMISSIONS],
      apiBaseUrl: 'https://localhost:8243',
      apiVersionPath: 'v3.1',
      supportedChargeBearers: [...UK_CHARGE_BEARERS],
      supportedFrequencies: [...UK_FREQUENCY_CODES],
      fileTypes: [...UK_FILE_TYPES],
      fileMaxBytes: 5_242_880,
      businessAccountAuthorisers: 2,
    });
  });

  it('reads every setting', () => {
    const options = resolve({
      UK_SIGNATURE_VERIFICATION: 'ON',
      UK_JWS_TRUST_FILE: file(JSON.stringify({ tpp: { keys: [PUBLIC_KEY] } })),
      UK_TPP_JWKS_URLS: 'tpp-a=https://keystore.example/a.jwks, tpp-b=https://keystore.example/b.jwks?x=1',
      UK_JWS_TRUST_ANCHOR: 'openbankingtest.org.uk',
      UK_SUPPORTED_CURRENCIES: 'GBP',
      UK_SUPPORTED_PERMISSIONS: 'ReadAccountsBasic,ReadBalances',
      UK_API_BASE_URL: 'https://api.bank.example/',
      UK_API_VERSION_PATH: 'v3.1.11',
      UK_SUPPORTED_CHARGE_BEARERS: 'Shared,BorneByDebtor',
      UK_SUPPORTED_FREQUENCIES: 'EvryWorkgDay,IntrvlMnthDay',
      UK_FILE_TYPES: 'UK.OBIE.pain.001.001.08',
      UK_FILE_MAX_BYTES: '1048576',
      UK_BUSINESS_ACCOUNT_AUTHORISERS: '3',
    });
    expect(options).toEqual({
      verifySignatures: true,
      trustedKeys: { tpp: { keys: [PUBLIC_KEY] } },
      jwksUrls: { 'tpp-a': 'https://keystore.example/a.jwks', 'tpp-b': 'https://keystore.example/b.jwks?x=1' },
      trustAnchor: 'openbankingtest.org.uk',
      supportedCurrencies: ['GBP'],
      supportedPermissions: ['ReadAccountsBasic', 'ReadBalances'],
      apiBaseUrl: 'https://api.bank.example',
      apiVersionPath: 'v3.1.11',
      supportedChargeBearers: ['Shared', 'BorneByDebtor'],
      supportedFrequencies: ['EvryWorkgDay', 'IntrvlMnthDay'],
      fileTypes: ['UK.OBIE.pain.001.001.08'],
      fileMaxBytes: 1_048_576,
      businessAccountAuthorisers: 3,
    });
  });

  it('accepts the words of every boolean setting', () => {
    for (const [word, value] of [
      ['on', true],
      ['off', false],
      ['true', true],
      ['no', false],
    ] as const) {
      expect(resolve({ UK_SIGNATURE_VERIFICATION: word }).verifySignatures).toBe(value);
    }
  });

  it('records every setting for npm run config, with its source', () => {
    const settings = new SettingsReader({ UK_SUPPORTED_CURRENCIES: 'GBP' }, 'uk');
    resolveUkSpecOptions(settings);
    const records = new Map(settings.catalogue.all().map((record) => [record.name, record]));
    expect(records.get('UK_SUPPORTED_CURRENCIES')).toMatchObject({ owner: 'uk', value: 'GBP', source: 'environment' });
    expect(records.get('UK_SIGNATURE_VERIFICATION')).toMatchObject({ owner: 'uk', value: 'false', source: 'default' });
    expect([...records.keys()].every((name) => name.startsWith('UK_'))).toBe(true);
  });

  it.each([
    [
      { UK_SIGNATURE_VERIFICATION: 'maybe' },
      'UK_SIGNATURE_VERIFICATION must be true or false (also on/off, yes/no, 1/0), got "maybe"',
    ],
    [
      { UK_SUPPORTED_CURRENCIES: 'GBP,pounds' },
      'UK_SUPPORTED_CURRENCIES must be a comma list of ISO 4217 codes such as GBP,EUR, got "GBP,pounds"',
    ],
    [
      { UK_SUPPORTED_PERMISSIONS: 'ReadBalances' },
      'UK_SUPPORTED_PERMISSIONS must be a comma list of OBReadConsent1 permissions including ReadAccountsBasic, got "ReadBalances"',
    ],
    [
      { UK_SUPPORTED_PERMISSIONS: 'ReadAccountsBasic,ReadEverything' },
      'UK_SUPPORTED_PERMISSIONS must be a comma list of ReadAccountsBasic',
    ],
    [
      { UK_API_BASE_URL: 'api.bank.example' },
      'UK_API_BASE_URL must be an absolute https or http URL, got "api.bank.example"',
    ],
    [
      { UK_API_BASE_URL: 'ftp://api.bank.example' },
      'UK_API_BASE_URL must be an absolute https or http URL, got "ftp://api.bank.example"',
    ],
    [
      { UK_API_VERSION_PATH: 'v4.0' },
      'UK_API_VERSION_PATH must be v3.1 or v3.1.<minor> (this module implements v3.1.11), got "v4.0"',
    ],
    [
      { UK_JWS_TRUST_ANCHOR: 'not a host' },
      'UK_JWS_TRUST_ANCHOR must be a DNS name such as openbanking.org.uk, got "not a host"',
    ],
    [
      { UK_TPP_JWKS_URLS: 'tpp-a' },
      'UK_TPP_JWKS_URLS must be a comma list of <client id>=<https URL of the TPP\'s JWKS>, got "tpp-a"',
    ],
    [{ UK_TPP_JWKS_URLS: 'tpp-a=not-a-url' }, 'UK_TPP_JWKS_URLS must be a comma list of <client id>=<https URL'],
    [
      { UK_SUPPORTED_CHARGE_BEARERS: 'Shared,Nobody' },
      'UK_SUPPORTED_CHARGE_BEARERS must be a comma list of BorneByCreditor, BorneByDebtor, FollowingServiceLevel, Shared, got "Shared,Nobody"',
    ],
    [
      { UK_SUPPORTED_FREQUENCIES: 'EvryDay,Fortnightly' },
      'UK_SUPPORTED_FREQUENCIES must be a comma list of EvryDay, EvryWorkgDay, IntrvlDay, IntrvlWkDay, WkInMnthDay, IntrvlMnthDay, QtrDay, got "EvryDay,Fortnightly"',
    ],
    [
      { UK_FILE_TYPES: 'UK.OBIE.pain.001.001.09' },
      'UK_FILE_TYPES must be a comma list of UK.OBIE.PaymentInitiation.3.1, UK.OBIE.pain.001.001.08, got "UK.OBIE.pain.001.001.09"',
    ],
    [{ UK_FILE_MAX_BYTES: '10' }, 'UK_FILE_MAX_BYTES must be a whole number from 1024 to 104857600, got "10"'],
    [
      { UK_BUSINESS_ACCOUNT_AUTHORISERS: '0' },
      'UK_BUSINESS_ACCOUNT_AUTHORISERS must be a whole number from 1 to 10, got "0"',
    ],
    [{ UK_JWS_TRUST_FILE: '/nonexistent/trust.json' }, 'UK_JWS_TRUST_FILE must be a readable JSON file'],
    [
      { UK_RESPONSE_SIGNING_ISS: 'bank' },
      'UK_RESPONSE_SIGNING_KEY_FILE must be set together with UK_RESPONSE_SIGNING_ISS (or neither), got ""',
    ],
    [
      { UK_RESPONSE_SIGNING_KEY_FILE: '/nonexistent/key.json', UK_RESPONSE_SIGNING_ISS: 'bank' },
      'UK_RESPONSE_SIGNING_KEY_FILE must be a readable JSON file',
    ],
  ])("refuses %j with the reader's message", (env, message) => {
    expect(() => resolve(env)).toThrow(SettingError);
    expect(() => resolve(env)).toThrow(message);
  });

  it('reads the response signing key and refuses a public one', () => {
    const key = { ...PUBLIC_KEY, d: 'private' };
    expect(
      resolve({ UK_RESPONSE_SIGNING_KEY_FILE: file(JSON.stringify(key)), UK_RESPONSE_SIGNING_ISS: 'bank' })
        .responseSigning,
    ).toEqual({ key, issuer: 'bank' });
    expect(() =>
      resolve({ UK_RESPONSE_SIGNING_KEY_FILE: file(JSON.stringify(PUBLIC_KEY)), UK_RESPONSE_SIGNING_ISS: 'bank' }),
    ).toThrow('must be a file holding a private RSA JWK (kty RSA, d) with its kid, for PS256');
  });

  it.each([
    ['not an object', '[1]', 'must be a JSON file holding an object'],
    [
      'a set without keys',
      JSON.stringify({ tpp: {} }),
      'whose entry of "tpp" is a JWKS whose keys each have "kty" and "kid"',
    ],
    ['a key without kid', JSON.stringify({ tpp: { keys: [{ kty: 'RSA' }] } }), 'is a JWKS whose keys each have'],
    [
      'a private key',
      JSON.stringify({ tpp: { keys: [{ ...PUBLIC_KEY, d: 'secret' }] } }),
      'a trust file of public keys only (the entry of "tpp" holds a private or secret key)',
    ],
  ])('refuses a trust file with %s', (_label, content, message) => {
    expect(() => resolve({ UK_JWS_TRUST_FILE: file(content) })).toThrow(message);
  });
});
