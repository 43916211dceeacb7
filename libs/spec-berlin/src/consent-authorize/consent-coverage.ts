import type { JsonObject, StoredConsentResource } from '@app/contract';
import type { BankAccountView } from '@app/bank-backend';
import { readAccountReference, type AccountReference } from '../shared/account-reference.js';
import { referenceMatches } from '../shared/account-reference.js';
import { AccessKind, accessKindOf } from '../shared/consent-attributes.js';
import { BerlinConsentType } from '../shared/consent-type.js';
import { isJsonObject } from '../shared/json.js';

/*
 * What a consent covers for one customer: which of the customer's accounts, and which data of each (§B.3). Used by the
 * consent screen to show it and by persist to record it as the identity server's account mappings, whose
 * `permission` is the access right.
 */

export const AccessRight = {
  Accounts: 'accounts',
  Balances: 'balances',
  Transactions: 'transactions',
  AvailableAccounts: 'availableAccounts',
  AvailableAccountsWithBalance: 'availableAccountsWithBalance',
  Payment: 'payment',
  FundsConfirmation: 'fundsConfirmation',
} as const;
export type AccessRight = (typeof AccessRight)[keyof typeof AccessRight];

/** How each right reads on the consent page. */
export const RIGHT_LABELS: { readonly [R in AccessRight]: string } = {
  accounts: 'Account details',
  balances: 'Balances',
  transactions: 'Transactions',
  availableAccounts: 'Account in the list of your accounts',
  availableAccountsWithBalance: 'Account in the list of your accounts, with its balance',
  payment: 'Account to pay from',
  fundsConfirmation: 'Confirmation of available funds',
};

export interface CoveredAccount {
  readonly account: BankAccountView;
  readonly rights: readonly AccessRight[];
}

export type Coverage =
  /** The consent itself names the accounts (dedicated, global, list of accounts, payment, funds confirmation). */
  | {
      readonly mode: 'fixed';
      readonly accounts: readonly CoveredAccount[];
      /**
       * Whether the TPP named the accounts (dedicated, payment, funds confirmation) rather than asked for all of them
       * (global, list of accounts): only named business accounts call for multilevel SCA.
       */
      readonly named: boolean;
    }
  /** Bank-offered consent: the customer chooses among `candidates`; every chosen account gets `rights`. */
  | {
      readonly mode: 'chosen';
      readonly candidates: readonly BankAccountView[];
      readonly rights: readonly AccessRight[];
    }
  | { readonly mode: 'refused'; readonly reason: string };

const ARRAY_RIGHTS: ReadonlyArray<readonly [string, readonly AccessRight[]]> = [
  ['accounts', [AccessRight.Accounts]],
  ['balances', [AccessRight.Accounts, AccessRight.Balances]],
  ['transactions', [AccessRight.Accounts, AccessRight.Transactions]],
];
const ALL_DATA: readonly AccessRight[] = [AccessRight.Accounts, AccessRight.Balances, AccessRight.Transactions];
// References were checked at creation; here they are only read back, so the checksum adds nothing.
const READ_BACK = { ibanChecksum: false };

export function coverageOf(consent: StoredConsentResource, customerAccounts: readonly BankAccountView[]): Coverage {
  const receipt = consent.receipt ?? {};
  switch (consent.type ?? '') {
    case BerlinConsentType.Payments:
      return singleAccount(
        receipt['debtorAccount'],
        customerAccounts.filter((account) => account.payable),
        AccessRight.Payment,
        'The debtor account',
      );
    case BerlinConsentType.FundsConfirmations:
      return singleAccount(receipt['account'], customerAccounts, AccessRight.FundsConfirmation, 'The account');
    case BerlinConsentType.Accounts:
      return accountAccessCoverage(consent, isJsonObject(receipt['access']) ? receipt['access'] : {}, customerAccounts);
    default:
      return { mode: 'refused', reason: `Consent type ${consent.type ?? '(none)'} is not a Berlin Group consent` };
  }
}

function accountAccessCoverage(
  consent: StoredConsentResource,
  access: JsonObject,
  customerAccounts: readonly BankAccountView[],
): Coverage {
  const kind = accessKindOf(consent);
  switch (kind) {
    case AccessKind.Global:
      return {
        mode: 'fixed',
        accounts: customerAccounts.map((account) => ({ account, rights: ALL_DATA })),
        named: false,
      };
    case AccessKind.AvailableAccounts:
    case AccessKind.AvailableAccountsWithBalance:
      return {
        mode: 'fixed',
        accounts: customerAccounts.map((account) => ({ account, rights: [kind] })),
        named: false,
      };
    case AccessKind.BankOffered:
      return { mode: 'chosen', candidates: customerAccounts, rights: rightsOfArrays(access) };
    case AccessKind.Dedicated:
      return dedicatedCoverage(access, customerAccounts);
    case undefined:
      return { mode: 'refused', reason: 'The consent does not say what it gives access to' };
  }
}

function rightsOfArrays(access: JsonObject): AccessRight[] {
  const rights = new Set<AccessRight>();
  for (const [key, granted] of ARRAY_RIGHTS) {
    if (Array.isArray(access[key])) {
      granted.forEach((right) => rights.add(right));
    }
  }
  return [...rights];
}

/** Every named account must be one of the customer's; rights add up when an account is named in several arrays. */
function dedicatedCoverage(access: JsonObject, customerAccounts: readonly BankAccountView[]): Coverage {
  const covered = new Map<string, { account: BankAccountView; rights: Set<AccessRight> }>();
  for (const [key, granted] of ARRAY_RIGHTS) {
    for (const value of Array.isArray(access[key]) ? (access[key] as unknown[]) : []) {
      const reading = readAccountReference(value, key, READ_BACK);
      if ('error' in reading) {
        return { mode: 'refused', reason: reading.error.text };
      }
      const account = customerAccounts.find((candidate) => referenceMatches(reading.reference, candidate));
      if (account === undefined) {
        return { mode: 'refused', reason: `The account ${describe(reading.reference)} is not held by the customer` };
      }
      const entry = covered.get(account.accountId) ?? { account, rights: new Set<AccessRight>() };
      granted.forEach((right) => entry.rights.add(right));
      covered.set(account.accountId, entry);
    }
  }
  return {
    mode: 'fixed',
    accounts: [...covered.values()].map(({ account, rights }) => ({ account, rights: [...rights] })),
    named: true,
  };
}

function singleAccount(
  value: unknown,
  candidates: readonly BankAccountView[],
  right: AccessRight,
  what: string,
): Coverage {
  const reading = readAccountReference(value, 'account', READ_BACK);
  if ('error' in reading) {
    return { mode: 'refused', reason: reading.error.text };
  }
  const account = candidates.find((candidate) => referenceMatches(reading.reference, candidate));
  return account === undefined
    ? {
        mode: 'refused',
        reason: `${what} ${describe(reading.reference)} is not an account of the customer that can be used here`,
      }
    : { mode: 'fixed', accounts: [{ account, rights: [right] }], named: true };
}

function describe(reference: AccountReference): string {
  return `${reference.identifier} ${reference.value}${reference.currency === undefined ? '' : ` (${reference.currency})`}`;
}
