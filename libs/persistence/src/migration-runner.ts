import { createHash } from 'node:crypto';
import { MigrationExecutor, type DataSource } from 'typeorm';
import { databaseKindOf } from './sql/database-kind.js';

/** Seconds a booting instance waits for another one that is migrating the same MariaDB database. */
const MIGRATION_LOCK_TIMEOUT_SECONDS = 120;

/** Applies the pending migrations, each in its own transaction, and returns the names of those it applied. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  return withMigrationLock(dataSource, async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  });
}

/** Reverts the last applied migration and returns its name, or undefined when none was applied. */
export async function revertLastMigration(dataSource: DataSource): Promise<string | undefined> {
  return withMigrationLock(dataSource, async () => {
    const [latest] = await new MigrationExecutor(dataSource).getExecutedMigrations();
    if (latest === undefined) {
      return undefined;
    }
    await dataSource.undoLastMigration({ transaction: 'each' });
    return latest.name;
  });
}

/**
 * Several instances may boot at once against one MariaDB database, and TypeORM does not lock its migrations table:
 * a named server lock makes them migrate one after the other. SQLite needs none (one host, and the file is locked).
 */
async function withMigrationLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  if (databaseKindOf(dataSource) !== 'mysql') {
    return work();
  }
  // GET_LOCK names are server-wide and limited to 64 characters: derive one from the database name.
  const databaseName: unknown = dataSource.options.database;
  const lockName = `consent_ext_migrations_${createHash('sha256').update(String(databaseName)).digest('hex').slice(0, 32)}`;
  // The lock belongs to a connection: hold one for the whole run.
  const lockHolder = dataSource.createQueryRunner();
  try {
    const rows: unknown = await lockHolder.query('SELECT GET_LOCK(?, ?) AS acquired', [
      lockName,
      MIGRATION_LOCK_TIMEOUT_SECONDS,
    ]);
    if (!Array.isArray(rows) || Number((rows[0] as { acquired?: unknown } | undefined)?.acquired) !== 1) {
      throw new Error(
        `Another instance kept the migration lock for more than ${MIGRATION_LOCK_TIMEOUT_SECONDS} s; try again.`,
      );
    }
    try {
      return await work();
    } finally {
      await lockHolder.query('SELECT RELEASE_LOCK(?)', [lockName]);
    }
  } finally {
    await lockHolder.release();
  }
}
