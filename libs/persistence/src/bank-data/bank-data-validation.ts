import {
  BANK_ACCOUNT_STATUSES,
  BANK_ACCOUNT_SUB_TYPES,
  BANK_ACCOUNT_TYPES,
  type BankAccountStatus,
  type BankAccountSubType,
  type BankAccountType,
} from './bank-account-vocabulary.js';
import type { BankAccountData, BankBalanceData, BankCustomerData, BankDataSet } from './bank-data-set.js';
import { decimalAmountUnits } from './decimal-amount.js';
import { isValidIban } from './iban.js';

/** Names the first bad field by its path (`customers[1].accounts[0].iban`) so that a bank can fix its file. */
export class InvalidBankDataError extends Error {
  override readonly name = 'InvalidBankDataError';

  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

export interface BankDataValidationOptions {
  /**
   * An import file is written by hand, so an unknown field is most likely a misspelt optional one and is refused; a
   * bank core's API may grow fields, which its clients must tolerate.
   */
  readonly allowUnknownFields?: boolean;
}

const ACCOUNT_FIELDS = [
  'accountId',
  'displayName',
  'currency',
  'accountType',
  'accountSubType',
  'schemeName',
  'identification',
  'secondaryIdentification',
  'holderName',
  'iban',
  'status',
  'payable',
] as const satisfies readonly (keyof BankAccountData)[];
const CUSTOMER_FIELDS = ['userId', 'displayName', 'accounts'] as const satisfies readonly (keyof BankCustomerData)[];
const BALANCE_FIELDS = ['accountId', 'currency', 'amount'] as const satisfies readonly (keyof BankBalanceData)[];
const DATA_SET_FIELDS = ['customers', 'balances'] as const satisfies readonly (keyof BankDataSet)[];

const CURRENCY_CODE = /^[A-Z]{3}$/;

// Lengths are those of the bank_* columns, counted in characters as MariaDB counts them.
const MAX_LENGTH = {
  accountId: 64,
  userId: 255,
  displayName: 255,
  schemeName: 64,
  identification: 256,
  secondaryIdentification: 34,
  holderName: 350,
} as const;

export function validateBankAccountData(
  input: unknown,
  path: string,
  options: BankDataValidationOptions = {},
): BankAccountData {
  const fields = objectAt(input, path, ACCOUNT_FIELDS, options);
  const accountId = requiredText(fields, 'accountId', path, MAX_LENGTH.accountId);
  const displayName = requiredText(fields, 'displayName', path, MAX_LENGTH.displayName);
  const currency = requiredText(fields, 'currency', path, 3);
  if (!CURRENCY_CODE.test(currency)) {
    throw new InvalidBankDataError(`${path}.currency`, 'must be an ISO 4217 code of three capital letters');
  }
  const accountType = oneOf<BankAccountType>(fields, 'accountType', path, BANK_ACCOUNT_TYPES);
  const accountSubType = oneOf<BankAccountSubType>(fields, 'accountSubType', path, BANK_ACCOUNT_SUB_TYPES);
  const schemeName = requiredText(fields, 'schemeName', path, MAX_LENGTH.schemeName);
  const identification = requiredText(fields, 'identification', path, MAX_LENGTH.identification);
  const secondaryIdentification = optionalText(
    fields,
    'secondaryIdentification',
    path,
    MAX_LENGTH.secondaryIdentification,
  );
  const holderName = requiredText(fields, 'holderName', path, MAX_LENGTH.holderName);
  const iban = optionalText(fields, 'iban', path, 34);
  if (iban !== undefined && !isValidIban(iban)) {
    throw new InvalidBankDataError(
      `${path}.iban`,
      'is not a valid IBAN (capital letters and digits, with a correct checksum)',
    );
  }
  const status = oneOf<BankAccountStatus>(fields, 'status', path, BANK_ACCOUNT_STATUSES);
  const payable = fields['payable'];
  if (typeof payable !== 'boolean') {
    throw new InvalidBankDataError(`${path}.payable`, 'must be true or false');
  }
  return {
    accountId,
    displayName,
    currency,
    accountType,
    accountSubType,
    schemeName,
    identification,
    ...(secondaryIdentification === undefined ? {} : { secondaryIdentification }),
    holderName,
    ...(iban === undefined ? {} : { iban }),
    status,
    payable,
  };
}

/**
 * Checks a whole data set, including what no single record shows: a user listed twice, and a joint account whose
 * copies under its holders disagree (which one would win would depend on the order of the file).
 */
export function validateBankDataSet(input: unknown, options: BankDataValidationOptions = {}): BankDataSet {
  const root = objectAt(input, '$', DATA_SET_FIELDS, options);
  const customerItems = arrayAt(root['customers'], 'customers');
  const customerPathById = new Map<string, string>();
  const accountSeenAt = new Map<string, { readonly path: string; readonly account: BankAccountData }>();
  const customers = customerItems.map((item, customerIndex): BankCustomerData => {
    const path = `customers[${customerIndex}]`;
    const fields = objectAt(item, path, CUSTOMER_FIELDS, options);
    const userId = requiredText(fields, 'userId', path, MAX_LENGTH.userId);
    const earlierCustomer = customerPathById.get(userId);
    if (earlierCustomer !== undefined) {
      throw new InvalidBankDataError(`${path}.userId`, `"${userId}" is already listed at ${earlierCustomer}`);
    }
    customerPathById.set(userId, path);
    const displayName = requiredText(fields, 'displayName', path, MAX_LENGTH.displayName);
    const ownAccountIds = new Set<string>();
    const accounts = arrayAt(fields['accounts'], `${path}.accounts`).map((accountItem, accountIndex) => {
      const accountPath = `${path}.accounts[${accountIndex}]`;
      const account = validateBankAccountData(accountItem, accountPath, options);
      if (ownAccountIds.has(account.accountId)) {
        throw new InvalidBankDataError(
          `${accountPath}.accountId`,
          `"${account.accountId}" is listed twice for the same customer`,
        );
      }
      ownAccountIds.add(account.accountId);
      const earlier = accountSeenAt.get(account.accountId);
      if (earlier === undefined) {
        accountSeenAt.set(account.accountId, { path: accountPath, account });
      } else if (!sameAccount(earlier.account, account)) {
        throw new InvalidBankDataError(
          accountPath,
          `joint account "${account.accountId}" differs from its copy at ${earlier.path}`,
        );
      }
      return account;
    });
    return { userId, displayName, accounts };
  });
  const balances =
    root['balances'] === undefined ? [] : validateBalances(root['balances'], new Set(accountSeenAt.keys()), options);
  return { customers, ...(balances.length === 0 ? {} : { balances }) };
}

/** One balance per account and currency, of an account the file lists (the balance table refers to the account). */
function validateBalances(
  input: unknown,
  accountIds: ReadonlySet<string>,
  options: BankDataValidationOptions,
): BankBalanceData[] {
  const seen = new Map<string, string>();
  return arrayAt(input, 'balances').map((item, index) => {
    const path = `balances[${index}]`;
    const fields = objectAt(item, path, BALANCE_FIELDS, options);
    const accountId = requiredText(fields, 'accountId', path, MAX_LENGTH.accountId);
    if (!accountIds.has(accountId)) {
      throw new InvalidBankDataError(
        `${path}.accountId`,
        `"${accountId}" is not an account of a customer of this file`,
      );
    }
    const currency = requiredText(fields, 'currency', path, 3);
    if (!CURRENCY_CODE.test(currency)) {
      throw new InvalidBankDataError(`${path}.currency`, 'must be an ISO 4217 code of three capital letters');
    }
    const amount = requiredText(fields, 'amount', path, 20);
    if (decimalAmountUnits(amount) === undefined) {
      throw new InvalidBankDataError(
        `${path}.amount`,
        'must be a decimal such as "2500.00" or "-12.50" (at most 13 integer and 5 decimal digits)',
      );
    }
    const key = `${accountId}/${currency}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new InvalidBankDataError(path, `the ${currency} balance of "${accountId}" is already given at ${earlier}`);
    }
    seen.set(key, path);
    return { accountId, currency, amount };
  });
}

function sameAccount(left: BankAccountData, right: BankAccountData): boolean {
  return ACCOUNT_FIELDS.every((field) => left[field] === right[field]);
}

function objectAt(
  input: unknown,
  path: string,
  knownFields: readonly string[],
  options: BankDataValidationOptions,
): Readonly<Record<string, unknown>> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InvalidBankDataError(path, 'must be an object');
  }
  const fields = input as Readonly<Record<string, unknown>>;
  if (options.allowUnknownFields !== true) {
    const unknownField = Object.keys(fields).find((field) => !knownFields.includes(field));
    if (unknownField !== undefined) {
      throw new InvalidBankDataError(
        `${path}.${unknownField}`,
        `is not a known field (known: ${knownFields.join(', ')})`,
      );
    }
  }
  return fields;
}

function arrayAt(input: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(input)) {
    throw new InvalidBankDataError(path, 'must be an array');
  }
  return input as readonly unknown[];
}

function requiredText(
  fields: Readonly<Record<string, unknown>>,
  field: string,
  path: string,
  maxLength: number,
): string {
  const value = fields[field];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidBankDataError(`${path}.${field}`, 'must be a non-empty string');
  }
  return withinLength(value, `${path}.${field}`, maxLength);
}

/** Absent and null both mean "not given": bank APIs write either. */
function optionalText(
  fields: Readonly<Record<string, unknown>>,
  field: string,
  path: string,
  maxLength: number,
): string | undefined {
  const value = fields[field];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidBankDataError(`${path}.${field}`, 'must be a non-empty string when present');
  }
  return withinLength(value, `${path}.${field}`, maxLength);
}

function withinLength(value: string, path: string, maxLength: number): string {
  // Spreading counts code points, as the database counts characters; .length would count an emoji twice.
  if ([...value].length > maxLength) {
    throw new InvalidBankDataError(path, `must be at most ${maxLength} characters long`);
  }
  return value;
}

function oneOf<T extends string>(
  fields: Readonly<Record<string, unknown>>,
  field: string,
  path: string,
  allowed: readonly T[],
): T {
  const value = fields[field];
  const match = allowed.find((candidate) => candidate === value);
  if (match === undefined) {
    throw new InvalidBankDataError(`${path}.${field}`, `must be one of ${allowed.join(', ')}`);
  }
  return match;
}
