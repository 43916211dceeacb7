import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { createDataSource, parseDatabaseUrl, runMigrations } from '@app/persistence';
import type { DatabaseChoice } from './bench-options.js';

/*
 * The database of one bench run: a fresh SQLite file in a temporary folder, or a MariaDB database created for the
 * run and dropped after it. The bench also keeps its own connection to it, to import bank data, fill the usage
 * counter table and count the rows a load wrote.
 */

export interface BenchDatabase {
  readonly choice: DatabaseChoice;
  /** The DATABASE_URL the service is started with. */
  readonly url: string;
  readonly dataSource: DataSource;
  /** The MariaDB server's process when it runs on this machine, so that its CPU time per call is reported. */
  readonly serverPid?: number;
  /** Closes the bench's connection and deletes the file or drops the database. */
  dispose(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
}

/** A database that the service and the bench can open at the same time; migrated here, so the service finds it ready. */
export async function openBenchDatabase(choice: DatabaseChoice, mariadbUrl: string): Promise<BenchDatabase> {
  return choice === 'sqlite' ? openSqlite() : openMariaDb(mariadbUrl);
}

async function openSqlite(): Promise<BenchDatabase> {
  const folder = await mkdtemp(join(tmpdir(), 'consent-ext-bench-'));
  const url = `sqlite:${join(folder, 'bench.sqlite')}`;
  const dataSource = await createDataSource(url);
  await runMigrations(dataSource);
  return {
    choice: 'sqlite',
    url,
    dataSource,
    async dispose() {
      await dataSource.destroy();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

async function openMariaDb(mariadbUrl: string): Promise<BenchDatabase> {
  const config = parseDatabaseUrl(mariadbUrl);
  if (config.kind !== 'mysql') {
    throw new DatabaseUnavailableError(`--mariadb-url must be a mysql:// or mariadb:// URL`);
  }
  const server = {
    host: config.host,
    port: config.port,
    user: config.username,
    ...(config.password === undefined ? {} : { password: config.password }),
  };
  // Backticks cannot appear in the name: parseDatabaseUrl accepts any decoded text, so refuse the one that breaks quoting.
  if (config.database.includes('`')) {
    throw new DatabaseUnavailableError('the bench database name must not contain a backtick');
  }
  const quotedName = `\`${config.database}\``;
  let admin;
  let serverPid: number | undefined;
  try {
    admin = await createConnection({ ...server, connectTimeout: 3000 });
  } catch (error: unknown) {
    throw new DatabaseUnavailableError(
      `no MariaDB reachable at ${config.host}:${config.port} (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  try {
    // A database left over by an interrupted run would carry its rows into this one.
    await admin.query(`DROP DATABASE IF EXISTS ${quotedName}`);
    await admin.query(`CREATE DATABASE ${quotedName} CHARACTER SET utf8mb4`);
    serverPid = LOCAL_HOSTS.has(config.host) ? await localServerPid(admin) : undefined;
  } finally {
    await admin.end();
  }
  const dataSource = await createDataSource(mariadbUrl);
  await runMigrations(dataSource);
  return {
    choice: 'mariadb',
    url: mariadbUrl,
    dataSource,
    ...(serverPid === undefined ? {} : { serverPid }),
    async dispose() {
      await dataSource.destroy();
      const cleaner = await createConnection(server);
      try {
        await cleaner.query(`DROP DATABASE IF EXISTS ${quotedName}`);
      } finally {
        await cleaner.end();
      }
    },
  };
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);
const SERVER_COMMANDS = new Set(['mariadbd', 'mysqld']);

/** The process of a MariaDB on this machine, from the pid file it names; undefined when it cannot be read. */
async function localServerPid(admin: Awaited<ReturnType<typeof createConnection>>): Promise<number | undefined> {
  try {
    const [rows] = await admin.query('SELECT @@pid_file AS pidFile');
    const pidFile: unknown = Array.isArray(rows) ? (rows[0] as { pidFile?: unknown } | undefined)?.pidFile : undefined;
    if (typeof pidFile !== 'string') {
      return undefined;
    }
    const pid = Number((await readFile(pidFile, 'utf8')).trim());
    // A pid file left by another server, or a recycled pid, names some other process: check it is a database server.
    const command = (await readFile(`/proc/${pid}/comm`, 'utf8')).trim();
    return Number.isInteger(pid) && SERVER_COMMANDS.has(command) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** `SELECT COUNT(*)` with parameters, as a number on both drivers (MariaDB returns a string for BIGINT counts). */
export async function countRows(
  dataSource: DataSource,
  sql: string,
  parameters: readonly unknown[] = [],
): Promise<number> {
  const rows: unknown = await dataSource.query(sql, [...parameters]);
  const first: unknown = Array.isArray(rows) ? rows[0] : undefined;
  const value: unknown = typeof first === 'object' && first !== null ? Object.values(first)[0] : undefined;
  const count = Number(value);
  if (!Number.isFinite(count)) {
    throw new Error(`count query returned ${JSON.stringify(rows)}`);
  }
  return count;
}
