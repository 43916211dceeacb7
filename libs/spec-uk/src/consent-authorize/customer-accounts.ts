import type { BankAccountView } from '@app/bank-backend';
import type { JsonObject, ScreenAccount } from '@app/contract';
import { stringAt } from '../shared/json.js';

/**
 * The accounts offered on the page. The page posts display names back and the identity server maps them to these
 * objects by name, so each name is made unique: the account's name and the last four characters of its
 * identification, then its id if two accounts still share a name.
 */
export function screenAccounts(accounts: readonly BankAccountView[], selected: boolean): ScreenAccount[] {
  const used = new Set<string>();
  return accounts.map((account) => {
    const base = account.displayName.trim() || account.accountId;
    let name = account.identification ? `${base} (…${account.identification.slice(-4)})` : base;
    if (used.has(name)) {
      name = `${base} (${account.accountId})`;
    }
    used.add(name);
    return {
      displayName: name,
      accountId: account.accountId,
      selected,
      title: account.accountSubType,
      description: `${account.currency} ${account.schemeName}`,
    };
  });
}

/** Accounts the customer may use: enabled, and for a payment able to pay. */
export function eligibleAccounts(accounts: readonly BankAccountView[], forPayment: boolean): BankAccountView[] {
  const seen = new Set<string>();
  return accounts.filter((account) => {
    const eligible =
      account.status === 'Enabled' &&
      (!forPayment || account.payable) &&
      account.accountId !== '' &&
      !seen.has(account.accountId);
    seen.add(account.accountId);
    return eligible;
  });
}

/** The customer's account a consent names (`DebtorAccount`), matched by its identification or IBAN. */
export function namedAccount(accounts: readonly BankAccountView[], debtor: JsonObject): BankAccountView | undefined {
  const identification = stringAt(debtor, 'Identification');
  return identification === undefined
    ? undefined
    : accounts.find(
        (account) =>
          account.identification === identification ||
          account.iban === identification ||
          account.accountId === identification,
      );
}
