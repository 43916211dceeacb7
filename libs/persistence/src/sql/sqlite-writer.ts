import { once } from 'node:events';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { DataSource } from 'typeorm';
import { SQLITE_BUSY_TIMEOUT_MS } from '../data-source-options.js';
import { SqlGateway } from './sql-gateway.js';
import type {
  SqliteWriterMessage,
  SqliteWriterPayload,
  SqliteWriterReply,
  SqliteWriterResult,
  SqliteWriterSettings,
  SqliteWriterTask,
} from './sqlite-writer-tasks.js';

/*
 * better-sqlite3 runs every statement synchronously on the thread that calls it: a batch of audit records or counted
 * calls, its commit, and the WAL checkpoint a commit runs now and then (the log copied into the file, with fsyncs,
 * tens of milliseconds on a virtual disk) would stop every call the service is answering meanwhile. A file database
 * gets a writer thread with its own connection for those writes, and a checkpointer thread that copies the log while
 * the writer goes on (sqlite-writer.thread.ts); the service's thread only waits for the answer.
 *
 * Callers run a task through the file's SqlGateway queue (SqlGateway.run), so that the service's own connection never
 * writes at the same time: it would then busy-wait for the lock, synchronously, on the event loop. An in-memory
 * database belongs to its one connection and keeps the in-thread path.
 */

/** From the sources (the tests) the entry is the TypeScript file; sqlite-writer.worker.ts explains how it loads. */
const WORKER_ENTRY = new URL(
  import.meta.url.endsWith('.ts') ? './sqlite-writer.worker.ts' : './sqlite-writer.worker.js',
  import.meta.url,
);
/** SQLite's own automatic checkpoint, in pages of log, which data-source-options.ts leaves as it is. */
const SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

const writers = new WeakMap<DataSource, SqliteWriter | null>();

interface Pending {
  resolve(result: unknown): void;
  reject(error: unknown): void;
}

export class SqliteWriterStoppedError extends Error {
  override readonly name = 'SqliteWriterStoppedError';
}

export class SqliteWriter {
  private worker: Worker | undefined;
  private checkpointer: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  /** Resolved once nothing is pending: stop() waits for them. */
  private idleWaiters: (() => void)[] = [];
  private nextId = 1;

  private constructor(
    private readonly dataSource: DataSource,
    private readonly connection: Pick<SqliteWriterSettings, 'file' | 'busyTimeoutMs'>,
  ) {}

  /** The writer of a DataSource on a SQLite file; undefined for MariaDB/MySQL and in-memory SQLite. */
  static for(dataSource: DataSource): SqliteWriter | undefined {
    let writer = writers.get(dataSource);
    if (writer === undefined) {
      const { options } = dataSource;
      const file =
        options.type === 'better-sqlite3' && typeof options.database === 'string' ? options.database : ':memory:';
      const busyTimeoutMs =
        options.type === 'better-sqlite3' ? (options.timeout ?? SQLITE_BUSY_TIMEOUT_MS) : SQLITE_BUSY_TIMEOUT_MS;
      writer = file === ':memory:' || file === '' ? null : new SqliteWriter(dataSource, { file, busyTimeoutMs });
      writers.set(dataSource, writer);
    }
    return writer ?? undefined;
  }

  /**
   * Ends the threads of a DataSource's writer, if it has one, once its pending tasks are done, and waits until they
   * have closed their connections. The DataSource's destroy() calls it (service-data-source.ts), which is how the
   * threads end: whoever destroys a DataSource may then move or delete its file, and a thread still open would close
   * its connection, removing or writing the log's files, under them.
   */
  static async stopFor(dataSource: DataSource): Promise<void> {
    await writers.get(dataSource)?.stop();
  }

