import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataSource, runMigrations } from '@app/persistence';
import { createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { resolveTestDatabaseTarget, type TestDatabaseKind, type TestDatabaseTarget } from './test-database-target.js';

export interface TestDatabase {
  /** Initialised, migrated and empty. */
  readonly dataSource: DataSource;
  /** A DATABASE_URL for the same database, e.g. to boot the application on it. */
  readonly databaseUrl: string;
  readonly kind: TestDatabaseKind;
  /** Closes the DataSource; a SQLite file is deleted, a MariaDB database kept for the next test file. */
  close(): Promise<void>;
}

/**
 * A database for one test file, set up by the real migrations (never `synchronize`, so that tests run against the
 * schema production gets). Test files of one Jest worker run one after another and share the worker's MariaDB
 * database, which is emptied here: do not keep two of them open at once in one worker.
 */
export async function createTestDataSource(): Promise<TestDatabase> {
  const target = resolveTestDatabaseTarget();
  return target.kind === 'sqlite' ? createSqliteTestDatabase() : createMysqlTestDatabase(target);
}

async function createSqliteTestDatabase(): Promise<TestDatabase> {
  const directory = await mkdtemp(join(tmpdir(), 'consent-ext-test-'));
  const databaseUrl = `sqlite:${join(directory, 'test.sqlite')}`;
  try {
    const dataSource = await createDataSource(databaseUrl);
    await runMigrations(dataSource);
    return {
      dataSource,
      databaseUrl,
      kind: 'sqlite',
      close: async () => {
        await dataSource.destroy();
        await rm(directory, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
}

async function createMysqlTestDatabase(target: Extract<TestDatabaseTarget, { kind: 'mysql' }>): Promise<TestDatabase> {
  await ensureDatabase(target, false);
  let dataSource = await createDataSource(target.databaseUrl);
  try {
    await runMigrations(dataSource);
  } catch {
    // A test that reverts migrations and then failed can leave a half-built schema: a test database is disposable.
    await dataSource.destroy();
    await ensureDatabase(target, true);
    dataSource = await createDataSource(target.databaseUrl);
    await runMigrations(dataSource);
  }
  await emptyTables(dataSource);
  return { dataSource, databaseUrl: target.databaseUrl, kind: 'mysql', close: () => dataSource.destroy() };
}

async function ensureDatabase(
  target: Extract<TestDatabaseTarget, { kind: 'mysql' }>,
  recreate: boolean,
): Promise<void> {
  const connection = await createConnection({ ...target.server });
  try {
    if (recreate) {
      await connection.query(`DROP DATABASE IF EXISTS \`${target.database}\``);
    }
    // The server's default collation on purpose: the migration must not depend on how the database was created.
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${target.database}\` CHARACTER SET utf8mb4`);
  } finally {
    await connection.end();
  }
}

async function emptyTables(dataSource: DataSource): Promise<void> {
  // TRUNCATE ignores foreign keys only with the checks off, and that setting belongs to one connection.
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SET FOREIGN_KEY_CHECKS = 0');
    for (const { tableName } of dataSource.entityMetadatas) {
      await runner.query(`TRUNCATE TABLE \`${tableName}\``);
    }
  } finally {
    await runner.query('SET FOREIGN_KEY_CHECKS = 1');
    await runner.release();
  }
}
