import type { DataSourceOptions } from 'typeorm';
import { parseDatabaseUrl, type DatabaseConfig } from './database-url.js';
import { PERSISTENT_ENTITIES } from './entities/persistent-entities.js';
import { InitialSchema1763683200000 } from './migrations/1763683200000-initial-schema.js';
import { ExactUsageEventKeys1796700000000 } from './migrations/1796700000000-exact-usage-event-keys.js';
import { ConsentFacts1796800000000 } from './migrations/1796800000000-consent-facts.js';
import { ExactRequestKeys1796600000000 } from './migrations/1796600000000-exact-request-keys.js';
import { BankAccountBalances1796900000000 } from './migrations/1796900000000-bank-account-balances.js';

/** Every migration, in order, listed as classes: the ESM build cannot load migrations by file glob. */
export const PERSISTENCE_MIGRATIONS = [
  InitialSchema1763683200000,
  ExactRequestKeys1796600000000,
  ExactUsageEventKeys1796700000000,
  ConsentFacts1796800000000,
  BankAccountBalances1796900000000,
] as const;

/** How long a SQLite writer waits for another one (another process, with WAL) before failing with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;
/** Connections to MySQL/MariaDB per instance, unless DATABASE_POOL_SIZE says otherwise. */
export const MYSQL_POOL_SIZE = 10;
/** Server-side prepared statements kept per MySQL/MariaDB connection (select-prepared.ts). */
export const MYSQL_PREPARED_STATEMENTS_PER_CONNECTION = 32;

export interface ConnectionTuning {
  /** MySQL/MariaDB connections of this instance. */
  readonly poolSize?: number;
}

/** TypeORM options for DATABASE_URL (see parseDatabaseUrl for the accepted forms). */
export function buildDataSourceOptions(
  databaseUrl: string | undefined,
  tuning: ConnectionTuning = {},
): DataSourceOptions {
  return dataSourceOptionsFor(parseDatabaseUrl(databaseUrl), tuning);
}

export function dataSourceOptionsFor(config: DatabaseConfig, tuning: ConnectionTuning = {}): DataSourceOptions {
  const common = {
    entities: [...PERSISTENT_ENTITIES],
    migrations: [...PERSISTENCE_MIGRATIONS],
    // The schema only ever changes through migrations, which the application runs explicitly at boot.
    synchronize: false,
    migrationsRun: false,
    // A lost race on a unique key is an expected answer here, not an error to print; the repositories log.
    logging: false,
  };
  if (config.kind === 'sqlite') {
    return {
      ...common,
      type: 'better-sqlite3',
      database: config.file,
      // WAL lets readers run beside the writer; the busy timeout makes concurrent writers wait instead of failing.
      enableWAL: true,
      timeout: SQLITE_BUSY_TIMEOUT_MS,
      // In WAL mode NORMAL stays consistent and survives a crash of the process; only a power cut can lose the last
      // commits (idempotency records of the last moments, which a retry then recomputes). FULL fsyncs every commit
      // and costs up to 50x per write on virtual disks.
      prepareDatabase: (database: { pragma(source: string): unknown }) => {
        database.pragma('synchronous = NORMAL');
      },
    };
  }
  return {
    ...common,
    type: 'mysql',
    host: config.host,
    port: config.port,
    username: config.username,
    ...(config.password === undefined ? {} : { password: config.password }),
    database: config.database,
    poolSize: tuning.poolSize ?? MYSQL_POOL_SIZE,
    charset: 'utf8mb4',
    timezone: 'Z',
    // BIGINT columns hold amounts in minor units: read them as exact decimal strings, never as rounded numbers.
    supportBigNumbers: true,
    bigNumberStrings: true,
    // mysql2 asks the server for "found" rather than "changed" rows by default, which makes a refused conditional
    // upsert (row found, nothing changed) look like an insert. Counters rely on "changed".
    flags: ['-FOUND_ROWS'],
    // A counted batch sends START TRANSACTION with its read and COMMIT with its writes: two round trips instead of
    // five (SqlGateway.twoTripTransaction). Every statement of the service passes its values as parameters, which
    // mysql2 escapes; no value ever becomes SQL text, so allowing several statements per query lets no input add one.
    multipleStatements: true,
    extra: {
      // mysql2 captures a stack trace for every statement (3-4% of the service's CPU on MariaDB, test/bench/README.md)
      // only to show the caller in a failed statement's stack. A failure keeps its code and message, which is what
      // driver-errors.ts reads, and TypeORM's QueryFailedError names the statement.
      trace: false,
      // The statements selectPrepared prepares on the server, per pooled connection (least recently used closed
      // first): the hot reads of CoalescedRead, 20 texts (five reads, four batch sizes), below this; the bound keeps the server's max_prepared_stmt_count (16,382
      // by default, for all clients together) out of reach of any number of instances a bank runs.
      maxPreparedStatements: MYSQL_PREPARED_STATEMENTS_PER_CONNECTION,
    },
  };
}
