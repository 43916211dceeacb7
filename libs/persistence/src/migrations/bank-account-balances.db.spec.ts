import { createTestDataSource, type TestDatabase } from '@app/testing';
import { revertLastMigration, runMigrations } from '../migration-runner.js';
import { BankDataRepository } from '../repositories/bank-data.repository.js';

describe('BankAccountBalances1796900000000', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDataSource();
  });

  afterAll(async () => {
    await database.close();
  });

  const hasBalanceTable = async (): Promise<boolean> => {
    const runner = database.dataSource.createQueryRunner();
    try {
      return await runner.hasTable('bank_account_balance');
    } finally {
      await runner.release();
    }
  };

  it('adds the balance table to a bank that has accounts, which keep their data, and matches the entity', async () => {
    expect(await revertLastMigration(database.dataSource)).toBe('BankAccountBalances1796900000000');
    expect(await hasBalanceTable()).toBe(false);
    await database.dataSource.query(
      "INSERT INTO bank_account (account_id, display_name, currency, account_type, account_sub_type, scheme_name, identification, holder_name, status, payable, created_at) VALUES ('acc-1', 'Everyday', 'GBP', 'Retail', 'CurrentAccount', 'UK.OBIE.SortCodeAccountNumber', '60161331926819', 'Jane', 'Enabled', 1, 0)",
    );

    expect(await runMigrations(database.dataSource)).toEqual(['BankAccountBalances1796900000000']);

    expect(await hasBalanceTable()).toBe(true);
    const { upQueries } = await database.dataSource.driver.createSchemaBuilder().log();
    expect(upQueries.map(({ query }) => query)).toEqual([]);
    const repository = new BankDataRepository(database.dataSource);
    expect(await repository.findAccount('acc-1')).toMatchObject({ displayName: 'Everyday' });
    expect(await repository.availableBalance('acc-1', 'GBP')).toBeNull();
  });

  it("deletes an account's balances with the account", async () => {
    await database.dataSource.query(
      "INSERT INTO bank_account_balance (account_id, currency, available_units, updated_at) VALUES ('acc-1', 'GBP', 100000, 0)",
    );
    expect(await new BankDataRepository(database.dataSource).availableBalance('acc-1', 'GBP')).toBe(100_000n);
    await database.dataSource.query("DELETE FROM bank_account WHERE account_id = 'acc-1'");
    expect(await database.dataSource.query('SELECT account_id FROM bank_account_balance')).toEqual([]);
  });

  it('is reverted by down() and applied again', async () => {
    expect(await revertLastMigration(database.dataSource)).toBe('BankAccountBalances1796900000000');
    expect(await hasBalanceTable()).toBe(false);
    expect(await runMigrations(database.dataSource)).toEqual(['BankAccountBalances1796900000000']);
    expect(await hasBalanceTable()).toBe(true);
  });
});
