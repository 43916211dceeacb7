import { readFileSync } from 'node:fs';
import type { SettingsReader } from '@app/contract';
import type { JSONWebKeySet, JWK } from 'jose';
import { isJsonObject } from './shared/json.js';

/** The 21 permissions of OBReadConsent1 (identical in v3.1.11 and v4.0). */
export const UK_PERMISSIONS = [
  'ReadAccountsBasic',
  'ReadAccountsDetail',
  'ReadBalances',
  'ReadBeneficiariesBasic',
  'ReadBeneficiariesDetail',
  'ReadDirectDebits',
  'ReadOffers',
  'ReadPAN',
  'ReadParty',
  'ReadPartyPSU',
  'ReadProducts',
  'ReadScheduledPaymentsBasic',
  'ReadScheduledPaymentsDetail',
  'ReadStandingOrdersBasic',
  'ReadStandingOrdersDetail',
  'ReadStatementsBasic',
  'ReadStatementsDetail',
  'ReadTransactionsBasic',
  'ReadTransactionsCredits',
  'ReadTransactionsDebits',
  'ReadTransactionsDetail',
] as const;

/** `OBChargeBearerType1Code`: who bears the charges of an international payment. */
export const UK_CHARGE_BEARERS = ['BorneByCreditor', 'BorneByDebtor', 'FollowingServiceLevel', 'Shared'] as const;

/** The schedule codes of a standing order's `Frequency` (the first part of each pattern of the schema's regex). */
export const UK_FREQUENCY_CODES = [
  'EvryDay',
  'EvryWorkgDay',
  'IntrvlDay',
  'IntrvlWkDay',
  'WkInMnthDay',
  'IntrvlMnthDay',
  'QtrDay',
] as const;

/** The `FileType` values of v3.1.11 (`x-namespaced-enum` of OBWriteFileConsent3) this module can read. */
export const UK_FILE_TYPES = ['UK.OBIE.PaymentInitiation.3.1', 'UK.OBIE.pain.001.001.08'] as const;
export type UkFileType = (typeof UK_FILE_TYPES)[number];

/** What a bank sets for the `uk` specification (the `UK_…` settings, see README.md). */
export interface UkSpecOptions {
  /** Verify `x-jws-signature` on payment consents (UK_SIGNATURE_VERIFICATION). */
  readonly verifySignatures: boolean;
  /** Trusted signing keys per TPP client id, from UK_JWS_TRUST_FILE. */
  readonly trustedKeys: Readonly<Record<string, JSONWebKeySet>>;
  /** JWKS URL per TPP client id, from UK_TPP_JWKS_URLS. */
  readonly jwksUrls: Readonly<Record<string, string>>;
  /** The required `http://openbanking.org.uk/tan` (UK_JWS_TRUST_ANCHOR). */
  readonly trustAnchor: string;
  /** Currencies the bank accepts in payments and limits (UK_SUPPORTED_CURRENCIES). */
  readonly supportedCurrencies: readonly string[];
  /** Permissions the bank's AISP API serves (UK_SUPPORTED_PERMISSIONS). */
  readonly supportedPermissions: readonly string[];
  /** The public base of the bank's Open Banking API, for `Links.Self` (UK_API_BASE_URL). */
  readonly apiBaseUrl: string;
  /** The version segment of the API paths, `v3.1` (UK_API_VERSION_PATH). */
  readonly apiVersionPath: string;
  /** Charge allocations the bank can fulfil on international payments (UK_SUPPORTED_CHARGE_BEARERS). */
  readonly supportedChargeBearers: readonly string[];
  /** Standing-order schedule codes the bank runs (UK_SUPPORTED_FREQUENCIES). */
  readonly supportedFrequencies: readonly string[];
  /** Payment file types the bank accepts (UK_FILE_TYPES). */
  readonly fileTypes: readonly UkFileType[];
  /** The largest payment file, in bytes of its UTF-8 text (UK_FILE_MAX_BYTES). */
  readonly fileMaxBytes: number;
  /** Authorisers a payment from an SME or Corporate account needs (UK_BUSINESS_ACCOUNT_AUTHORISERS). */
  readonly businessAccountAuthorisers: number;
  /** The bank's key and identity to sign responses of signed endpoints (UK_RESPONSE_SIGNING_KEY_FILE, UK_RESPONSE_SIGNING_ISS). */
  readonly responseSigning?: ResponseSigningSettings;
}

export interface ResponseSigningSettings {
  /** A private RSA JWK with its `kid`, as registered at the trust anchor. */
  readonly key: JWK & { readonly kid: string };
  /** `http://openbanking.org.uk/iss` of the bank (its organisation id at the directory). */
  readonly issuer: string;
}

