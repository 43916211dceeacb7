import { readFileSync } from 'node:fs';
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

/** What a bank sets for the `uk` specification (environment variables `UK_…`, see README.md). */
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
  /** The bank's key and identity to sign responses of signed endpoints (UK_RESPONSE_SIGNING_KEY_FILE, UK_RESPONSE_SIGNING_ISS). */
  readonly responseSigning?: ResponseSigningSettings;
}

export interface ResponseSigningSettings {
  /** A private RSA JWK with its `kid`, as registered at the trust anchor. */
  readonly key: JWK & { readonly kid: string };
  /** `http://openbanking.org.uk/iss` of the bank (its organisation id at the directory). */
  readonly issuer: string;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

export type SpecEnvironment = Readonly<Record<string, string | undefined>>;

const DEFAULT_CURRENCIES = ['GBP', 'EUR', 'USD'];

function setting(env: SpecEnvironment, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function list(text: string): string[] {
  return [...new Set(text.split(',').map((item) => item.trim()).filter((item) => item !== ''))];
}

function onOff(env: SpecEnvironment, name: string, fallback: boolean): boolean {
  const value = setting(env, name)?.toLowerCase();
  if (value === undefined) {
    return fallback;
  }
  if (value === 'on' || value === 'off') {
    return value === 'on';
  }
  throw new Error(`${name} must be "on" or "off", got "${env[name]}"`);
}

function currencies(env: SpecEnvironment): string[] {
  const value = setting(env, 'UK_SUPPORTED_CURRENCIES');
  const codes = value === undefined ? DEFAULT_CURRENCIES : list(value);
  const bad = codes.find((code) => !/^[A-Z]{3}$/.test(code));
  if (bad !== undefined || codes.length === 0) {
    throw new Error(`UK_SUPPORTED_CURRENCIES must be a comma list of ISO 4217 codes such as "GBP,EUR", got "${env['UK_SUPPORTED_CURRENCIES']}"`);
  }
  return codes;
}

function permissions(env: SpecEnvironment): string[] {
  const value = setting(env, 'UK_SUPPORTED_PERMISSIONS');
  if (value === undefined) {
    return [...UK_PERMISSIONS];
  }
  const chosen = list(value);
  const unknown = chosen.find((permission) => !(UK_PERMISSIONS as readonly string[]).includes(permission));
  if (unknown !== undefined || !chosen.includes('ReadAccountsBasic')) {
    throw new Error(
      `UK_SUPPORTED_PERMISSIONS must be a comma list of OBReadConsent1 permissions including ReadAccountsBasic (accepted: ${UK_PERMISSIONS.join(', ')}), got "${value}"`,
    );
  }
  return chosen;
}

function absoluteUrl(env: SpecEnvironment, name: string, fallback?: string): string | undefined {
  const value = setting(env, name) ?? fallback;
  if (value === undefined) {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an absolute http(s) URL, got "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`${name} must be an absolute http(s) URL, got "${value}"`);
  }
  return value.replace(/\/+$/, '');
}

/** `client-a=https://…/a.jwks,client-b=https://…/b.jwks` */
function jwksUrls(env: SpecEnvironment): Record<string, string> {
  const value = setting(env, 'UK_TPP_JWKS_URLS');
  if (value === undefined) {
    return {};
  }
  const entries = list(value).map((entry) => {
    const separator = entry.indexOf('=');
    const clientId = entry.slice(0, separator).trim();
    const url = entry.slice(separator + 1).trim();
    if (separator <= 0 || !/^https?:\/\//.test(url) || !URL.canParse(url)) {
      throw new Error(`UK_TPP_JWKS_URLS must be a comma list of <client id>=<https URL of the TPP's JWKS>, got "${entry}"`);
    }
    return [clientId, url] as const;
  });
  return Object.fromEntries(entries);
}

/** A JSON file `{"<client id>": {"keys": [JWK, …]}, …}`: the public signing keys of each TPP. */
function trustedKeys(env: SpecEnvironment): Record<string, JSONWebKeySet> {
  const path = setting(env, 'UK_JWS_TRUST_FILE');
  if (path === undefined) {
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`UK_JWS_TRUST_FILE "${path}" cannot be read as JSON: ${(error as Error).message}`);
  }
  if (!isJsonObject(parsed)) {
    throw new Error(`UK_JWS_TRUST_FILE "${path}" must hold an object {"<client id>": {"keys": [JWK, …]}}`);
  }
  const sets: Record<string, JSONWebKeySet> = {};
  for (const [clientId, set] of Object.entries(parsed)) {
    const keys: unknown = isJsonObject(set) ? set['keys'] : undefined;
    if (!Array.isArray(keys) || !keys.every((key: unknown) => isJsonObject(key) && typeof key['kty'] === 'string' && typeof key['kid'] === 'string')) {
      throw new Error(`UK_JWS_TRUST_FILE "${path}": the entry of "${clientId}" must be a JWKS whose keys each have "kty" and "kid"`);
    }
    if (keys.some((key: unknown) => isJsonObject(key) && ('d' in key || 'k' in key))) {
      throw new Error(`UK_JWS_TRUST_FILE "${path}": the entry of "${clientId}" holds a private or secret key; trust files hold public keys only`);
    }
    // Checked above: every key is an object with kty and kid; jose validates the rest when it imports the key.
    sets[clientId] = { keys: keys as JSONWebKeySet['keys'] };
  }
  return sets;
}

/** A private PS256 key file and the bank's issuer: both or neither. */
function responseSigning(env: SpecEnvironment): ResponseSigningSettings | undefined {
  const path = setting(env, 'UK_RESPONSE_SIGNING_KEY_FILE');
  const issuer = setting(env, 'UK_RESPONSE_SIGNING_ISS');
  if (path === undefined && issuer === undefined) {
    return undefined;
  }
  if (path === undefined || issuer === undefined) {
    throw new Error('UK_RESPONSE_SIGNING_KEY_FILE and UK_RESPONSE_SIGNING_ISS must be set together (or neither)');
  }
  let key: unknown;
  try {
    key = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`UK_RESPONSE_SIGNING_KEY_FILE "${path}" cannot be read as JSON: ${(error as Error).message}`);
  }
  if (!isJsonObject(key) || key['kty'] !== 'RSA' || typeof key['d'] !== 'string' || typeof key['kid'] !== 'string' || key['kid'] === '') {
    throw new Error(`UK_RESPONSE_SIGNING_KEY_FILE "${path}" must hold a private RSA JWK (kty RSA, d) with its kid, for PS256`);
  }
  return { key: key as JWK & { kid: string }, issuer };
}

