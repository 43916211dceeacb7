import type { QueryRunner } from 'typeorm';

export type SqlRow = Readonly<Record<string, unknown>>;
export type SqlParameter = string | number | bigint | boolean | null;

/** Runs a statement that writes and returns how many rows it changed (both drivers report "changed" rows). */
export async function execute(runner: QueryRunner, sql: string, parameters: readonly SqlParameter[]): Promise<number> {
  const result = await runner.query(sql, [...parameters], true);
  return result.affected ?? 0;
}

export async function selectRows(
  runner: QueryRunner,
  sql: string,
  parameters: readonly SqlParameter[],
): Promise<readonly SqlRow[]> {
  const result = await runner.query(sql, [...parameters], true);
  return rowsOf(result.records);
}

/** The rows of a driver's answer: its records that are objects (an answer that is no list has none). */
export function rowsOf(records: unknown): SqlRow[] {
  return Array.isArray(records)
    ? records.filter((record: unknown): record is SqlRow => typeof record === 'object' && record !== null)
    : [];
}

export function textColumn(row: SqlRow, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') {
    throw new TypeError(`Column ${column} holds ${typeof value}, not text.`);
  }
  return value;
}

export function nullableTextColumn(row: SqlRow, column: string): string | null {
  return row[column] === null ? null : textColumn(row, column);
}

/** SQLite returns integers as numbers, MariaDB's BIGINT as exact strings; both become bigint. */
export function bigintColumn(row: SqlRow, column: string): bigint {
  const value = row[column];
  if (typeof value === 'bigint') {
    return value;
  }
  if ((typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^-?\d+$/.test(value))) {
    return BigInt(value);
  }
  throw new TypeError(`Column ${column} holds ${typeof value}, not an integer.`);
}

export function integerColumn(row: SqlRow, column: string): number {
  const value = bigintColumn(row, column);
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`Column ${column} holds ${value}, beyond a safe JavaScript number.`);
  }
  return Number(value);
}

export function nullableIntegerColumn(row: SqlRow, column: string): number | null {
  return row[column] === null ? null : integerColumn(row, column);
}
