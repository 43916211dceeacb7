/*
 * The ASPSP choices that §B leaves to the bank (IMPL), as settings with documented defaults. Read from environment
 * variables prefixed `BERLIN_`; a bad value stops the boot with a message naming the variable.
 */

export const SCA_APPROACHES = ['REDIRECT', 'EMBEDDED', 'DECOUPLED'] as const;
export type ScaApproach = (typeof SCA_APPROACHES)[number];

export const PAYMENT_SERVICES = ['payments', 'periodic-payments', 'bulk-payments'] as const;
export type PaymentService = (typeof PAYMENT_SERVICES)[number];

/** The JSON payment products of the Implementation Guidelines (the pain.001 XML variants are not offered). */
export const PAYMENT_PRODUCTS = ['sepa-credit-transfers', 'instant-sepa-credit-transfers', 'target-2-payments', 'cross-border-credit-transfers'] as const;
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

type Env = Readonly<Record<string, string | undefined>>;

function setting(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function booleanSetting(env: Env, name: string, fallback: boolean): boolean {
  const value = setting(env, name);
  if (value === undefined) {
    return fallback;
  }
  if (value !== 'true' && value !== 'false') {
    throw new Error(`${name} must be true or false, got "${value}"`);
  }
  return value === 'true';
}

function integerSetting(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = setting(env, name);
  if (value === undefined) {
    return fallback;
  }
  const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${value}"`);
  }
  return parsed;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = setting(env, name);
  if (value === undefined) {
    return fallback;
  }
  const found = allowed.find((candidate) => candidate === value.toUpperCase() || candidate === value);
  if (found === undefined) {
    throw new Error(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
  }
  return found;
}

function urlSetting(env: Env, name: string, fallback: string): string {
  const value = setting(env, name);
  if (value === undefined) {
    return fallback;
  }
  try {
    new URL(value.replaceAll('{consentId}', 'id'));
  } catch {
    throw new Error(`${name} must be an absolute URL (with an optional {consentId} placeholder), got "${value}"`);
  }
  return value;
}

function basePathSetting(env: Env, name: string, fallback: string): string {
  const value = setting(env, name);
  if (value === undefined) {
    return fallback;
  }
  if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(value)) {
    throw new Error(`${name} must be a path such as /v1 or /psd2/v1 (no trailing slash), got "${value}"`);
  }
  return value;
}

function productsSetting(env: Env, name: string, fallback: readonly PaymentProduct[]): readonly PaymentProduct[] {
  const value = setting(env, name);
  if (value === undefined) {
    return fallback;
  }
  const products = value.split(',').map((product) => product.trim());
  const unknown = products.filter((product) => !(PAYMENT_PRODUCTS as readonly string[]).includes(product));
  if (unknown.length > 0 || products.length === 0) {
    throw new Error(`${name} must be a comma list of ${PAYMENT_PRODUCTS.join(', ')}, got "${value}"`);
  }
  return products as PaymentProduct[];
}

const MAX_VALIDITY_DAYS = 3650;
const MAX_FREQUENCY = 1000;
const MAX_APPROVALS = 10;

export function resolveBerlinSpecOptions(env: Env): BerlinSpecOptions {
  const defaults = DEFAULT_BERLIN_SPEC_OPTIONS;
  return {
    scaApproach: oneOf(env, 'BERLIN_SCA_APPROACH', SCA_APPROACHES, defaults.scaApproach),
    scaRedirectUrl: urlSetting(env, 'BERLIN_SCA_REDIRECT_URL', defaults.scaRedirectUrl),
    apiBasePath: basePathSetting(env, 'BERLIN_API_BASE_PATH', defaults.apiBasePath),
    bankOfferedConsent: booleanSetting(env, 'BERLIN_BANK_OFFERED_CONSENT', defaults.bankOfferedConsent),
    globalConsent: booleanSetting(env, 'BERLIN_GLOBAL_CONSENT', defaults.globalConsent),
    availableAccountsConsent: booleanSetting(env, 'BERLIN_AVAILABLE_ACCOUNTS_CONSENT', defaults.availableAccountsConsent),
    availableAccountsOneOff: booleanSetting(env, 'BERLIN_AVAILABLE_ACCOUNTS_ONE_OFF', defaults.availableAccountsOneOff),
    maxConsentValidityDays: integerSetting(env, 'BERLIN_MAX_CONSENT_VALIDITY_DAYS', defaults.maxConsentValidityDays, 1, MAX_VALIDITY_DAYS),
    maxFrequencyPerDay: integerSetting(env, 'BERLIN_MAX_FREQUENCY_PER_DAY', defaults.maxFrequencyPerDay, 1, MAX_FREQUENCY),
    refreshTokenMaxDays: integerSetting(env, 'BERLIN_REFRESH_TOKEN_MAX_DAYS', defaults.refreshTokenMaxDays, 1, MAX_VALIDITY_DAYS),
    ibanChecksum: booleanSetting(env, 'BERLIN_IBAN_CHECKSUM', defaults.ibanChecksum),
    combinedServiceSessions: booleanSetting(env, 'BERLIN_COMBINED_SERVICE_SESSIONS', defaults.combinedServiceSessions),
    requiredApprovals: integerSetting(env, 'BERLIN_REQUIRED_APPROVALS', defaults.requiredApprovals, 1, MAX_APPROVALS),
    businessAccountApprovals: integerSetting(env, 'BERLIN_BUSINESS_ACCOUNT_APPROVALS', defaults.businessAccountApprovals, 1, MAX_APPROVALS),
    paymentProducts: productsSetting(env, 'BERLIN_PAYMENT_PRODUCTS', defaults.paymentProducts),
  };
}
