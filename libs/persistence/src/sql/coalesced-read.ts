import { BatchQueue } from './batch-queue.js';
import { selectPrepared } from './select-prepared.js';
import type { SqlGateway } from './sql-gateway.js';
import { selectRows, type SqlRow } from './sql-rows.js';

// Apart from sql-rows.ts, which the SQLite writer thread loads: this file brings TypeORM at run time (selectPrepared).

/** A read of the rows that belong to one key (a customer, an account, a consent): the key's columns equal its parts. */
export interface KeyedReadStatement {
  /** The select list: `a.account_id, a.display_name`. */
  readonly columns: string;
  /** The table and its joins: `bank_account a INNER JOIN bank_account_holder h ON h.account_id = a.account_id`. */
  readonly from: string;
  /** The columns the key's parts equal, in the key's order: `['h.user_id']`. */
  readonly keyColumns: readonly string[];
}

/** The key of one read, its parts in the order of `keyColumns`. */
export type ReadKey = readonly string[];

/**
 * How many keys one statement asks for, padded up to the next of these by repeating a key: a statement's text depends
 * on its number of keys, and each text is a server-side prepared statement on every pooled connection (4 per read,
 * against MYSQL_PREPARED_STATEMENTS_PER_CONNECTION).
 */
const KEYS_PER_STATEMENT = [1, 4, 16, 64] as const;
const MAX_KEYS = KEYS_PER_STATEMENT[KEYS_PER_STATEMENT.length - 1];

/** The alias of a key part in the batched statement's rows. */
const keyAlias = (index: number): string => `coalesced_key_${index}`;

/**
 * Keys compare exactly: a key of one part (a customer, an account, a consent) as itself, with no JSON per call and row,
 * one of several parts as the JSON of its parts, which cannot make two different keys one.
 */
const idOf = (key: readonly unknown[]): unknown => (key.length === 1 ? key[0] : JSON.stringify(key));

/**
 * A hot read by key, asked by many calls at once (the customer's accounts of every consent page, a consent's facts
 * of every UAE authorization request). On MariaDB a round trip, not the statement, is what costs: the calls that ask
 * while one statement is out go together in the next one, `WHERE (key columns) IN (…)`, each call then taking the
 * rows of its own key. Measured alone (the consent page's read, 1,000 customers, 50 concurrent callers): 18,500 ->
 * 47,000 reads/s, the service's CPU 44 -> 12 µs and MariaDB's 56 -> 11 µs per read.
 *
 * A row belongs to a key when its key columns hold exactly the key's parts, compared here as JavaScript strings:
 * MariaDB's comparison in the statement is wider (its collations ignore trailing spaces, `abc` = `abc `), and exact
 * is what SQLite answers for the single read. SQLite is read in the calling thread, one statement per call: there is
 * no round trip to share.
 */
export class CoalescedRead {
  private readonly single: string;
  private readonly batches: BatchQueue<ReadKey, readonly SqlRow[]> | undefined;

  constructor(
    private readonly gateway: SqlGateway,
    private readonly statement: KeyedReadStatement,
  ) {
    this.single = `SELECT ${statement.columns} FROM ${statement.from} WHERE ${statement.keyColumns.map((column) => `${column} = ?`).join(' AND ')}`;
    // A read that fails fails for all its keys (the database, not one key): no retry key by key.
    this.batches =
      gateway.kind === 'sqlite' ? undefined : new BatchQueue((keys) => this.readBatch(keys), MAX_KEYS, 'fail-all');
  }

  /** The rows of one key. */
  rowsOf(key: ReadKey): Promise<readonly SqlRow[]> {
    if (key.length !== this.statement.keyColumns.length) {
      return Promise.reject(
        new RangeError(`A key of this read has ${this.statement.keyColumns.length} parts, not ${key.length}.`),
      );
    }
    if (this.batches === undefined) {
      return this.gateway.run((runner) => selectRows(runner, this.single, key));
    }
    return this.batches.push(key);
  }

  private async readBatch(keys: readonly ReadKey[]): Promise<(readonly SqlRow[])[]> {
    const distinct = [...new Map(keys.map((key) => [idOf(key), key])).values()];
    const count = KEYS_PER_STATEMENT.find((size) => size >= distinct.length) ?? MAX_KEYS;
    const asked = [...distinct, ...Array.from({ length: count - distinct.length }, () => distinct[0])];
    const rows = await this.gateway.run((runner) => selectPrepared(runner, this.batchSql(count), asked.flat()));
    const rowsByKey = new Map<unknown, SqlRow[]>();
    for (const row of rows) {
      const id = idOf(this.statement.keyColumns.map((_column, index) => row[keyAlias(index)]));
      const owned = rowsByKey.get(id);
      if (owned === undefined) {
        rowsByKey.set(id, [row]);
      } else {
        owned.push(row);
      }
    }
    return keys.map((key) => rowsByKey.get(idOf(key)) ?? []);
  }

  private batchSql(count: number): string {
    const { columns, from, keyColumns } = this.statement;
    const keys = keyColumns.map((column, index) => `${column} AS ${keyAlias(index)}`).join(', ');
    const tuple = `(${keyColumns.map(() => '?').join(', ')})`;
    const compared = keyColumns.length === 1 ? keyColumns[0] : `(${keyColumns.join(', ')})`;
    const list = Array.from({ length: count }, () => (keyColumns.length === 1 ? '?' : tuple)).join(', ');
    return `SELECT ${keys}, ${columns} FROM ${from} WHERE ${compared} IN (${list})`;
  }
}
