import type { QueryRunner } from 'typeorm';
import { execute, selectRows, type SqlParameter, type SqlRow } from './sql-rows.js';

/**
 * The two things a batch writer asks of a connection, whoever holds it: a TypeORM query runner on the service's
 * thread, or the SQLite writer thread's own connection (sqlite-writer.thread.ts). The same writing code then runs on
 * both, so that the rules (locks, statements, decisions) cannot differ between the paths.
 */
export interface SqlStatements {
  select(sql: string, parameters: readonly SqlParameter[]): Promise<readonly SqlRow[]>;
  /** Runs a statement that writes; returns how many rows it changed. */
  execute(sql: string, parameters: readonly SqlParameter[]): Promise<number>;
}

export function runnerStatements(runner: QueryRunner): SqlStatements {
  return {
    select: (sql, parameters) => selectRows(runner, sql, parameters),
    execute: (sql, parameters) => execute(runner, sql, parameters),
  };
}

/** One statement and its parameters, to be sent with others in one round trip. */
export interface SqlStatement {
  readonly sql: string;
  readonly parameters: readonly SqlParameter[];
}

/**
 * A MariaDB transaction in two round trips (SqlGateway.twoTripTransaction): START TRANSACTION goes with the first
 * statement, COMMIT with the last ones, so that locks taken by the first are held for one round trip and the
 * decision made between them, not for one round trip per statement.
 */
export interface TwoTripTransaction {
  /** Begins the transaction and runs `statement` in the same round trip; its rows. */
  begin(statement: SqlStatement): Promise<readonly SqlRow[]>;
  /** Runs `statements` and commits in one round trip. */
  commit(statements: readonly SqlStatement[]): Promise<void>;
}