/**
 * Reads and checks the settings of the `uk` specification; throws an Error naming the variable and the accepted values,
 * which the application turns into a boot failure.
 */
export function resolveUkSpecOptions(env: SpecEnvironment): UkSpecOptions {
  const versionPath = setting(env, 'UK_API_VERSION_PATH') ?? 'v3.1';
  if (!/^v3\.1(\.\d{1,2})?$/.test(versionPath)) {
    throw new Error(`UK_API_VERSION_PATH must be "v3.1" or "v3.1.<minor>" (this module implements v3.1.11), got "${versionPath}"`);
  }
  const trustAnchor = setting(env, 'UK_JWS_TRUST_ANCHOR') ?? 'openbanking.org.uk';
  if (!/^[A-Za-z0-9.-]{1,253}$/.test(trustAnchor)) {
    throw new Error(`UK_JWS_TRUST_ANCHOR must be a DNS name such as "openbanking.org.uk", got "${trustAnchor}"`);
  }
  return {
    verifySignatures: onOff(env, 'UK_SIGNATURE_VERIFICATION', true),
    trustedKeys: trustedKeys(env),
    jwksUrls: jwksUrls(env),
    trustAnchor,
    supportedCurrencies: currencies(env),
    supportedPermissions: permissions(env),
    apiBaseUrl: absoluteUrl(env, 'UK_API_BASE_URL', 'https://localhost:8243')!,
    apiVersionPath: versionPath,
    ...optional('responseSigning', responseSigning(env)),
  };
}
