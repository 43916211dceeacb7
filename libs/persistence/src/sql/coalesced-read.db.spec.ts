import { jest } from '@jest/globals';
import { createTestDataSource, testDatabaseKind, type TestDatabase } from '@app/testing';
import { QueryFailedError } from 'typeorm';
import { CoalescedRead, type KeyedReadStatement } from './coalesced-read.js';
import { SqlGateway } from './sql-gateway.js';

/** Counters `coalesced-0` … `coalesced-99`, each used as many times as its number, in periods `p` and `q`. */
const COUNTERS = 100;

const BY_COUNTER: KeyedReadStatement = {
  columns: 'period_key, CAST(used AS CHAR) AS used',
  from: 'usage_counter',
  keyColumns: ['counter_key'],
};

const BY_COUNTER_AND_PERIOD: KeyedReadStatement = {
  columns: 'CAST(used AS CHAR) AS used',
  from: 'usage_counter',
  keyColumns: ['counter_key', 'period_key'],
};

describe(CoalescedRead.name, () => {
  let database: TestDatabase;
  let gateway: SqlGateway;

  beforeAll(async () => {
    database = await createTestDataSource();
    gateway = SqlGateway.for(database.dataSource);
    const rows = Array.from({ length: COUNTERS }, (_unused, index) => [
      [`coalesced-${index}`, 'p', index, 0],
      [`coalesced-${index}`, 'q', index + 1000, 0],
    ]).flat();
    await database.dataSource.query(
      `INSERT INTO usage_counter (counter_key, period_key, used, updated_at) VALUES ${rows.map(() => '(?, ?, ?, ?)').join(', ')}`,
      rows.flat(),
    );
  });

  afterAll(async () => {
    await database.close();
  });

  /** The statements the calls sent, as TypeORM's logger saw them (selectPrepared logs each one). */
  async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
    const logged = jest.spyOn(database.dataSource.logger, 'logQuery');
    try {
      await work();
      return logged.mock.calls.map(([sql]) => sql).filter((sql) => sql.includes('usage_counter'));
    } finally {
      logged.mockRestore();
    }
  }

  it('answers each of many concurrent calls with the rows of its own key, a missing key with none', async () => {
    const read = new CoalescedRead(gateway, BY_COUNTER);
    const keys = ['coalesced-3', 'coalesced-7', 'coalesced-3', 'coalesced-none', 'coalesced-42'];
    let answers: unknown[] = [];

    const statements = await statementsOf(async () => {
      answers = await Promise.all(keys.map((key) => read.rowsOf([key])));
    });

    const rowsOf = (index: number): unknown[] => [
      expect.objectContaining({ period_key: 'p', used: String(index) }),
      expect.objectContaining({ period_key: 'q', used: String(index + 1000) }),
    ];
    expect(answers).toEqual([rowsOf(3), rowsOf(7), rowsOf(3), [], rowsOf(42)]);
    expect(answers.map((rows) => (rows as unknown[]).length)).toEqual([2, 2, 2, 0, 2]);
    // MariaDB: one statement for the five calls (four distinct keys); SQLite: one per call, in the calling thread.
    expect(statements).toHaveLength(testDatabaseKind() === 'sqlite' ? 5 : 1);
  });

  it('reads a key of several parts, each part compared with its own column', async () => {
    const read = new CoalescedRead(gateway, BY_COUNTER_AND_PERIOD);
    const answers = await Promise.all([
      read.rowsOf(['coalesced-5', 'q']),
      read.rowsOf(['coalesced-5', 'p']),
      read.rowsOf(['coalesced-6', 'p']),
      read.rowsOf(['coalesced-5', 'r']),
    ]);
    expect(answers.map((rows) => rows.map((row) => row.used))).toEqual([['1005'], ['5'], ['6'], []]);
  });

  it('answers a key exactly: trailing spaces and case make another key, as on SQLite', async () => {
    const read = new CoalescedRead(gateway, BY_COUNTER);
    const answers = await Promise.all(['coalesced-9 ', 'COALESCED-9', 'coalesced-9'].map((key) => read.rowsOf([key])));
    expect(answers.map((rows) => rows.length)).toEqual([0, 0, 2]);
  });

  it('answers more concurrent calls than one statement asks for, every one with its own rows', async () => {
    const read = new CoalescedRead(gateway, BY_COUNTER_AND_PERIOD);
    const answers = await Promise.all(
      Array.from({ length: COUNTERS }, (_unused, index) => read.rowsOf([`coalesced-${index}`, 'p'])),
    );
    expect(answers.map((rows) => rows.map((row) => row.used))).toEqual(
      Array.from({ length: COUNTERS }, (_unused, index) => [String(index)]),
    );
  });

  it('fails every call of a statement the database refuses with its error, without asking again key by key', async () => {
    const read = new CoalescedRead(gateway, { ...BY_COUNTER, columns: 'missing_column' });
    let results: PromiseSettledResult<unknown>[] = [];

    const statements = await statementsOf(async () => {
      results = await Promise.allSettled(
        ['coalesced-1', 'coalesced-2', 'coalesced-3'].map((key) => read.rowsOf([key])),
      );
    });

    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const result of results) {
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(QueryFailedError);
    }
    expect(statements).toHaveLength(testDatabaseKind() === 'sqlite' ? 3 : 1);
  });

  it('refuses a key whose number of parts is not the number of key columns', async () => {
    const read = new CoalescedRead(gateway, BY_COUNTER_AND_PERIOD);
    await expect(read.rowsOf(['coalesced-1'])).rejects.toThrow(
      new RangeError('A key of this read has 2 parts, not 1.'),
    );
  });
});