/** The `UK_…` settings, by their names. */
export const UK_SETTINGS = {
  signatureVerification: 'UK_SIGNATURE_VERIFICATION',
  trustFile: 'UK_JWS_TRUST_FILE',
  jwksUrls: 'UK_TPP_JWKS_URLS',
  trustAnchor: 'UK_JWS_TRUST_ANCHOR',
  currencies: 'UK_SUPPORTED_CURRENCIES',
  permissions: 'UK_SUPPORTED_PERMISSIONS',
  apiBaseUrl: 'UK_API_BASE_URL',
  apiVersionPath: 'UK_API_VERSION_PATH',
  chargeBearers: 'UK_SUPPORTED_CHARGE_BEARERS',
  frequencies: 'UK_SUPPORTED_FREQUENCIES',
  fileTypes: 'UK_FILE_TYPES',
  fileMaxBytes: 'UK_FILE_MAX_BYTES',
  businessAccountAuthorisers: 'UK_BUSINESS_ACCOUNT_AUTHORISERS',
  responseSigningKeyFile: 'UK_RESPONSE_SIGNING_KEY_FILE',
  responseSigningIss: 'UK_RESPONSE_SIGNING_ISS',
} as const;

const MEBIBYTE = 1024 * 1024;
const MAX_AUTHORISERS = 10;

/** A JSON file `{"<client id>": {"keys": [JWK, …]}, …}`: the public signing keys of each TPP. */
function trustedKeys(settings: SettingsReader): Record<string, JSONWebKeySet> {
  const name = UK_SETTINGS.trustFile;
  const path = settings.text(name, {
    description: 'JSON file {"<client id>": {"keys": [JWK, …]}} of TPP public signing keys.',
  });
  if (path === undefined) {
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return settings.invalid(name, `a readable JSON file (${(error as Error).message})`, path);
  }
  if (!isJsonObject(parsed)) {
    return settings.invalid(name, 'a JSON file holding an object {"<client id>": {"keys": [JWK, …]}}', path);
  }
  const sets: Record<string, JSONWebKeySet> = {};
  for (const [clientId, set] of Object.entries(parsed)) {
    const keys: unknown = isJsonObject(set) ? set['keys'] : undefined;
    if (
      !Array.isArray(keys) ||
      !keys.every(
        (key: unknown) => isJsonObject(key) && typeof key['kty'] === 'string' && typeof key['kid'] === 'string',
      )
    ) {
      return settings.invalid(
        name,
        `a trust file whose entry of "${clientId}" is a JWKS whose keys each have "kty" and "kid"`,
        path,
      );
    }
    if (keys.some((key: unknown) => isJsonObject(key) && ('d' in key || 'k' in key))) {
      return settings.invalid(
        name,
        `a trust file of public keys only (the entry of "${clientId}" holds a private or secret key)`,
        path,
      );
    }
    // Checked above: every key is an object with kty and kid; jose validates the rest when it imports the key.
    sets[clientId] = { keys: keys as JSONWebKeySet['keys'] };
  }
  return sets;
}

/** `client-a=https://…/a.jwks,client-b=https://…/b.jwks` */
function jwksUrls(settings: SettingsReader): Record<string, string> {
  const name = UK_SETTINGS.jwksUrls;
  const entries = settings.list<string>(name, {
    default: [],
    item: { pattern: /^[^=\s]+=https?:\/\/\S+$/, expected: "<client id>=<https URL of the TPP's JWKS>" },
    description: "<client id>=<https JWKS URL>,…: each TPP's JWKS, fetched and cached.",
  });
  return Object.fromEntries(
    entries.map((entry) => {
      const separator = entry.indexOf('=');
      const url = entry.slice(separator + 1);
      return URL.canParse(url)
        ? [entry.slice(0, separator), url]
        : settings.invalid(name, "a comma list of <client id>=<https URL of the TPP's JWKS>", entry);
    }),
  );
}

/** A private PS256 key file and the bank's issuer: both or neither. */
function responseSigning(settings: SettingsReader): ResponseSigningSettings | undefined {
  const keyName = UK_SETTINGS.responseSigningKeyFile;
  const path = settings.text(keyName, {
    description:
      "The bank's private RSA JWK (with kid) to sign payment and VRP consent bodies; set with UK_RESPONSE_SIGNING_ISS.",
  });
  const issuer = settings.text(UK_SETTINGS.responseSigningIss, {
    description: "The bank's http://openbanking.org.uk/iss in its response signatures.",
  });
  if (path === undefined && issuer === undefined) {
    return undefined;
  }
  if (path === undefined || issuer === undefined) {
    return settings.invalid(
      path === undefined ? keyName : UK_SETTINGS.responseSigningIss,
      `set together with ${path === undefined ? UK_SETTINGS.responseSigningIss : keyName} (or neither)`,
      '',
    );
  }
  let key: unknown;
  try {
    key = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return settings.invalid(keyName, `a readable JSON file (${(error as Error).message})`, path);
  }
  if (
    !isJsonObject(key) ||
    key['kty'] !== 'RSA' ||
    typeof key['d'] !== 'string' ||
    typeof key['kid'] !== 'string' ||
    key['kid'] === ''
  ) {
    return settings.invalid(keyName, 'a file holding a private RSA JWK (kty RSA, d) with its kid, for PS256', path);
  }
  return { key: key as JWK & { kid: string }, issuer };
}

