import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** What a deployment tunes in the UAE specification; `resolveUaeSpecOptions` reads it from UAE_* settings. */
export interface UaeSpecOptions {
  /**
   * The bank's private key that decrypts the TPP's JWE `PersonalIdentifiableInformation`. Without it, an encrypted
   * PII is refused with JWE.DecryptionError.
   */
  readonly piiDecryptionKey?: KeyObject;
  /** Base of `Links.Self` in consent responses (the bank's public API base, e.g. `https://api.bank.ae/open-finance/v2.1`). */
  readonly resourceBaseUrl: string;
  /** AccountType values the bank supports (Trust Framework AccountTypes); others are refused. */
  readonly supportedAccountTypes: readonly string[];
  /** AccountSubType values the bank supports; others are refused. */
  readonly supportedAccountSubTypes: readonly string[];
  /**
   * Accept a ConsentSchedule holding both a SinglePayment and a MultiPayment (the "Combined Payment" the schema's
   * description mentions). The requirement pages of every payment type forbid it, so it is off unless the bank offers it.
   */
  readonly allowCombinedPaymentSchedule: boolean;
}

export type UaeSpecEnvironment = Readonly<Record<string, string | undefined>>;

const ACCOUNT_TYPES = ['Retail', 'SME', 'Corporate'];
const ACCOUNT_SUB_TYPES = ['CurrentAccount', 'Savings', 'CreditCard', 'Mortgage', 'Finance'];
/** A reserved example host: set UAE_RESOURCE_BASE_URL to the bank's public API base. */
export const DEFAULT_RESOURCE_BASE_URL = 'https://api.lfi.example/open-finance/v2.1';

/** UAE_* settings, each with its default. */
export const UAE_SETTINGS = {
  piiDecryptionKey: 'UAE_PII_DECRYPTION_KEY',
  resourceBaseUrl: 'UAE_RESOURCE_BASE_URL',
  supportedAccountTypes: 'UAE_SUPPORTED_ACCOUNT_TYPES',
  supportedAccountSubTypes: 'UAE_SUPPORTED_ACCOUNT_SUB_TYPES',
  allowCombinedPaymentSchedule: 'UAE_ALLOW_COMBINED_PAYMENT_SCHEDULE',
} as const;

function listSetting(env: UaeSpecEnvironment, name: string, allowed: readonly string[]): readonly string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') {
    return allowed;
  }
  const values = raw.split(',').map((value) => value.trim()).filter((value) => value !== '');
  const unknown = values.find((value) => !allowed.includes(value));
  if (unknown !== undefined || values.length === 0) {
    throw new Error(`${name} must be a comma list of ${allowed.join(', ')}; got "${raw}"`);
  }
  return [...new Set(values)];
}

function booleanSetting(env: UaeSpecEnvironment, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') {
    return fallback;
  }
  if (raw !== 'true' && raw !== 'false') {
    throw new Error(`${name} must be true or false; got "${raw}"`);
  }
  return raw === 'true';
}

/** A JWK (JSON text) or the path of a PEM file holding a private key. */
function privateKeySetting(env: UaeSpecEnvironment, name: string): KeyObject | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') {
    return undefined;
  }
  try {
    const text = raw.trim();
    if (text.startsWith('{')) {
      return createPrivateKey({ key: JSON.parse(text) as never, format: 'jwk' });
    }
    return createPrivateKey(readFileSync(text, 'utf8'));
  } catch (error) {
    throw new Error(`${name} must be a private key as a JWK (JSON) or the path of a PEM file: ${(error as Error).message}`);
  }
}

function urlSetting(env: UaeSpecEnvironment, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') {
    return fallback;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be an absolute http(s) URL; got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`${name} must be an absolute http(s) URL; got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

/** Reads and checks the UAE settings, throwing an Error that names the setting when one is invalid. */
export function resolveUaeSpecOptions(env: UaeSpecEnvironment): UaeSpecOptions {
  const piiDecryptionKey = privateKeySetting(env, UAE_SETTINGS.piiDecryptionKey);
  return {
    ...(piiDecryptionKey === undefined ? {} : { piiDecryptionKey }),
    resourceBaseUrl: urlSetting(env, UAE_SETTINGS.resourceBaseUrl, DEFAULT_RESOURCE_BASE_URL),
    supportedAccountTypes: listSetting(env, UAE_SETTINGS.supportedAccountTypes, ACCOUNT_TYPES),
    supportedAccountSubTypes: listSetting(env, UAE_SETTINGS.supportedAccountSubTypes, ACCOUNT_SUB_TYPES),
    allowCombinedPaymentSchedule: booleanSetting(env, UAE_SETTINGS.allowCombinedPaymentSchedule, false),
  };
}
