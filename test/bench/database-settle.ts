import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchDatabase } from './bench-database.js';

/*
 * After the bench itself writes a million rows (the usage-counter fill), the database finishes that write in the
 * background: SQLite's log holds every page of it until a checkpoint copies them into the file (the service's
 * checkpointer would do it during the next load, after the service's first commit), and InnoDB purges the old row
 * versions and flushes the dirty pages (not waited for: see isInnodbSettled). A load measured meanwhile pays for the
 * bench's own write, not for the table's size, which is what the counter-table scaling target is about: a
 * long-running deployment holds a large table, not a million rows inserted a second ago.
 */

/** InnoDB's background work left, as its status counters report it. */
export interface InnodbBacklog {
  readonly dirtyPages: number;
  readonly totalPages: number;
  /** Old row versions not purged yet (undo log records). */
  readonly historyLength: number;
}

export interface SettleOptions {
  readonly timeoutMs: number;
  readonly intervalMs: number;
}

const DEFAULT_SETTLE: SettleOptions = { timeoutMs: 120_000, intervalMs: 1000 };
/** Settled: at most this many row versions left to purge. */
const MAX_HISTORY_LENGTH = 1000;
const SQLITE_CHECKPOINT_ATTEMPTS = 20;

export interface SettleReport {
  readonly settled: boolean;
  readonly waitedMs: number;
  /** What was left when the wait ended: InnoDB's backlog, or the SQLite log's pages. */
  readonly left: string;
}

/**
 * Settled: the purge of the old row versions is done. The dirty pages are reported, not waited for: an idle InnoDB
 * keeps thousands of them for minutes (it flushes by the redo log's age, at innodb_io_capacity), and their number
 * falls in bursts, so no count of them says "done".
 */
export function isInnodbSettled(backlog: InnodbBacklog): boolean {
  return backlog.historyLength <= MAX_HISTORY_LENGTH;
}

/** Polls InnoDB's backlog until it is settled or the timeout passes. */
export async function waitForInnodb(
  readBacklog: () => Promise<InnodbBacklog>,
  options: SettleOptions = DEFAULT_SETTLE,
): Promise<SettleReport> {
  const started = Date.now();
  for (;;) {
    const backlog = await readBacklog();
    const waitedMs = Date.now() - started;
    const settled = isInnodbSettled(backlog);
    if (settled || waitedMs >= options.timeoutMs) {
      return {
        settled,
        waitedMs,
        left: `${backlog.dirtyPages} of ${backlog.totalPages} pages dirty, ${backlog.historyLength} row versions to purge`,
      };
    }
    await sleep(options.intervalMs);
  }
}

/** Waits until the database has finished writing what the bench wrote (see above). */
export async function settleDatabase(database: BenchDatabase): Promise<SettleReport> {
  return database.choice === 'sqlite' ? checkpointSqlite(database) : waitForInnodb(() => innodbBacklog(database));
}

async function innodbBacklog(database: BenchDatabase): Promise<InnodbBacklog> {
  const rows: unknown = await database.dataSource.query(
    `SHOW GLOBAL STATUS WHERE Variable_name IN
      ('Innodb_buffer_pool_pages_dirty', 'Innodb_buffer_pool_pages_total', 'Innodb_history_list_length')`,
  );
  const values = new Map(
    (rows as { Variable_name: string; Value: string }[]).map((row) => [row.Variable_name, Number(row.Value)]),
  );
  return {
    dirtyPages: values.get('Innodb_buffer_pool_pages_dirty') ?? 0,
    totalPages: values.get('Innodb_buffer_pool_pages_total') ?? 1,
    historyLength: values.get('Innodb_history_list_length') ?? 0,
  };
}

/** Copies the whole log into the file and empties it; busy (a reader of the service in the log) means try again. */
async function checkpointSqlite(database: BenchDatabase): Promise<SettleReport> {
  const started = Date.now();
  let left = 'unknown';
  for (let attempt = 1; attempt <= SQLITE_CHECKPOINT_ATTEMPTS; attempt += 1) {
    const [row] = await database.dataSource.query<{ busy: number; log: number; checkpointed: number }[]>(
      'PRAGMA wal_checkpoint(TRUNCATE)',
    );
    if (row !== undefined && row.busy === 0) {
      return { settled: true, waitedMs: Date.now() - started, left: 'an empty log' };
    }
    left = `${row?.log ?? '?'} pages of log, ${row?.checkpointed ?? '?'} copied`;
    await sleep(DEFAULT_SETTLE.intervalMs);
  }
  return { settled: false, waitedMs: Date.now() - started, left };
}