function matching(settings: SettingsReader, name: string, value: string, pattern: RegExp, expectation: string): string {
  return pattern.test(value) ? value : settings.invalid(name, expectation, value);
}

/**
 * Reads the `UK_` settings through the service's settings reader (the same words, messages and `npm run config`
 * listing as every other setting); a bad value throws a SettingError naming it.
 */
export function resolveUkSpecOptions(settings: SettingsReader): UkSpecOptions {
  const permissions = settings.list(UK_SETTINGS.permissions, {
    default: UK_PERMISSIONS,
    allowed: UK_PERMISSIONS,
    description: "The OBReadConsent1 permissions the bank's AISP API serves (must include ReadAccountsBasic).",
  });
  if (!permissions.includes('ReadAccountsBasic')) {
    settings.invalid(
      UK_SETTINGS.permissions,
      'a comma list of OBReadConsent1 permissions including ReadAccountsBasic',
      permissions.join(','),
    );
  }
  const signing = responseSigning(settings);
  return {
    verifySignatures: settings.boolean(UK_SETTINGS.signatureVerification, {
      default: false,
      description:
        "Verify x-jws-signature on payment and VRP consents; only where the TPP's raw body reaches the service (else the gateway verifies it).",
    }),
    trustedKeys: trustedKeys(settings),
    jwksUrls: jwksUrls(settings),
    trustAnchor: matching(
      settings,
      UK_SETTINGS.trustAnchor,
      settings.text(UK_SETTINGS.trustAnchor, {
        default: 'openbanking.org.uk',
        description: 'The required http://openbanking.org.uk/tan claim.',
      })!,
      /^[A-Za-z0-9.-]{1,253}$/,
      'a DNS name such as openbanking.org.uk',
    ),
    supportedCurrencies: settings.list(UK_SETTINGS.currencies, {
      default: ['GBP', 'EUR', 'USD'],
      item: { pattern: /^[A-Z]{3}$/, expected: 'ISO 4217 codes such as GBP,EUR' },
      description: 'Accepted currencies; others get UK.OBIE.Unsupported.Currency.',
    }),
    supportedPermissions: permissions,
    apiBaseUrl: settings.url(UK_SETTINGS.apiBaseUrl, {
      default: 'https://localhost:8243',
      description: "Public base of the bank's Open Banking API, for Links.Self.",
    })!,
    apiVersionPath: matching(
      settings,
      UK_SETTINGS.apiVersionPath,
      settings.text(UK_SETTINGS.apiVersionPath, { default: 'v3.1', description: 'Version segment of Links.Self.' })!,
      /^v3\.1(\.\d{1,2})?$/,
      'v3.1 or v3.1.<minor> (this module implements v3.1.11)',
    ),
    supportedChargeBearers: settings.list(UK_SETTINGS.chargeBearers, {
      default: UK_CHARGE_BEARERS,
      allowed: UK_CHARGE_BEARERS,
      description:
        'Charge allocations the bank can fulfil on international payments; others are refused with UK.OBIE.Field.Invalid.',
    }),
    supportedFrequencies: settings.list(UK_SETTINGS.frequencies, {
      default: UK_FREQUENCY_CODES,
      allowed: UK_FREQUENCY_CODES,
      description: 'Standing-order schedule codes the bank runs; others get UK.OBIE.Unsupported.Frequency.',
    }),
    fileTypes: settings.list(UK_SETTINGS.fileTypes, {
      default: UK_FILE_TYPES,
      allowed: UK_FILE_TYPES,
      description: 'Payment file types accepted on file-payment-consents.',
    }),
    fileMaxBytes: settings.integer(UK_SETTINGS.fileMaxBytes, {
      default: 5 * MEBIBYTE,
      min: 1024,
      max: 100 * MEBIBYTE,
      description: 'Largest payment file, in bytes (keep it below EXTENSION_BODY_LIMIT, which carries the file).',
    }),
    businessAccountAuthorisers: settings.integer(UK_SETTINGS.businessAccountAuthorisers, {
      default: 2,
      min: 1,
      max: MAX_AUTHORISERS,
      description:
        'Authorisers a payment from an SME or Corporate account needs (multi-authorisation); retail accounts need one.',
    }),
    ...(signing === undefined ? {} : { responseSigning: signing }),
  };
}
