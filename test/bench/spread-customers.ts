import type { BankDataSet } from '@app/persistence';

/*
 * Customers of the embedded bank for the consent page's second shape of traffic: pages of many customers rather than
 * all of one. Reads that arrive together are asked in one statement on MariaDB (CoalescedRead); with one customer
 * every statement would ask for one key, with these it asks for as many as the calls in it.
 */

export const SPREAD_CUSTOMERS = 1000;
/** Accounts per customer, as the demo customer holds a few. */
const ACCOUNTS_PER_CUSTOMER = 3;

export function spreadCustomerId(index: number): string {
  return `bench-customer-${String(index).padStart(4, '0')}@bank.example`;
}

export function spreadCustomersBankData(): BankDataSet {
  return {
    customers: Array.from({ length: SPREAD_CUSTOMERS }, (_unused, customer) => ({
      userId: spreadCustomerId(customer),
      displayName: `Bench customer ${customer}`,
      accounts: Array.from({ length: ACCOUNTS_PER_CUSTOMER }, (_none, index) => {
        const accountId = `SPREAD${String(customer).padStart(4, '0')}${index}`;
        return {
          accountId,
          displayName: `Account ${index} of customer ${customer}`,
          currency: 'GBP',
          accountType: 'Retail' as const,
          accountSubType: 'CurrentAccount' as const,
          schemeName: 'UK.OBIE.SortCodeAccountNumber',
          identification: accountId,
          holderName: `Bench customer ${customer}`,
          status: 'Enabled' as const,
          payable: true,
        };
      }),
    })),
  };
}
