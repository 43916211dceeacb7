import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource, QueryRunner } from 'typeorm';
import { databaseKindOf, type DatabaseKind } from './database-kind.js';
import { isTransientLockConflict } from './driver-errors.js';
import { SerialQueue } from './serial-queue.js';
import { rowsOf, type SqlParameter } from './sql-rows.js';
import type { SqlStatement, TwoTripTransaction } from './sql-statements.js';

const MYSQL_TRANSACTION_ATTEMPTS = 5;
const MYSQL_RETRY_BASE_DELAY_MS = 10;

// One queue per SQLite file for the whole process, so that two DataSources on one file (two module instances, a
// test beside the application) never make one connection busy-wait, blocking the event loop, on a lock the other
// holds across an await.
const sqliteFileQueues = new Map<string, SerialQueue>();
const gateways = new WeakMap<DataSource, SqlGateway>();

/**
 * How the repositories reach the database.
 *
 * SQLite: TypeORM shares ONE connection and one query runner per DataSource, so a statement issued while another
 * caller's transaction is open would silently join (and roll back with) that transaction. Every repository call on
 * SQLite therefore runs alone, in arrival order; SQLite writes one transaction at a time anyway, and better-sqlite3
 * is synchronous, so nothing is lost. Transactions start with BEGIN IMMEDIATE, which takes the write lock first and
 * so waits for other processes (busy timeout) instead of failing half-way.
 *
 * MariaDB: each call takes its own pooled connection; a transaction that InnoDB picks as a deadlock victim is run
 * again, since the work passed in has no effect outside the database.
 */
export class SqlGateway {
  readonly kind: DatabaseKind;
  private readonly queue: SerialQueue | undefined;

  private constructor(private readonly dataSource: DataSource) {
    this.kind = databaseKindOf(dataSource);
    this.queue = this.kind === 'sqlite' ? sqliteQueueFor(dataSource) : undefined;
  }

  static for(dataSource: DataSource): SqlGateway {
    let gateway = gateways.get(dataSource);
    if (gateway === undefined) {
      gateway = new SqlGateway(dataSource);
      gateways.set(dataSource, gateway);
    }
    return gateway;
  }

  /** Runs statements that need no transaction (each is atomic on its own). */
  async run<T>(work: (runner: QueryRunner) => Promise<T>): Promise<T> {
    if (this.queue !== undefined) {
      return this.queue.run(() => work(this.dataSource.createQueryRunner()));
    }
    const runner = this.dataSource.createQueryRunner();
    try {
      return await work(runner);
    } finally {
      await runner.release();
    }
  }

  /**
   * Runs one statement that is safe to run again (it commits nothing when it fails, and a second run of it changes
   * nothing the first did): on MariaDB, a statement that loses a lock conflict, or a certification conflict between
   * Galera nodes (both error 1213), is run again like a transaction, instead of relying on the server's
   * wsrep_retry_autocommit.
   */
  async runRetried<T>(work: (runner: QueryRunner) => Promise<T>): Promise<T> {
    if (this.queue !== undefined) {
      return this.run(work);
    }
    return this.retryingLockConflicts(() => this.run(work));
  }

  /** Runs `work` in one transaction: committed when it returns, rolled back when it throws. */
  async transaction<T>(work: (runner: QueryRunner) => Promise<T>): Promise<T> {
    if (this.queue !== undefined) {
      return this.queue.run(() => this.sqliteTransaction(work));
    }
    return this.retryingLockConflicts(() => this.mysqlTransaction(work));
  }

  /**
   * MariaDB: runs `work` in one transaction of two round trips (TwoTripTransaction), rolled back when it throws
   * before its commit, and run again like `transaction` when it loses a lock conflict. Needs the pool's
   * `multipleStatements` (data-source-options.ts).
   */
  async twoTripTransaction<T>(work: (transaction: TwoTripTransaction) => Promise<T>): Promise<T> {
    if (this.queue !== undefined) {
      throw new Error('A two-trip transaction is for MariaDB only: SQLite statements make no round trip.');
    }
    return this.retryingLockConflicts(() =>
      this.run(async (runner) => {
        try {
          return await work({
            begin: async (statement) => {
              // Two statements answer an array of two results: START TRANSACTION's header, then the rows.
              const [, rows] = (await runner.query(`START TRANSACTION; ${statement.sql}`, [
                ...statement.parameters,
              ])) as [unknown, unknown];
              return rowsOf(rows);
            },
            commit: async (statements) => {
              await runner.query(joined([...statements, { sql: 'COMMIT', parameters: [] }]), parametersOf(statements));
            },
          });
        } catch (error) {
          // A failed statement of a round trip stops the ones after it, COMMIT included: the transaction is still
          // open on this pooled connection and must end here, not with its next user. ROLLBACK outside a
          // transaction does nothing.
          await runner.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }),
    );
  }

  private async retryingLockConflicts<T>(attemptWork: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await attemptWork();
      } catch (error) {
        if (!isTransientLockConflict(error) || attempt >= MYSQL_TRANSACTION_ATTEMPTS) {
          throw error;
        }
        // Jitter, so that the two victims of one deadlock do not collide again.
        await sleep(MYSQL_RETRY_BASE_DELAY_MS * attempt * (1 + Math.random()));
      }
    }
  }

  private async sqliteTransaction<T>(work: (runner: QueryRunner) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.query('BEGIN IMMEDIATE');
    try {
      const result = await work(runner);
      await runner.query('COMMIT');
      return result;
    } catch (error) {
      // SQLite rolls some failures back by itself; a second ROLLBACK then fails and must not hide the cause.
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  private async mysqlTransaction<T>(work: (runner: QueryRunner) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      const result = await work(runner);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) {
        await runner.rollbackTransaction().catch(() => undefined);
      }
      throw error;
    } finally {
      await runner.release();
    }
  }
}

function joined(statements: readonly SqlStatement[]): string {
  return statements.map(({ sql }) => sql).join('; ');
}

function parametersOf(statements: readonly SqlStatement[]): SqlParameter[] {
  return statements.flatMap(({ parameters }) => [...parameters]);
}

function sqliteQueueFor(dataSource: DataSource): SerialQueue {
  const file: unknown = dataSource.options.database;
  if (typeof file !== 'string' || file === ':memory:') {
    // An in-memory database belongs to its one connection: nothing to share.
    return new SerialQueue();
  }
  let queue = sqliteFileQueues.get(file);
  if (queue === undefined) {
    queue = new SerialQueue();
    sqliteFileQueues.set(file, queue);
  }
  return queue;
}
