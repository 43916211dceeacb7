import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { rowsOf, type SqlParameter } from './sql-rows.js';
import type { SqlStatements } from './sql-statements.js';
import { SerialQueue } from './serial-queue.js';
import {
  SQLITE_WRITER_TASKS,
  type CheckpointMessage,
  type SqliteWriterMessage,
  type SqliteWriterReply,
  type SqliteWriterSettings,
} from './sqlite-writer-tasks.js';

/*
 * The threads of sqlite-writer.ts, each with its own better-sqlite3 connection to the service's file.
 *
 * The writer runs the tasks it is sent one at a time, each in a BEGIN IMMEDIATE transaction: better-sqlite3 is
 * synchronous, and here a batch and its commit hold up this thread only, not the event loop that answers the
 * identity server.
 *
 * The checkpointer copies the WAL into the database file while the writer goes on. A commit in WAL mode appends
 * pages to the log; from time to time they must be copied into the file (a checkpoint: random writes and two
 * fsyncs, tens of milliseconds for the 1,000 pages after which SQLite does it by itself, inside the commit that
 * passes them). A PASSIVE checkpoint takes no lock a writer needs, so the writer never waits for one. The log
 * starts again from its beginning only when it was copied entirely and a writer then begins: under a steady load
 * the checkpointer is always a little behind, so once it finds the log holding RESTART_FRAMES pages, the writer
 * checkpoints what is left itself (RESTART) before its next task, a few pages since the checkpointer keeps up.
 * sqlite-writer.ts turns the automatic checkpoint of the service's own connection off meanwhile.
 */

/** The part of better-sqlite3's API used here (the package ships no types). */
interface Statement {
  readonly reader: boolean;
  all(...parameters: SqlParameter[]): unknown[];
  run(...parameters: SqlParameter[]): { readonly changes: number };
}

interface Connection {
  prepare(sql: string): Statement;
  exec(sql: string): void;
  pragma(source: string): unknown;
  close(): void;
  readonly inTransaction: boolean;
}

type ConnectionConstructor = new (file: string, options: { readonly timeout: number }) => Connection;

/** Prepared statements kept: a batch's statement text depends on its size, so there are a few hundred at most. */
const STATEMENT_CACHE_SIZE = 512;
/** At most one checkpoint per interval: each costs two fsyncs, whatever it copies. */
const CHECKPOINT_INTERVAL_MS = 25;
/**
 * Pages of log (4 KiB each) after which the writer restarts it. A restart makes the writer wait for the pages the
 * checkpointer has not copied yet and two fsyncs, a few milliseconds: once per 32 MiB of log, about once a second at
 * 5,000 counted calls a second.
 */
const RESTART_FRAMES = 8000;

const port = parentPort;
if (port === null) {
  throw new Error('sqlite-writer.thread.js runs as a worker thread only.');
}
const settings = workerData as SqliteWriterSettings;
const Database = createRequire(import.meta.url)('better-sqlite3') as ConnectionConstructor;
const connection = new Database(settings.file, { timeout: settings.busyTimeoutMs });
// As the service's connection (data-source-options.ts): WAL is a property of the file, synchronous of the connection.
connection.pragma('journal_mode = WAL');
connection.pragma('synchronous = NORMAL');
// Only the checkpointer copies the log, and the writer restarts it (see above): no commit of these threads does.
connection.pragma('wal_autocheckpoint = 0');

/** `PRAGMA wal_checkpoint` answers one row: whether it was blocked, the log's pages, the pages copied. */
function checkpoint(mode: 'PASSIVE' | 'RESTART'): {
  readonly busy: boolean;
  readonly walFrames: number;
  readonly backfilledFrames: number;
} {
  const [row] = connection.pragma(`wal_checkpoint(${mode})`) as { busy: number; log: number; checkpointed: number }[];
  return { busy: row?.busy === 1, walFrames: row?.log ?? 0, backfilledFrames: row?.checkpointed ?? 0 };
}

