import { QueryFailedError, type QueryRunner } from 'typeorm';
import { databaseKindOf } from './database-kind.js';
import { rowsOf, selectRows, type SqlParameter, type SqlRow } from './sql-rows.js';

// Apart from sql-rows.ts, which the SQLite writer thread loads: this file brings TypeORM at run time.

/** The part of a mysql2 pooled connection selectPrepared uses (TypeORM's MySQL runner holds one). */
interface PreparingConnection {
  promise(): { execute(sql: string, parameters: SqlParameter[]): Promise<[unknown, unknown]> };
}

/**
 * A read whose text is fixed (its parameters change, never its SQL or their number), asked on the hot path: on
 * MariaDB a server-side prepared statement (mysql2's `execute`, kept per pooled connection, data-source-options.ts
 * bounds how many), so that the server parses it once per connection instead of once per call. On the consent
 * screen's query that is 113 -> 80 µs of MariaDB CPU and 65-96 -> 53-59 µs of the service's per call (measured alone,
 * 20,000 queries at 50 concurrent). SQLite statements are prepared and cached by the driver already: selectRows.
 * Statements whose text varies with their input (IN lists) stay on selectRows, or each size would be prepared, unless
 * their sizes are few, as CoalescedRead pads them.
 */
export async function selectPrepared(
  runner: QueryRunner,
  sql: string,
  parameters: readonly SqlParameter[],
): Promise<readonly SqlRow[]> {
  if (databaseKindOf(runner.connection) === 'sqlite') {
    return selectRows(runner, sql, parameters);
  }
  const connection = (await runner.connect()) as PreparingConnection;
  const values = [...parameters];
  // Through the DataSource's logger as TypeORM's own statements go, so that its logging settings still see every one.
  const { logger } = runner.connection;
  logger.logQuery(sql, values, runner);
  try {
    const [records] = await connection.promise().execute(sql, values);
    return rowsOf(records);
  } catch (error) {
    logger.logQueryError(error as Error, sql, values, runner);
    // As TypeORM reports a failed statement, so that driver-errors.ts and the callers read it alike.
    throw new QueryFailedError(sql, values, error as Error);
  }
}
