import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nativePointsOf, EXTENSION_PORTS, SettingsReader } from '@app/contract';
import { createUaeSpec } from './index.js';
import { DEFAULT_RESOURCE_BASE_URL, resolveUaeSpecOptions } from './uae-spec.options.js';

describe('UAE settings', () => {
  it('has a documented default for every setting', () => {
    const options = resolveUaeSpecOptions(new SettingsReader({}));
    expect(options).toEqual({
      resourceBaseUrl: DEFAULT_RESOURCE_BASE_URL,
      supportedAccountTypes: ['Retail', 'SME', 'Corporate'],
      supportedAccountSubTypes: ['CurrentAccount', 'Savings', 'CreditCard', 'Mortgage', 'Finance'],
      allowCombinedPaymentSchedule: false,
    });
  });

  it('reads UAE_ALLOW_COMBINED_PAYMENT_SCHEDULE with the boolean words of every setting', () => {
    expect(
      resolveUaeSpecOptions(new SettingsReader({ UAE_ALLOW_COMBINED_PAYMENT_SCHEDULE: 'true' }))
        .allowCombinedPaymentSchedule,
    ).toBe(true);
    expect(
      resolveUaeSpecOptions(new SettingsReader({ UAE_ALLOW_COMBINED_PAYMENT_SCHEDULE: ' false ' }))
        .allowCombinedPaymentSchedule,
    ).toBe(false);
    expect(
      resolveUaeSpecOptions(new SettingsReader({ UAE_ALLOW_COMBINED_PAYMENT_SCHEDULE: 'on' }))
        .allowCombinedPaymentSchedule,
    ).toBe(true);
  });

  it('reads lists, a base URL without its trailing slash, and a private key as a JWK or a PEM file', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const directory = mkdtempSync(join(tmpdir(), 'uae-key-'));
    const pemFile = join(directory, 'bank.pem');
    writeFileSync(pemFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const fromPem = resolveUaeSpecOptions(
      new SettingsReader({
        UAE_PII_DECRYPTION_KEY: pemFile,
        UAE_RESOURCE_BASE_URL: 'https://api.bank.ae/open-finance/v2.1/',
        UAE_SUPPORTED_ACCOUNT_TYPES: 'Retail, SME',
        UAE_SUPPORTED_ACCOUNT_SUB_TYPES: 'CurrentAccount',
      }),
    );
    expect(fromPem).toMatchObject({
      resourceBaseUrl: 'https://api.bank.ae/open-finance/v2.1',
      supportedAccountTypes: ['Retail', 'SME'],
      supportedAccountSubTypes: ['CurrentAccount'],
    });
    expect(fromPem.piiDecryptionKey?.type).toBe('private');
    const jwk = JSON.stringify(privateKey.export({ format: 'jwk' }));
    expect(resolveUaeSpecOptions(new SettingsReader({ UAE_PII_DECRYPTION_KEY: jwk })).piiDecryptionKey?.type).toBe(
      'private',
    );
  });

  it.each([
    ['UAE_PII_DECRYPTION_KEY', '/no/such/key.pem'],
    ['UAE_PII_DECRYPTION_KEY', '{"kty":"RSA"}'],
    ['UAE_RESOURCE_BASE_URL', 'not a url'],
    ['UAE_RESOURCE_BASE_URL', 'ftp://bank.ae/api'],
    ['UAE_SUPPORTED_ACCOUNT_TYPES', 'Retail,Private'],
    ['UAE_SUPPORTED_ACCOUNT_SUB_TYPES', 'Pension'],
    ['UAE_ALLOW_COMBINED_PAYMENT_SCHEDULE', 'maybe'],
  ])('refuses %s=%s with a message naming the setting', (name, value) => {
    expect(() => createUaeSpec(new SettingsReader({ [name]: value }))).toThrow(name);
  });

  it('builds the plugin served at /uae with the points UAE implements natively', () => {
    const plugin = createUaeSpec(new SettingsReader({}));
    expect(plugin.id).toBe('uae');
    expect(nativePointsOf(plugin, EXTENSION_PORTS).sort()).toEqual(
      [
        'enrich-consent-creation-response',
        'issue-refresh-token',
        'map-accelerator-error-response',
        'persist-authorized-consent',
        'populate-consent-authorize-screen',
        'pre-process-consent-creation',
        'pre-process-consent-retrieval',
        'pre-process-consent-revoke',
        'validate-authorization-request',
        'validate-consent-access',
      ].sort(),
    );
  });
});
