import { validateBankDataSet } from '@app/persistence';
import { scalingAccountId, scalingBankData, scalingUserId, SCALING_SIZES } from './scaling-bank-data.js';

describe('scalingBankData', () => {
  const data = scalingBankData();

  it('gives one customer per size, holding that many accounts', () => {
    expect(data.customers.map((customer) => [customer.userId, customer.accounts.length])).toEqual(
      SCALING_SIZES.map((size) => [scalingUserId(size), size]),
    );
    expect(data.customers[2]?.accounts[0]?.accountId).toBe(scalingAccountId(1000, 1));
  });

  it('is a valid import for the embedded bank, with no account shared between customers', () => {
    expect(() => validateBankDataSet(data)).not.toThrow();
    const ids = data.customers.flatMap((customer) => customer.accounts.map((account) => account.accountId));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
