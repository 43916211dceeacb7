/*
 * The ASPSP choices that §B leaves to the bank (IMPL), as settings with documented defaults. Read from environment
 * variables prefixed `BERLIN_`; a bad value stops the boot with a message naming the variable.
 */
import type { SettingsReader } from '@app/contract';

export const SCA_APPROACHES = ['REDIRECT', 'EMBEDDED', 'DECOUPLED'] as const;
export type ScaApproach = (typeof SCA_APPROACHES)[number];

export const PAYMENT_SERVICES = ['payments', 'periodic-payments', 'bulk-payments'] as const;
export type PaymentService = (typeof PAYMENT_SERVICES)[number];

/** The JSON payment products of the Implementation Guidelines (the pain.001 XML variants are not offered). */
export const PAYMENT_PRODUCTS = [
  'sepa-credit-transfers',
  'instant-sepa-credit-transfers',
  'target-2-payments',
  'cross-border-credit-transfers',
] as const;
export type PaymentProduct = (typeof PAYMENT_PRODUCTS)[number];

export interface BerlinSpecOptions {
  /** `BERLIN_SCA_APPROACH`: the links of a creation response, and whether bank-offered consents are possible. */
  readonly scaApproach: ScaApproach;
  /** `BERLIN_SCA_REDIRECT_URL`: the `scaRedirect` link; `{consentId}` is replaced by the consent or payment id. */
  readonly scaRedirectUrl: string;
  /** `BERLIN_API_BASE_PATH`: the XS2A base path of `self`, `status` and `scaStatus` links. */
  readonly apiBasePath: string;
  /** `BERLIN_BANK_OFFERED_CONSENT`: accept consents with empty account arrays (the customer picks the accounts). */
  readonly bankOfferedConsent: boolean;
  /** `BERLIN_GLOBAL_CONSENT`: accept `allPsd2` consents. */
  readonly globalConsent: boolean;
  /** `BERLIN_AVAILABLE_ACCOUNTS_CONSENT`: accept `availableAccounts` / `availableAccountsWithBalance` consents. */
  readonly availableAccountsConsent: boolean;
  /** `BERLIN_AVAILABLE_ACCOUNTS_ONE_OFF`: a consent on the list of available accounts must be one-off (§B.3 IMPL). */
  readonly availableAccountsOneOff: boolean;
  /** `BERLIN_MAX_CONSENT_VALIDITY_DAYS`: `validUntil` beyond today + this many days (and `9999-12-31`) is shortened. */
  readonly maxConsentValidityDays: number;
  /** `BERLIN_MAX_FREQUENCY_PER_DAY`: a higher `frequencyPerDay` is lowered to this value. */
  readonly maxFrequencyPerDay: number;
  /**
   * `BERLIN_REFRESH_TOKEN_MAX_DAYS`: an AIS refresh token lives at most this many days after the authorisation, and
   * never beyond the consent's validity ("issued refresh token expires after 90 days, when new authorization has to
   * be completed").
   */
  readonly refreshTokenMaxDays: number;
  /** `BERLIN_IBAN_CHECKSUM`: IBANs must pass the ISO 13616 checksum, not only the pattern. */
  readonly ibanChecksum: boolean;
  /** `BERLIN_COMBINED_SERVICE_SESSIONS`: accept `combinedServiceIndicator: true`. */
  readonly combinedServiceSessions: boolean;
  /** `BERLIN_REQUIRED_APPROVALS`: how many different customers must approve a consent or payment on retail accounts. */
  readonly requiredApprovals: number;
  /**
   * `BERLIN_BUSINESS_ACCOUNT_APPROVALS`: how many different holders must approve (multilevel SCA) when the consent or
   * payment covers an SME or Corporate account.
   */
  readonly businessAccountApprovals: number;
  /** `BERLIN_PAYMENT_PRODUCTS`: the products offered; any other is 404 PRODUCT_UNKNOWN. */
  readonly paymentProducts: readonly PaymentProduct[];
}

export const DEFAULT_BERLIN_SPEC_OPTIONS: BerlinSpecOptions = {
  scaApproach: 'REDIRECT',
  scaRedirectUrl: 'https://localhost:9446/oauth2/authorize?consentId={consentId}',
  apiBasePath: '/v1',
  bankOfferedConsent: true,
  globalConsent: true,
  availableAccountsConsent: true,
  availableAccountsOneOff: false,
  maxConsentValidityDays: 180,
  maxFrequencyPerDay: 4,
  refreshTokenMaxDays: 90,
  ibanChecksum: true,
  combinedServiceSessions: false,
  requiredApprovals: 1,
  businessAccountApprovals: 2,
  paymentProducts: PAYMENT_PRODUCTS,
};

const MAX_VALIDITY_DAYS = 3650;
const MAX_FREQUENCY = 1000;
const MAX_APPROVALS = 10;

