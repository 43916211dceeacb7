import { createTestDataSource, testDatabaseKind, type TestDatabase } from '@app/testing';
import { QueryFailedError, type DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../data-source-options.js';
import { initialiseDataSource } from '../data-source-factory.js';
import { isTransientLockConflict } from './driver-errors.js';
import { selectPrepared } from './select-prepared.js';
import { integerColumn, selectRows, type SqlRow } from './sql-rows.js';

describe('selectPrepared', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDataSource();
    await database.dataSource.query('INSERT INTO usage_counter VALUES (?, ?, ?, ?), (?, ?, ?, ?)', [
      'prepared-a',
      'p',
      3,
      0,
      'prepared-b',
      'p',
      9007199254740993n,
      0,
    ]);
  });

  afterAll(async () => {
    await database.close();
  });

  const read = 'SELECT counter_key, CAST(used AS CHAR) AS used FROM usage_counter WHERE counter_key = ?';

  it('answers the rows selectRows answers for the same statement', async () => {
    const runner = database.dataSource.createQueryRunner();
    try {
      for (const key of ['prepared-a', 'prepared-b', 'prepared-none']) {
        expect(await selectPrepared(runner, read, [key])).toEqual(await selectRows(runner, read, [key]));
      }
      expect(await selectPrepared(runner, read, ['prepared-b'])).toEqual([
        { counter_key: 'prepared-b', used: '9007199254740993' },
      ]);
    } finally {
      await runner.release();
    }
  });

  it('reports a failed statement as TypeORM does, with the driver error inside', async () => {
    const runner = database.dataSource.createQueryRunner();
    try {
      const failure = await selectPrepared(runner, 'SELECT missing_column FROM usage_counter WHERE counter_key = ?', [
        'prepared-a',
      ]).catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(QueryFailedError);
      expect(failure).toMatchObject({ query: 'SELECT missing_column FROM usage_counter WHERE counter_key = ?' });
      expect(isTransientLockConflict(failure)).toBe(false);
    } finally {
      await runner.release();
    }
  });

  if (testDatabaseKind() === 'sqlite') {
    return;
  }

  describe('on MariaDB', () => {
    /** One pooled connection: the session's statement counters are the ones the calls moved. */
    let single: DataSource;

    beforeAll(async () => {
      single = await initialiseDataSource(buildDataSourceOptions(database.databaseUrl, { poolSize: 1 }));
    });

    afterAll(async () => {
      await single.destroy();
    });

    const sessionCount = async (name: string): Promise<number> => {
      const rows: unknown = await single.query(`SHOW SESSION STATUS LIKE '${name}'`);
      const [row] = Array.isArray(rows) ? (rows as SqlRow[]) : [];
      return row === undefined ? 0 : integerColumn(row, 'Value');
    };

    it('prepares a statement once per connection and then only executes it', async () => {
      const preparedBefore = await sessionCount('Com_stmt_prepare');
      const executedBefore = await sessionCount('Com_stmt_execute');

      for (let call = 0; call < 5; call += 1) {
        const runner = single.createQueryRunner();
        try {
          expect(await selectPrepared(runner, read, ['prepared-a'])).toEqual([
            { counter_key: 'prepared-a', used: '3' },
          ]);
        } finally {
          await runner.release();
        }
      }

      expect((await sessionCount('Com_stmt_prepare')) - preparedBefore).toBe(1);
      expect((await sessionCount('Com_stmt_execute')) - executedBefore).toBe(5);
    });
  });
});
