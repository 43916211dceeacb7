import { isAbsolute, resolve } from 'node:path';

/** Where the service keeps its data when DATABASE_URL is not set: a SQLite file beside the working directory. */
export const DEFAULT_SQLITE_FILE = './data/consent-extensions.sqlite';

const MYSQL_DEFAULT_PORT = 3306;
const SQLITE_MEMORY = ':memory:';

export interface SqliteDatabaseConfig {
  readonly kind: 'sqlite';
  /** Absolute file path, or `:memory:`. */
  readonly file: string;
}

export interface MysqlDatabaseConfig {
  readonly kind: 'mysql';
  readonly host: string;
  readonly port: number;
  readonly username: string;
  readonly password: string | undefined;
  readonly database: string;
}

export type DatabaseConfig = SqliteDatabaseConfig | MysqlDatabaseConfig;

const ACCEPTED_FORMS =
  'unset (SQLite file ' +
  DEFAULT_SQLITE_FILE +
  '), sqlite:<relative or absolute path>, sqlite::memory:, mysql://user:password@host:port/database or mariadb://user:password@host:port/database';

/** The one error type for a bad DATABASE_URL; the message never repeats the URL because it may hold a password. */
export class InvalidDatabaseUrlError extends Error {
  override readonly name = 'InvalidDatabaseUrlError';

  constructor(problem: string) {
    super(`DATABASE_URL ${problem}. Accepted forms: ${ACCEPTED_FORMS}.`);
  }
}

/**
 * Reads DATABASE_URL. Relative SQLite paths are resolved against `workingDirectory` now, so that the service keeps
 * using the same file whatever directory a later library call runs from.
 */
export function parseDatabaseUrl(
  databaseUrl: string | undefined,
  workingDirectory: string = process.cwd(),
): DatabaseConfig {
  const value = databaseUrl?.trim() ?? '';
  if (value === '') {
    return { kind: 'sqlite', file: resolve(workingDirectory, DEFAULT_SQLITE_FILE) };
  }
  if (value.startsWith('sqlite:')) {
    return parseSqliteUrl(value.slice('sqlite:'.length), workingDirectory);
  }
  if (value.startsWith('mysql://') || value.startsWith('mariadb://')) {
    return parseMysqlUrl(value);
  }
  throw new InvalidDatabaseUrlError('has an unsupported scheme');
}

/** A description for logs: everything but the password. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.kind === 'sqlite') {
    return `sqlite:${config.file}`;
  }
  return `mysql://${encodeURIComponent(config.username)}@${config.host}:${config.port}/${config.database}`;
}

function parseSqliteUrl(path: string, workingDirectory: string): SqliteDatabaseConfig {
  if (path === SQLITE_MEMORY) {
    return { kind: 'sqlite', file: SQLITE_MEMORY };
  }
  if (path === '') {
    throw new InvalidDatabaseUrlError('has an empty SQLite path');
  }
  // "sqlite://x" reads like a URL with a host; refusing it avoids silently writing to "/x".
  if (path.startsWith('//')) {
    throw new InvalidDatabaseUrlError(
      'has a SQLite path starting with "//"; write sqlite:/absolute/path or sqlite:relative/path',
    );
  }
  return { kind: 'sqlite', file: isAbsolute(path) ? path : resolve(workingDirectory, path) };
}

function parseMysqlUrl(value: string): MysqlDatabaseConfig {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidDatabaseUrlError('is not a valid URL');
  }
  if (url.hostname === '') {
    throw new InvalidDatabaseUrlError('has no host');
  }
  if (url.search !== '' || url.hash !== '') {
    throw new InvalidDatabaseUrlError('has query parameters or a fragment, which are not supported');
  }
  const database = decodeComponent(url.pathname.replace(/^\//, ''), 'database name');
  if (database === '' || database.includes('/')) {
    throw new InvalidDatabaseUrlError('must name exactly one database in its path');
  }
  const username = decodeComponent(url.username, 'user name');
  if (username === '') {
    throw new InvalidDatabaseUrlError('has no user name');
  }
  return {
    kind: 'mysql',
    // WHATWG URL keeps the brackets of an IPv6 literal; the driver wants the bare address.
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port === '' ? MYSQL_DEFAULT_PORT : Number(url.port),
    username,
    password: url.password === '' ? undefined : decodeComponent(url.password, 'password'),
    database,
  };
}

function decodeComponent(component: string, what: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    throw new InvalidDatabaseUrlError(`has a badly percent-encoded ${what}`);
  }
}
