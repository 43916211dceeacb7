import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { SettingsReader } from '@app/contract';

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

const ACCOUNT_TYPES = ['Retail', 'SME', 'Corporate'];
const ACCOUNT_SUB_TYPES = ['CurrentAccount', 'Savings', 'CreditCard', 'Mortgage', 'Finance'];
/** A reserved example host: set UAE_RESOURCE_BASE_URL to the bank's public API base. */
export const DEFAULT_RESOURCE_BASE_URL = 'https://api.lfi.example/open-finance/v2.1';

/** UAE_* settings. */
export const UAE_SETTINGS = {
  piiDecryptionKey: 'UAE_PII_DECRYPTION_KEY',
  resourceBaseUrl: 'UAE_RESOURCE_BASE_URL',
  supportedAccountTypes: 'UAE_SUPPORTED_ACCOUNT_TYPES',
  supportedAccountSubTypes: 'UAE_SUPPORTED_ACCOUNT_SUB_TYPES',
  allowCombinedPaymentSchedule: 'UAE_ALLOW_COMBINED_PAYMENT_SCHEDULE',
} as const;

/** A JWK (JSON text) or the path of a PEM file holding a private key; a secret, so also read from UAE_PII_DECRYPTION_KEY_FILE. */
function privateKey(settings: SettingsReader): KeyObject | undefined {
  const name = UAE_SETTINGS.piiDecryptionKey;
  const raw = settings.text(name, {
    secret: true,
    description: "The bank's private key for the TPP's encrypted PII: a JWK as JSON, or the path of a PEM file.",
  });
  if (raw === undefined) {
    return undefined;
  }
  const text = raw.trim();
  try {
    return text.startsWith('{')
      ? createPrivateKey({ key: JSON.parse(text) as never, format: 'jwk' })
      : createPrivateKey(readFileSync(text, 'utf8'));
  } catch (error) {
    // The value is a secret: the message names the problem, never the key.
    return settings.invalid(
      name,
      'a private key as a JWK (JSON) or the path of a PEM file',
      `(${(error as Error).message})`,
    );
  }
}

/** Reads the `UAE_` settings through the service's settings reader; a bad value throws a SettingError naming it. */
export function resolveUaeSpecOptions(settings: SettingsReader): UaeSpecOptions {
  const piiDecryptionKey = privateKey(settings);
  return {
    ...(piiDecryptionKey === undefined ? {} : { piiDecryptionKey }),
    resourceBaseUrl: settings.url(UAE_SETTINGS.resourceBaseUrl, {
      default: DEFAULT_RESOURCE_BASE_URL,
      description: "Base of Links.Self in consent responses: the bank's public API base.",
    })!,
    supportedAccountTypes: settings.list(UAE_SETTINGS.supportedAccountTypes, {
      default: ACCOUNT_TYPES,
      allowed: ACCOUNT_TYPES,
      description: 'AccountType values the bank accepts; others are refused at PAR.',
    }),
    supportedAccountSubTypes: settings.list(UAE_SETTINGS.supportedAccountSubTypes, {
      default: ACCOUNT_SUB_TYPES,
      allowed: ACCOUNT_SUB_TYPES,
      description: 'AccountSubType values the bank accepts.',
    }),
    allowCombinedPaymentSchedule: settings.boolean(UAE_SETTINGS.allowCombinedPaymentSchedule, {
      default: false,
      description: 'Accept a ConsentSchedule with one SinglePayment and one MultiPayment.',
    }),
  };
}
