import { createTestDataSource, testDatabaseKind, type TestDatabase } from '@app/testing';
import { buildDataSourceOptions } from '../data-source-options.js';
import { initialiseDataSource } from '../data-source-factory.js';
import type { DataSource } from 'typeorm';
import { SqlGateway } from './sql-gateway.js';

const counter = (key: string) => ({
  sql: 'INSERT INTO usage_counter (counter_key, period_key, used, updated_at) VALUES (?, ?, ?, ?)',
  parameters: [key, 'p', 1, 0],
});
const readCounter = (key: string) => ({
  sql: 'SELECT counter_key, used FROM usage_counter WHERE counter_key = ? FOR UPDATE',
  parameters: [key],
});

describe('SqlGateway.twoTripTransaction', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDataSource();
  });

  afterAll(async () => {
    await database.close();
  });

  if (testDatabaseKind() === 'sqlite') {
    it('is refused on SQLite, whose statements make no round trip', async () => {
      await expect(SqlGateway.for(database.dataSource).twoTripTransaction(() => Promise.resolve(1))).rejects.toThrow(
        'A two-trip transaction is for MariaDB only',
      );
    });
    return;
  }

  /** A second instance with one pooled connection: whatever a transaction leaves open, its next user finds. */
  let single: DataSource;
  let gateway: SqlGateway;

  beforeAll(async () => {
    single = await initialiseDataSource(buildDataSourceOptions(database.databaseUrl, { poolSize: 1 }));
    gateway = SqlGateway.for(single);
  });

  afterAll(async () => {
    await single.destroy();
  });

  const stored = async (key: string): Promise<unknown[]> =>
    database.dataSource.query('SELECT used FROM usage_counter WHERE counter_key = ?', [key]);

  it("answers the first statement's rows, and commits the last statements with COMMIT", async () => {
    await database.dataSource.query('INSERT INTO usage_counter VALUES (?, ?, ?, ?)', ['two-trip-a', 'p', 5, 0]);

    const rows = await gateway.twoTripTransaction(async (transaction) => {
      const read = await transaction.begin(readCounter('two-trip-a'));
      await transaction.commit([counter('two-trip-b'), counter('two-trip-c')]);
      return read;
    });

    expect(rows).toEqual([{ counter_key: 'two-trip-a', used: '5' }]);
    expect(await stored('two-trip-b')).toEqual([{ used: '1' }]);
    expect(await stored('two-trip-c')).toEqual([{ used: '1' }]);
  });

  it('rolls back every statement when one of the last fails, and leaves no transaction open on the connection', async () => {
    await database.dataSource.query('INSERT INTO usage_counter VALUES (?, ?, ?, ?)', ['two-trip-taken', 'p', 7, 0]);

    await expect(
      gateway.twoTripTransaction(async (transaction) => {
        await transaction.begin(readCounter('two-trip-taken'));
        // The second INSERT hits the primary key: the first is undone, and COMMIT never runs.
        await transaction.commit([counter('two-trip-undone'), counter('two-trip-taken')]);
      }),
    ).rejects.toMatchObject({ driverError: { code: 'ER_DUP_ENTRY' } });

    expect(await stored('two-trip-undone')).toEqual([]);
    expect(await stored('two-trip-taken')).toEqual([{ used: '7' }]);
    expect(await single.query('SELECT @@in_transaction AS open')).toEqual([{ open: '0' }]);
  });

  it('releases the locks of the first statement when the work throws between the two trips', async () => {
    await database.dataSource.query('INSERT INTO usage_counter VALUES (?, ?, ?, ?)', ['two-trip-locked', 'p', 1, 0]);

    await expect(
      gateway.twoTripTransaction(async (transaction) => {
        await transaction.begin(readCounter('two-trip-locked'));
        throw new Error('decided to stop');
      }),
    ).rejects.toThrow('decided to stop');

    // Another connection takes the row's lock at once (NOWAIT fails instead of waiting): no transaction holds it.
    await expect(
      SqlGateway.for(database.dataSource).transaction((runner) =>
        runner.query('SELECT used FROM usage_counter WHERE counter_key = ? FOR UPDATE NOWAIT', ['two-trip-locked']),
      ),
    ).resolves.toEqual([{ used: '1' }]);
    expect(await single.query('SELECT @@in_transaction AS open')).toEqual([{ open: '0' }]);
  });
});