function close(): void {
  connection.close();
  settings.peer.close();
  port?.close();
}

if (settings.role === 'checkpointer') {
  runCheckpointer();
} else {
  runWriter();
}

function runCheckpointer(): void {
  let scheduled = false;
  let last = 0;
  const run = (): void => {
    scheduled = false;
    last = Date.now();
    try {
      const result = checkpoint('PASSIVE');
      const report: CheckpointMessage = {
        kind: 'checkpointed',
        walFrames: result.walFrames,
        backfilledFrames: result.backfilledFrames,
      };
      settings.peer.postMessage(report);
    } catch {
      // A checkpoint that fails (the disk full, the file gone) is tried again after the next commit; the log keeps
      // every page meanwhile, and the writer's RESTART copies them.
    }
  };
  settings.peer.on('message', (message: CheckpointMessage) => {
    if (message.kind === 'committed' && !scheduled) {
      scheduled = true;
      setTimeout(run, Math.max(0, last + CHECKPOINT_INTERVAL_MS - Date.now()));
    }
  });
  port?.on('message', (message: SqliteWriterMessage) => {
    if (message.kind === 'close') {
      close();
    }
  });
}

function runWriter(): void {
  const statements = new Map<string, Statement>();
  const prepared = (sql: string): Statement => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      if (statements.size >= STATEMENT_CACHE_SIZE) {
        statements.clear();
      }
      statement = connection.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const sql: SqlStatements = {
    select: (text, parameters) => Promise.resolve(rowsOf(prepared(text).all(...parameters))),
    execute: (text, parameters) => Promise.resolve(prepared(text).run(...parameters).changes),
  };
  // Set when the checkpointer has just finished (so its lock is free) and found the log long enough to restart.
  let restartDue = false;
  settings.peer.on('message', (message: CheckpointMessage) => {
    if (message.kind === 'checkpointed') {
      restartDue = message.walFrames >= RESTART_FRAMES;
    }
  });
  const committed: CheckpointMessage = { kind: 'committed' };

  const restartLog = (): void => {
    // Without waiting: a RESTART waits for readers to leave the log, and another process's readers may never all
    // have left at once. Busy means not now; the next task tries again.
    connection.pragma('busy_timeout = 0');
    try {
      checkpoint('RESTART');
    } finally {
      connection.pragma(`busy_timeout = ${settings.busyTimeoutMs}`);
    }
  };

  const inTransaction = async <T>(work: () => Promise<T>): Promise<T> => {
    if (restartDue) {
      restartDue = false;
      restartLog();
    }
    connection.exec('BEGIN IMMEDIATE');
    try {
      const result = await work();
      connection.exec('COMMIT');
      settings.peer.postMessage(committed);
      return result;
    } catch (error) {
      // SQLite rolls some failures back by itself; a second ROLLBACK would then fail and hide the cause.
      if (connection.inTransaction) {
        connection.exec('ROLLBACK');
      }
      throw error;
    }
  };

  const failure = (id: number, error: unknown): SqliteWriterReply => {
    const code =
      typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
        ? error.code
        : undefined;
    return { id, ok: false, message: error instanceof Error ? error.message : String(error), code };
  };

  // Tasks are asynchronous in form (they share their code with the TypeORM path): one at a time, or two would share
  // the connection's transaction.
  const queue = new SerialQueue();
  port?.on('message', (message: SqliteWriterMessage) => {
    if (message.kind === 'close') {
      void queue.run(() => Promise.resolve(close()));
      return;
    }
    const { id, task, payload } = message;
    void queue
      .run(() =>
        inTransaction(() =>
          (SQLITE_WRITER_TASKS[task] as (statements: SqlStatements, input: unknown) => Promise<unknown>)(sql, payload),
        ),
      )
      .then(
        (result): SqliteWriterReply => ({ id, ok: true, result }),
        (error: unknown) => failure(id, error),
      )
      .then((reply) => port.postMessage(reply));
  });
}
