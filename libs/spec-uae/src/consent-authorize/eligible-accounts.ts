import type { BankAccountView } from '@app/bank-backend';
import type { JsonObject, ScreenAccount } from '@app/contract';
import { stringArrayAt, stringAt } from '../shared/json.js';

/**
 * The customer's accounts a consent may cover: enabled ones of the consent's AccountType / AccountSubType (all when
 * absent) for data sharing; enabled, payable accounts in the payment's currency for a payment.
 */
export function eligibleAccounts(
  accounts: readonly BankAccountView[],
  consent: JsonObject,
  payment: { readonly currency: string } | undefined,
): BankAccountView[] {
  const types = stringArrayAt(consent, 'AccountType');
  const subTypes = stringArrayAt(consent, 'AccountSubType');
  const seen = new Set<string>();
  return accounts.filter((account) => {
    const eligible =
      account.status === 'Enabled' &&
      !seen.has(account.accountId) &&
      (payment === undefined
        ? (types === undefined || types.includes(account.accountType)) &&
          (subTypes === undefined || subTypes.includes(account.accountSubType))
        : account.payable && account.currency === payment.currency);
    seen.add(account.accountId);
    return eligible;
  });
}

/** The debtor account a payment names (IBAN), among the customer's accounts. */
export function debtorAccountOf(
  accounts: readonly BankAccountView[],
  debtorAccount: unknown,
): BankAccountView | undefined {
  const identification = stringAt(debtorAccount, 'Identification')?.replaceAll(' ', '').toUpperCase();
  return identification === undefined
    ? undefined
    : accounts.find(
        (account) =>
          account.iban?.toUpperCase() === identification || account.identification.toUpperCase() === identification,
      );
}

/**
 * Accounts as the page shows them. The page posts display names back and the identity server maps them to these
 * objects by name, so each name carries the account id, which makes it unique and stable.
 */
export function screenAccounts(accounts: readonly BankAccountView[]): ScreenAccount[] {
  return accounts.map((account) => ({
    displayName: `${account.displayName} (${account.accountId})`,
    accountId: account.accountId,
    selected: false,
    title: `${account.accountSubType} account`,
    description: `${account.currency} ${account.accountType} ${account.accountSubType} account`,
  }));
}
