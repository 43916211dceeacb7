import type { BankAccountData, BankDataSet } from '@app/persistence';

/*
 * Customers of the embedded bank with 1, 100 and 1,000 accounts, imported before the scaling section: the consent page
 * lists all of a customer's accounts, and a consent approved for all of them holds one mapping per account.
 */

export const SCALING_SIZES = [1, 100, 1000] as const;

export function scalingUserId(size: number): string {
  return `bench-${size}-accounts@bank.example`;
}

/** Account ids are unique across the sizes and sort in creation order (the page lists by display name). */
export function scalingAccountId(size: number, index: number): string {
  return `BENCH${String(size).padStart(4, '0')}${String(index).padStart(6, '0')}`;
}

function account(size: number, index: number): BankAccountData {
  const accountId = scalingAccountId(size, index);
  return {
    accountId,
    displayName: `Bench account ${String(index).padStart(4, '0')} of ${size}`,
    currency: 'GBP',
    accountType: 'Retail',
    accountSubType: 'CurrentAccount',
    schemeName: 'UK.OBIE.SortCodeAccountNumber',
    identification: accountId,
    holderName: 'Bench Customer',
    status: 'Enabled',
    payable: true,
  };
}

export function scalingBankData(sizes: readonly number[] = SCALING_SIZES): BankDataSet {
  return {
    customers: sizes.map((size) => ({
      userId: scalingUserId(size),
      displayName: `Bench customer with ${size} accounts`,
      accounts: Array.from({ length: size }, (_unused, index) => account(size, index + 1)),
    })),
  };
}