/** The scaRedirect template: an absolute URL once `{consentId}` is filled in. */
function redirectUrl(settings: SettingsReader, name: string, fallback: string, description: string): string {
  const value = settings.text(name, { default: fallback, description })!;
  return URL.canParse(value.replaceAll('{consentId}', 'id'))
    ? value
    : settings.invalid(name, 'an absolute URL (with an optional {consentId} placeholder)', value);
}

function basePath(settings: SettingsReader, name: string, fallback: string, description: string): string {
  const value = settings.text(name, { default: fallback, description })!;
  return /^(\/[A-Za-z0-9._~-]+)+$/.test(value)
    ? value
    : settings.invalid(name, 'a path such as /v1 or /psd2/v1 (no trailing slash)', value);
}

/** Reads the `BERLIN_` settings through the service's settings reader; a bad value throws a SettingError naming it. */
export function resolveBerlinSpecOptions(settings: SettingsReader): BerlinSpecOptions {
  const defaults = DEFAULT_BERLIN_SPEC_OPTIONS;
  const days = (name: string, fallback: number, max: number, description: string): number =>
    settings.integer(name, { default: fallback, min: 1, max, description });
  return {
    scaApproach: settings.oneOf('BERLIN_SCA_APPROACH', SCA_APPROACHES, {
      default: defaults.scaApproach,
      ignoreCase: true,
      description: 'The SCA approach of the creation response links; EMBEDDED refuses bank-offered consents.',
    }),
    scaRedirectUrl: redirectUrl(
      settings,
      'BERLIN_SCA_REDIRECT_URL',
      defaults.scaRedirectUrl,
      'The scaRedirect link; {consentId} is replaced by the consent or payment id.',
    ),
    apiBasePath: basePath(
      settings,
      'BERLIN_API_BASE_PATH',
      defaults.apiBasePath,
      'Base of the self, status and scaStatus links and of Location.',
    ),
    bankOfferedConsent: settings.boolean('BERLIN_BANK_OFFERED_CONSENT', {
      default: defaults.bankOfferedConsent,
      description: 'Accept consents with empty account arrays.',
    }),
    globalConsent: settings.boolean('BERLIN_GLOBAL_CONSENT', {
      default: defaults.globalConsent,
      description: 'Accept allPsd2 consents.',
    }),
    availableAccountsConsent: settings.boolean('BERLIN_AVAILABLE_ACCOUNTS_CONSENT', {
      default: defaults.availableAccountsConsent,
      description: 'Accept availableAccounts / availableAccountsWithBalance consents.',
    }),
    availableAccountsOneOff: settings.boolean('BERLIN_AVAILABLE_ACCOUNTS_ONE_OFF', {
      default: defaults.availableAccountsOneOff,
      description: 'A consent on the account list must be one-off.',
    }),
    maxConsentValidityDays: days(
      'BERLIN_MAX_CONSENT_VALIDITY_DAYS',
      defaults.maxConsentValidityDays,
      MAX_VALIDITY_DAYS,
      'Caps validUntil (including 9999-12-31).',
    ),
    maxFrequencyPerDay: settings.integer('BERLIN_MAX_FREQUENCY_PER_DAY', {
      default: defaults.maxFrequencyPerDay,
      min: 1,
      max: MAX_FREQUENCY,
      description: 'Caps frequencyPerDay.',
    }),
    refreshTokenMaxDays: days(
      'BERLIN_REFRESH_TOKEN_MAX_DAYS',
      defaults.refreshTokenMaxDays,
      MAX_VALIDITY_DAYS,
      'Longest life of an AIS refresh token, never beyond the consent.',
    ),
    ibanChecksum: settings.boolean('BERLIN_IBAN_CHECKSUM', {
      default: defaults.ibanChecksum,
      description: 'IBANs must pass the checksum, not only the pattern.',
    }),
    combinedServiceSessions: settings.boolean('BERLIN_COMBINED_SERVICE_SESSIONS', {
      default: defaults.combinedServiceSessions,
      description: 'Accept combinedServiceIndicator: true.',
    }),
    requiredApprovals: settings.integer('BERLIN_REQUIRED_APPROVALS', {
      default: defaults.requiredApprovals,
      min: 1,
      max: MAX_APPROVALS,
      description: 'Approvers of a consent on retail accounts.',
    }),
    businessAccountApprovals: settings.integer('BERLIN_BUSINESS_ACCOUNT_APPROVALS', {
      default: defaults.businessAccountApprovals,
      min: 1,
      max: MAX_APPROVALS,
      description: 'Approvers when the TPP names an SME or Corporate account.',
    }),
    paymentProducts: settings.list('BERLIN_PAYMENT_PRODUCTS', {
      default: defaults.paymentProducts,
      allowed: PAYMENT_PRODUCTS,
      description: 'The payment products offered; others get 404 PRODUCT_UNKNOWN.',
    }),
  };
}
