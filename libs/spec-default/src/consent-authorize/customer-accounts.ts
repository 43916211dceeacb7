import type { BankAccountView } from '@app/bank-backend';
import type { ScreenAccount } from '@app/contract';

/**
 * The customer's own accounts the page offers (`consumerData.accounts`). The accelerator offers two dummy accounts;
 * here they come from the bank. Only usable accounts are offered: enabled ones, and for a payment only those that can
 * pay. The page posts display names back and the identity server maps them to these objects by name, so every display
 * name is made unique.
 */
export function offeredCustomerAccounts(accounts: readonly BankAccountView[], forPayment: boolean): ScreenAccount[] {
  const seen = new Set<string>();
  const offered = accounts.filter((account) => {
    if (
      account.status !== 'Enabled' ||
      (forPayment && !account.payable) ||
      !account.accountId ||
      seen.has(account.accountId)
    ) {
      return false;
    }
    seen.add(account.accountId);
    return true;
  });
  const names = uniqueDisplayNames(offered);
  return offered.map((account, index) => ({
    displayName: names[index],
    accountId: account.accountId,
    selected: false,
  }));
}

/**
 * One display name per account, unique and decided by the accounts alone (same accounts in the same order, same
 * names). A name shared by several accounts gets the last four characters of each account's identification; a
 * clash left after that gets the account id, then a counter.
 */
export function uniqueDisplayNames(accounts: readonly BankAccountView[]): string[] {
  const baseNames = accounts.map((account) => account.displayName.trim() || account.accountId);
  const occurrences = new Map<string, number>();
  for (const name of baseNames) {
    occurrences.set(name, (occurrences.get(name) ?? 0) + 1);
  }
  const used = new Set<string>();
  return accounts.map((account, index) => {
    const base = baseNames[index];
    const candidates = [
      ...(occurrences.get(base) === 1 ? [base] : []),
      ...(account.identification ? [`${base} (${account.identification.slice(-4)})`] : []),
      `${base} (${account.accountId})`,
    ];
    let name = candidates.find((candidate) => !used.has(candidate));
    for (let counter = 2; name === undefined; counter += 1) {
      const candidate = `${base} (${account.accountId}) ${counter}`;
      name = used.has(candidate) ? undefined : candidate;
    }
    used.add(name);
    return name;
  });
}
