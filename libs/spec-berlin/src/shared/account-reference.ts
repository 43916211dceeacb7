import { isValidIban, type BankAccountData } from '@app/persistence';
import { isJsonObject, isString } from './json.js';
import { berlinError, type BerlinError } from './tpp-messages.js';

/*
 * `accountReference` (§B.3): exactly one identifier, optional currency. The official patterns are not anchored (an
 * unanchored `[A-Z]{3}` accepts "EURO"), so the exact forms are checked here.
 */

export const ACCOUNT_IDENTIFIERS = ['iban', 'bban', 'pan', 'maskedPan', 'msisdn', 'other'] as const;
export type AccountIdentifier = (typeof ACCOUNT_IDENTIFIERS)[number];

/** The identifiers this ASPSP can resolve to its accounts; MSISDN aliases and proprietary ids are not kept. */
const SUPPORTED_IDENTIFIERS: ReadonlySet<AccountIdentifier> = new Set(['iban', 'bban', 'pan', 'maskedPan']);

const IBAN = /^[A-Z]{2}[0-9]{2}[a-zA-Z0-9]{1,30}$/;
const BBAN = /^[a-zA-Z0-9]{1,30}$/;
const PAN = /^[0-9]{8,19}$/;
const MASKED_PAN = /^[0-9]{0,8}[xX*]{2,}[0-9]{2,4}$/;
const CURRENCY = /^[A-Z]{3}$/;
const MAX_PAN_LENGTH = 35;

/** A checked account reference: its one identifier and optional currency. */
export interface AccountReference {
  readonly identifier: AccountIdentifier;
  readonly value: string;
  readonly currency?: string;
}

export interface ReferenceRules {
  /** Whether IBANs must also pass the ISO 13616 checksum (adorsys does; the schema only has the pattern). */
  readonly ibanChecksum: boolean;
}

type ReferenceReading = { readonly reference: AccountReference } | { readonly error: BerlinError };

const formatError = (text: string, path: string): { error: BerlinError } => ({
  error: berlinError(400, 'FORMAT_ERROR', text, path),
});

export function readAccountReference(value: unknown, path: string, rules: ReferenceRules): ReferenceReading {
  if (!isJsonObject(value)) {
    return formatError(`Value '${path}' should be an account reference object`, path);
  }
  const present = ACCOUNT_IDENTIFIERS.filter((key) => value[key] !== undefined && value[key] !== null);
  if (present.length === 0) {
    return formatError('An account reference needs one of iban, bban, pan, maskedPan, msisdn or other', path);
  }
  if (present.length > 1) {
    return formatError('Only one account reference parameter is allowed', path);
  }
  const identifier = present[0];
  if (!SUPPORTED_IDENTIFIERS.has(identifier)) {
    return formatError(`Attribute ${identifier} is not supported by the ASPSP`, `${path}.${identifier}`);
  }
  const raw = value[identifier];
  if (!isString(raw)) {
    return formatError(`Value '${identifier}' has wrong format`, `${path}.${identifier}`);
  }
  const identifierError = identifierFormatError(identifier, raw, rules);
  if (identifierError !== undefined) {
    return formatError(identifierError, `${path}.${identifier}`);
  }
  const currency = value['currency'];
  if (currency !== undefined && (!isString(currency) || !CURRENCY.test(currency))) {
    return formatError("Value 'currency' has wrong format", `${path}.currency`);
  }
  return { reference: { identifier, value: raw, ...(isString(currency) ? { currency } : {}) } };
}

function identifierFormatError(
  identifier: AccountIdentifier,
  value: string,
  rules: ReferenceRules,
): string | undefined {
  switch (identifier) {
    case 'iban':
      return IBAN.test(value) && (!rules.ibanChecksum || isValidIban(value)) ? undefined : "Invalid 'IBAN' format";
    case 'bban':
      return BBAN.test(value) ? undefined : "Invalid 'BBAN' format";
    case 'pan':
      return PAN.test(value) && value.length <= MAX_PAN_LENGTH ? undefined : "Invalid 'PAN' format";
    case 'maskedPan':
      return MASKED_PAN.test(value) && value.length <= MAX_PAN_LENGTH ? undefined : "Invalid 'maskedPan' format";
    case 'msisdn':
    case 'other':
      return undefined;
  }
}

/** One text per reference, to compare references with each other (additionalInformation, §B.3). */
export function referenceKey(reference: AccountReference): string {
  return `${reference.identifier}:${reference.value}`;
}

/** Whether a bank account is the one a reference names (and, when the reference has a currency, in that currency). */
export function referenceMatches(reference: AccountReference, account: BankAccountData): boolean {
  if (reference.currency !== undefined && reference.currency !== account.currency) {
    return false;
  }
  const isCard = account.schemeName.toUpperCase().endsWith('PAN');
  switch (reference.identifier) {
    case 'iban':
      return account.iban !== undefined && account.iban.toUpperCase() === reference.value.toUpperCase();
    case 'bban':
      return (
        account.identification === reference.value ||
        (account.iban !== undefined && account.iban.slice(4) === reference.value)
      );
    case 'pan':
      return isCard && account.identification === reference.value;
    case 'maskedPan':
      return isCard && maskedPanMatches(reference.value, account.identification);
    case 'msisdn':
    case 'other':
      return false;
  }
}

function maskedPanMatches(masked: string, pan: string): boolean {
  const prefix = /^[0-9]*/.exec(masked)?.[0] ?? '';
  const suffix = /[0-9]*$/.exec(masked)?.[0] ?? '';
  return masked.length === pan.length && pan.startsWith(prefix) && pan.endsWith(suffix);
}

/** How the account appears to the customer: its name and the identifier a Berlin TPP uses for it (a card number masked). */
export function accountLabel(account: BankAccountData): string {
  const identifier =
    account.iban ??
    (account.schemeName.toUpperCase().endsWith('PAN') ? maskPan(account.identification) : account.identification);
  return `${account.displayName} (${identifier})`;
}

function maskPan(pan: string): string {
  return pan.length <= 10 ? pan : `${pan.slice(0, 6)}${'x'.repeat(pan.length - 10)}${pan.slice(-4)}`;
}
