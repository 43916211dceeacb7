import { stat } from 'node:fs/promises';
import { openBenchDatabase } from './bench-database.js';
import { isInnodbSettled, settleDatabase, waitForInnodb, type InnodbBacklog } from './database-settle.js';

const POOL = 8000;

describe('settling the database after the bench writes', () => {
  const backlog = (dirtyPages: number, historyLength: number): InnodbBacklog => ({
    dirtyPages,
    totalPages: POOL,
    historyLength,
  });

  it('calls InnoDB settled once at most 1,000 row versions wait for purge, however many pages are dirty', () => {
    expect(isInnodbSettled(backlog(5000, 1000))).toBe(true);
    expect(isInnodbSettled(backlog(0, 1001))).toBe(false);
  });

  it('polls InnoDB until its backlog is settled', async () => {
    const readings: InnodbBacklog[] = [backlog(4000, 900_000), backlog(2000, 40_000), backlog(1600, 12)];
    let reads = 0;
    const report = await waitForInnodb(() => Promise.resolve(readings[Math.min(reads++, readings.length - 1)]), {
      timeoutMs: 10_000,
      intervalMs: 1,
    });
    expect(reads).toBe(3);
    expect(report).toMatchObject({ settled: true, left: '1600 of 8000 pages dirty, 12 row versions to purge' });
  });

  it('stops waiting at the timeout and says what was left', async () => {
    const report = await waitForInnodb(() => Promise.resolve(backlog(4000, 5000)), { timeoutMs: 20, intervalMs: 5 });
    expect(report).toMatchObject({ settled: false, left: '4000 of 8000 pages dirty, 5000 row versions to purge' });
    expect(report.waitedMs).toBeGreaterThanOrEqual(20);
  });

  it('empties the SQLite log into the file', async () => {
    const database = await openBenchDatabase('sqlite', 'mysql://unused');
    try {
      await database.dataSource.query(
        `INSERT INTO usage_counter (counter_key, period_key, used, updated_at) VALUES ${Array.from({ length: 500 }, (_unused, index) => `('settle-${index}', 'total', 1, 0)`).join(', ')}`,
      );
      const log = `${database.url.slice('sqlite:'.length)}-wal`;
      expect((await stat(log)).size).toBeGreaterThan(0);

      const report = await settleDatabase(database);

      expect(report).toMatchObject({ settled: true, left: 'an empty log' });
      expect((await stat(log)).size).toBe(0);
    } finally {
      await database.dispose();
    }
  });
});
