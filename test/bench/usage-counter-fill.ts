import type { DataSource } from 'typeorm';

/*
 * Fills the usage-counter table with rows of no real consent, as a long-running deployment would hold, to show that
 * a counter lookup does not slow down with the table's size; then removes exactly those rows.
 */

export const FILL_ROWS = 1_000_000;
const FILL_KEY_PREFIX = 'bench-fill:';
/** Rows per INSERT: four values a row, well within the statement limits of SQLite and MariaDB. */
const ROWS_PER_STATEMENT = 500;

/** One multi-row INSERT of rows `[first, first + count)`; keys are generated here, so literals are safe. */
export function fillStatement(first: number, count: number, updatedAt: number): string {
  const rows: string[] = [];
  for (let index = first; index < first + count; index += 1) {
    rows.push(`('${FILL_KEY_PREFIX}${index}','total',${index % 100},${updatedAt})`);
  }
  return `INSERT INTO usage_counter (counter_key, period_key, used, updated_at) VALUES ${rows.join(',')}`;
}

export async function fillUsageCounters(dataSource: DataSource, rows: number = FILL_ROWS): Promise<void> {
  const updatedAt = Date.now();
  await dataSource.transaction(async (manager) => {
    for (let first = 0; first < rows; first += ROWS_PER_STATEMENT) {
      await manager.query(fillStatement(first, Math.min(ROWS_PER_STATEMENT, rows - first), updatedAt));
    }
  });
}

export async function emptyFilledUsageCounters(dataSource: DataSource): Promise<void> {
  await dataSource.query(`DELETE FROM usage_counter WHERE counter_key LIKE '${FILL_KEY_PREFIX}%'`);
}
