import { createTestDataSource, type TestDatabase } from '@app/testing';
import { revertLastMigration, runMigrations } from '../migration-runner.js';

const TABLES = [
  'extension_request',
  'usage_counter',
  'usage_event',
  'audit_record',
  'bank_customer',
  'bank_account',
  'bank_account_holder',
  'consent_fact',
];

describe('the migrations, from InitialSchema1763683200000 on', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDataSource();
  });

  afterAll(async () => {
    await database.close();
  });

  async function existingTables(): Promise<string[]> {
    const runner = database.dataSource.createQueryRunner();
    try {
      const present: string[] = [];
      for (const table of TABLES) {
        if (await runner.hasTable(table)) {
          present.push(table);
        }
      }
      return present;
    } finally {
      await runner.release();
    }
  }

  async function pendingSchemaChanges(): Promise<string[]> {
    const { upQueries } = await database.dataSource.driver.createSchemaBuilder().log();
    return upQueries.map(({ query }) => query);
  }

  /** Reverts every migration, the later ones first, down to an empty database. */
  async function revertAll(): Promise<void> {
    expect(await revertLastMigration(database.dataSource)).toBe('BankAccountBalances1796900000000');
    expect(await revertLastMigration(database.dataSource)).toBe('ConsentFacts1796800000000');
    expect(await revertLastMigration(database.dataSource)).toBe('ExactUsageEventKeys1796700000000');
    expect(await revertLastMigration(database.dataSource)).toBe('ExactRequestKeys1796600000000');
    expect(await revertLastMigration(database.dataSource)).toBe('InitialSchema1763683200000');
  }

  it('creates, on an empty database, exactly the schema the entities describe', async () => {
    await revertAll();
    expect(await existingTables()).toEqual([]);

    expect(await runMigrations(database.dataSource)).toEqual([
      'InitialSchema1763683200000',
      'ExactRequestKeys1796600000000',
      'ExactUsageEventKeys1796700000000',
      'ConsentFacts1796800000000',
      'BankAccountBalances1796900000000',
    ]);

    expect(await existingTables()).toEqual(TABLES);
    expect(await pendingSchemaChanges()).toEqual([]);
  });

  it('is reverted by down() and applied again by up()', async () => {
    await database.dataSource.query(
      "INSERT INTO bank_customer (user_id, display_name, created_at) VALUES ('someone@example.com', 'Someone', 0)",
    );

    await revertAll();
    expect(await existingTables()).toEqual([]);
    expect(await runMigrations(database.dataSource)).toEqual([
      'InitialSchema1763683200000',
      'ExactRequestKeys1796600000000',
      'ExactUsageEventKeys1796700000000',
      'ConsentFacts1796800000000',
      'BankAccountBalances1796900000000',
    ]);

    expect(await existingTables()).toEqual(TABLES);
    expect(await pendingSchemaChanges()).toEqual([]);
    expect(await database.dataSource.query('SELECT user_id FROM bank_customer')).toEqual([]);
  });

  it('has nothing to apply twice', async () => {
    expect(await runMigrations(database.dataSource)).toEqual([]);
  });
});
