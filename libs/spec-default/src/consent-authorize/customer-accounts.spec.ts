import type { BankAccountView } from '@app/bank-backend';
import { offeredCustomerAccounts, uniqueDisplayNames } from './customer-accounts.js';

const account = (accountId: string, displayName: string, identification = accountId): BankAccountView => ({
  accountId,
  displayName,
  identification,
  currency: 'GBP',
  accountType: 'Retail',
  accountSubType: 'CurrentAccount',
  schemeName: 'UK.OBIE.SortCodeAccountNumber',
  holderName: 'Andrea Smith',
  status: 'Enabled',
  payable: true,
});

describe('uniqueDisplayNames', () => {
  it('keeps names that are already unique', () => {
    expect(uniqueDisplayNames([account('1', 'Salary Saver Account'), account('2', 'Max Bonus Account')])).toEqual([
      'Salary Saver Account',
      'Max Bonus Account',
    ]);
  });

  it('tells shared names apart by the end of the identification', () => {
    expect(
      uniqueDisplayNames([account('1', 'Savings', 'GB11AAAA1111'), account('2', 'Savings', 'GB22BBBB2222')]),
    ).toEqual(['Savings (1111)', 'Savings (2222)']);
  });

  it('falls back to the account id, then a counter, when the identification does not tell them apart', () => {
    const names = uniqueDisplayNames([
      account('a1', 'Savings', 'XX1234'),
      account('a2', 'Savings', 'YY1234'),
      account('a2', 'Savings', 'ZZ1234'),
    ]);
    expect(names).toEqual(['Savings (1234)', 'Savings (a2)', 'Savings (a2) 2']);
    expect(new Set(names).size).toBe(3);
  });

  it('does not let a disambiguated name collide with a real one', () => {
    const names = uniqueDisplayNames([
      account('1', 'Savings', '9999'),
      account('2', 'Savings (9999)'),
      account('3', 'Savings', '8888'),
    ]);
    expect(names).toEqual(['Savings (9999)', 'Savings (9999) (2)', 'Savings (8888)']);
  });

  it('names a blank account by its id', () => {
    expect(uniqueDisplayNames([account('acc-1', '  ')])).toEqual(['acc-1']);
  });
});

describe('offeredCustomerAccounts', () => {
  it('offers each account once, never without an id', () => {
    expect(offeredCustomerAccounts([account('1', 'A'), account('1', 'A again'), account('', 'No id')], false)).toEqual([
      { displayName: 'A', accountId: '1', selected: false },
    ]);
  });
});
