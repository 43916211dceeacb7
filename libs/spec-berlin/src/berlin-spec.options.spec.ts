import { EXTENSION_PORTS, SettingsReader, nativePointsOf } from '@app/contract';
import { DEFAULT_BERLIN_SPEC_OPTIONS, resolveBerlinSpecOptions } from './berlin-spec.options.js';
import { createBerlinSpec } from './index.js';

describe('Berlin Group settings', () => {
  it('has documented defaults', () => {
    expect(resolveBerlinSpecOptions(new SettingsReader({}))).toEqual(DEFAULT_BERLIN_SPEC_OPTIONS);
    expect(DEFAULT_BERLIN_SPEC_OPTIONS).toMatchObject({
      scaApproach: 'REDIRECT',
      maxConsentValidityDays: 180,
      maxFrequencyPerDay: 4,
      refreshTokenMaxDays: 90,
      requiredApprovals: 1,
      businessAccountApprovals: 2,
    });
  });

  it('reads every BERLIN_ variable', () => {
    const options = resolveBerlinSpecOptions(
      new SettingsReader({
        BERLIN_SCA_APPROACH: 'decoupled',
        BERLIN_SCA_REDIRECT_URL: 'https://bank.example/sca/{consentId}',
        BERLIN_API_BASE_PATH: '/psd2/v1',
        BERLIN_BANK_OFFERED_CONSENT: 'false',
        BERLIN_GLOBAL_CONSENT: 'false',
        BERLIN_AVAILABLE_ACCOUNTS_CONSENT: 'false',
        BERLIN_AVAILABLE_ACCOUNTS_ONE_OFF: 'true',
        BERLIN_MAX_CONSENT_VALIDITY_DAYS: '90',
        BERLIN_MAX_FREQUENCY_PER_DAY: '10',
        BERLIN_REFRESH_TOKEN_MAX_DAYS: '30',
        BERLIN_IBAN_CHECKSUM: 'false',
        BERLIN_COMBINED_SERVICE_SESSIONS: 'true',
        BERLIN_REQUIRED_APPROVALS: '2',
        BERLIN_BUSINESS_ACCOUNT_APPROVALS: '3',
        BERLIN_PAYMENT_PRODUCTS: 'sepa-credit-transfers, target-2-payments',
      }),
    );
    expect(options).toEqual({
      scaApproach: 'DECOUPLED',
      scaRedirectUrl: 'https://bank.example/sca/{consentId}',
      apiBasePath: '/psd2/v1',
      bankOfferedConsent: false,
      globalConsent: false,
      availableAccountsConsent: false,
      availableAccountsOneOff: true,
      maxConsentValidityDays: 90,
      maxFrequencyPerDay: 10,
      refreshTokenMaxDays: 30,
      ibanChecksum: false,
      combinedServiceSessions: true,
      requiredApprovals: 2,
      businessAccountApprovals: 3,
      paymentProducts: ['sepa-credit-transfers', 'target-2-payments'],
    });
  });

  it.each([
    ['BERLIN_SCA_APPROACH', 'OAUTH', /BERLIN_SCA_APPROACH must be one of REDIRECT, EMBEDDED, DECOUPLED/],
    [
      'BERLIN_GLOBAL_CONSENT',
      'maybe',
      /BERLIN_GLOBAL_CONSENT must be true or false \(also on\/off, yes\/no, 1\/0\), got "maybe"/,
    ],
    ['BERLIN_MAX_CONSENT_VALIDITY_DAYS', '0', /BERLIN_MAX_CONSENT_VALIDITY_DAYS must be a whole number from 1 to 3650/],
    ['BERLIN_MAX_FREQUENCY_PER_DAY', '4.5', /BERLIN_MAX_FREQUENCY_PER_DAY must be a whole number/],
    ['BERLIN_REQUIRED_APPROVALS', '11', /BERLIN_REQUIRED_APPROVALS must be a whole number from 1 to 10/],
    ['BERLIN_REFRESH_TOKEN_MAX_DAYS', '0', /BERLIN_REFRESH_TOKEN_MAX_DAYS must be a whole number from 1 to 3650/],
    ['BERLIN_SCA_REDIRECT_URL', 'not a url', /BERLIN_SCA_REDIRECT_URL must be an absolute URL/],
    ['BERLIN_API_BASE_PATH', 'v1/', /BERLIN_API_BASE_PATH must be a path/],
    [
      'BERLIN_PAYMENT_PRODUCTS',
      'sepa-credit-transfers,pain.001-sepa-credit-transfers',
      /BERLIN_PAYMENT_PRODUCTS must be a comma list/,
    ],
  ])('refuses %s=%s with a message naming the variable', (name, value, message) => {
    expect(() => createBerlinSpec(new SettingsReader({ [name]: value }))).toThrow(message);
  });

  it('is the `berlin` specification module', () => {
    const plugin = createBerlinSpec(new SettingsReader({}));
    expect(plugin.id).toBe('berlin');
    expect(plugin.forwardedHeaders).toEqual(
      expect.arrayContaining(['X-Request-ID', 'x-request-id', 'PSU-IP-Address', 'psu-ip-address', 'TPP-Redirect-URI']),
    );
    expect(nativePointsOf(plugin, EXTENSION_PORTS)).toHaveLength(11);
  });
});
