import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source-factory.js';
import { runMigrations } from '../migration-runner.js';
import { SqliteWriter } from './sqlite-writer.js';

// The writer thread is the SQLite file's path; these tests make their own files, whatever TEST_DATABASE_URL says.
describe('SqliteWriter', () => {
  let folder: string;
  let dataSource: DataSource;
  let writer: SqliteWriter;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'consent-ext-writer-'));
    dataSource = await createDataSource(`sqlite:${join(folder, 'writer.sqlite')}`);
    await runMigrations(dataSource);
    const found = SqliteWriter.for(dataSource);
    if (found === undefined) {
      throw new Error('a SQLite file has a writer');
    }
    writer = found;
  });

  afterAll(async () => {
    await dataSource.destroy();
    await rm(folder, { recursive: true, force: true });
  });

  it('has none for an in-memory database, which keeps the in-thread path', async () => {
    const memory = await createDataSource('sqlite::memory:');
    try {
      expect(SqliteWriter.for(memory)).toBeUndefined();
    } finally {
      await memory.destroy();
    }
  });

  it('is one per DataSource', () => {
    expect(SqliteWriter.for(dataSource)).toBe(writer);
  });

  it('commits in its own connection what the service connection then reads', async () => {
    await writer.run('auditInsert', {
      rows: [['writer-1', 'default', 'validate-consent-access', 'consent-w', 'SUCCESS', null, 3, Date.now()]],
    });

    const rows: unknown = await dataSource.query("SELECT request_id FROM audit_record WHERE consent_id = 'consent-w'");
    expect(rows).toEqual([{ request_id: 'writer-1' }]);
  });

  it('decides a batch of counted calls with the same rules as the service thread', async () => {
    const increment = { counterKey: 'writer:c', periodKey: 'p', amount: 1n, limit: 1n };

    const results = await writer.run('usageBatch', {
      calls: [
        { requestId: 'w-1', increments: [increment] },
        { requestId: 'w-2', increments: [increment] },
        { requestId: 'w-1', increments: [increment] },
      ],
      now: Date.now(),
    });

    expect(results).toEqual([
      { outcome: 'accepted' },
      { outcome: 'refused', counterKey: 'writer:c' },
      { outcome: 'replayed', previous: { outcome: 'accepted' } },
    ]);
  });

  it('rolls a failed task back and hands over the driver code (driver-errors.ts reads it)', async () => {
    const row = ['writer-failed', 'default', 'validate-consent-access', null, 'SUCCESS', null, 1, Date.now()];
    // created_at is NOT NULL: the second row of the statement cannot be written, and the first is not kept either.
    const failing = writer.run('auditInsert', { rows: [row, [...row.slice(0, 7), null]] });

    await expect(failing).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_NOTNULL' });
    const rows: unknown = await dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_record WHERE request_id = 'writer-failed'",
    );
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('goes on with the next task after a failed one', async () => {
    await expect(
      writer.run('auditInsert', { rows: [['writer-after', 'default', 'x', null, 'SUCCESS', null, 1, Date.now()]] }),
    ).resolves.toBeUndefined();
  });

  it('turns the automatic checkpoint of the service connection off, the checkpointer thread copying the log instead', async () => {
    const rows: unknown = await dataSource.query('PRAGMA wal_autocheckpoint');
    expect(rows).toEqual([{ wal_autocheckpoint: 0 }]);
  });

  it('ends its threads when the DataSource is destroyed, so that the file can be deleted at once', async () => {
    const own = await mkdtemp(join(tmpdir(), 'consent-ext-writer-'));
    try {
      const fileSource = await createDataSource(`sqlite:${join(own, 'own.sqlite')}`);
      await runMigrations(fileSource);
      const pending = SqliteWriter.for(fileSource)!.run('auditInsert', {
        rows: [['writer-last', 'default', 'x', null, 'SUCCESS', null, 1, Date.now()]],
      });

      await fileSource.destroy();

      // The task sent before destroy() was written; the log's files are gone, removed by the last connection to
      // close, which is only the case when the writer and checkpointer threads have closed theirs.
      await expect(pending).resolves.toBeUndefined();
      expect(await readdir(own)).toEqual(['own.sqlite']);
      // Nor does a task sent afterwards start a thread again on the closed database.
      await expect(
        SqliteWriter.for(fileSource)!.run('auditInsert', {
          rows: [['writer-late', 'default', 'x', null, 'SUCCESS', null, 1, Date.now()]],
        }),
      ).rejects.toThrow(/is closed/);
      expect(await readdir(own)).toEqual(['own.sqlite']);
      const reopened = await createDataSource(`sqlite:${join(own, 'own.sqlite')}`);
      try {
        const rows: unknown = await reopened.query(
          "SELECT COUNT(*) AS n FROM audit_record WHERE request_id = 'writer-last'",
        );
        expect(rows).toEqual([{ n: 1 }]);
      } finally {
        await reopened.destroy();
      }
    } finally {
      await rm(own, { recursive: true, force: true });
    }
  });
});