  /** Runs a task in the writer thread, in one transaction; started on first use. */
  run<K extends SqliteWriterTask>(task: K, payload: SqliteWriterPayload<K>): Promise<SqliteWriterResult<K>> {
    if (this.worker === undefined && !this.dataSource.isInitialized) {
      // A thread started now would outlive its DataSource, holding the file its owner may be deleting.
      return Promise.reject(
        new SqliteWriterStoppedError(`The database ${this.connection.file} is closed: nothing more is written to it.`),
      );
    }
    const worker = this.started();
    return new Promise<SqliteWriterResult<K>>((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve: (result) => resolve(result as SqliteWriterResult<K>), reject });
      // The thread keeps the process alive only while a task is pending: a shutdown's last audit records are written
      // before the process exits, and an idle writer never holds it.
      worker.ref();
      const message: SqliteWriterMessage = { kind: 'task', id, task, payload };
      worker.postMessage(message);
    });
  }

  private started(): Worker {
    if (this.worker !== undefined) {
      return this.worker;
    }
    const { port1, port2 } = new MessageChannel();
    const writerSettings: SqliteWriterSettings = { ...this.connection, role: 'writer', peer: port1 };
    const worker = new Worker(WORKER_ENTRY, {
      workerData: writerSettings,
      transferList: [port1],
      name: 'sqlite-writer',
    });
    worker.unref();
    worker.on('message', (reply: SqliteWriterReply) => this.settle(reply));
    // An 'error' (the thread threw) is followed by 'exit': the pending tasks fail there.
    worker.on('error', () => undefined);
    worker.on('exit', (code) => {
      this.worker = undefined;
      void this.checkpointer?.terminate();
      this.setServiceAutoCheckpoint(SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES);
      this.failPending(
        new SqliteWriterStoppedError(
          `The SQLite writer thread of ${this.connection.file} stopped (exit code ${code}).`,
        ),
      );
    });
    // Never ref'd: a checkpoint is never what a caller waits for.
    const checkpointerSettings: SqliteWriterSettings = { ...this.connection, role: 'checkpointer', peer: port2 };
    const checkpointer = new Worker(WORKER_ENTRY, {
      workerData: checkpointerSettings,
      transferList: [port2],
      name: 'sqlite-checkpointer',
    });
    checkpointer.unref();
    checkpointer.on('error', () => undefined);
    checkpointer.on('exit', () => {
      // The writer goes on without it: its RESTART then copies the whole log (see sqlite-writer.thread.ts).
      this.checkpointer = undefined;
    });
    this.checkpointer = checkpointer;
    // The checkpointer copies the log now: a commit of the service's own connection must not do it as well, on the
    // event loop (SQLite does it in the commit that passes 1,000 pages of log).
    this.setServiceAutoCheckpoint(0);
    this.worker = worker;
    return worker;
  }

  /** `PRAGMA wal_autocheckpoint` of the service's connection, in the file's queue like any statement on it. */
  private setServiceAutoCheckpoint(pages: number): void {
    if (!this.dataSource.isInitialized) {
      return;
    }
    // A failure leaves SQLite's automatic checkpoint as it was: slower, never wrong.
    SqlGateway.for(this.dataSource)
      .run((runner) => runner.query(`PRAGMA wal_autocheckpoint = ${pages}`))
      .catch(() => undefined);
  }

  private async stop(): Promise<void> {
    await this.idle();
    const close: SqliteWriterMessage = { kind: 'close' };
    const threads = [this.worker, this.checkpointer].filter((thread): thread is Worker => thread !== undefined);
    await Promise.all(
      threads.map((thread) => {
        const exited = once(thread, 'exit');
        // Ref'd until it has ended: the caller awaits this, and an unref'd thread would let the process exit first.
        thread.ref();
        thread.postMessage(close);
        return exited;
      }),
    );
  }

  private idle(): Promise<void> {
    if (this.pending.size === 0) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private settle(reply: SqliteWriterReply): void {
    const pending = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if (this.pending.size === 0) {
      this.worker?.unref();
      this.wakeIdleWaiters();
    }
    if (pending === undefined) {
      return;
    }
    if (reply.ok) {
      pending.resolve(reply.result);
    } else {
      // The driver's code (SQLITE_CONSTRAINT_PRIMARYKEY…) is what driver-errors.ts reads.
      pending.reject(Object.assign(new Error(reply.message), { code: reply.code }));
    }
  }

  private failPending(error: Error): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const entry of pending) {
      entry.reject(error);
    }
    this.wakeIdleWaiters();
  }

  private wakeIdleWaiters(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const wake of waiters) {
      wake();
    }
  }
}
