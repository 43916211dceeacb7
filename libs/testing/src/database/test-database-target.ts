/** Where the tests of this process keep their data, decided by TEST_DATABASE_URL. */
export type TestDatabaseTarget =
  | { readonly kind: 'sqlite' }
  | {
      readonly kind: 'mysql';
      /** The database this Jest worker owns. */
      readonly database: string;
      /** DATABASE_URL form of that database. */
      readonly databaseUrl: string;
      /** The same server and credentials, without a database, to create it. */
      readonly server: {
        readonly host: string;
        readonly port: number;
        readonly user: string;
        readonly password: string | undefined;
      };
    };

export type TestDatabaseKind = TestDatabaseTarget['kind'];

type Env = Readonly<Record<string, string | undefined>>;

const DATABASE_NAME = /^[A-Za-z0-9_]+$/;
const MYSQL_MAX_NAME_LENGTH = 64;

/**
 * Unset: SQLite. `mysql://user:password@host:port/name` (or mariadb://): the database `name_w<JEST_WORKER_ID>`, so
 * that parallel Jest workers never share tables. A name without "test" is refused: the helper empties tables, and
 * pointing it at a real database by mistake must not be possible.
 */
export function resolveTestDatabaseTarget(env: Env = process.env): TestDatabaseTarget {
  const value = env['TEST_DATABASE_URL']?.trim() ?? '';
  if (value === '') {
    return { kind: 'sqlite' };
  }
  if (!value.startsWith('mysql://') && !value.startsWith('mariadb://')) {
    throw new Error('TEST_DATABASE_URL must be unset (SQLite) or mysql://user:password@host:port/name_with_test.');
  }
  const url = new URL(value);
  const baseName = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!DATABASE_NAME.test(baseName)) {
    throw new Error(`TEST_DATABASE_URL must name one database made of letters, digits and "_"; got "${baseName}".`);
  }
  if (!baseName.toLowerCase().includes('test')) {
    throw new Error(
      `Refusing database "${baseName}": a test database's name must contain "test", since its tables are emptied.`,
    );
  }
  const database = `${baseName}_w${env['JEST_WORKER_ID'] ?? '1'}`;
  if (database.length > MYSQL_MAX_NAME_LENGTH) {
    throw new Error(`Test database name "${database}" is longer than ${MYSQL_MAX_NAME_LENGTH} characters.`);
  }
  const workerUrl = new URL(value);
  workerUrl.pathname = `/${database}`;
  return {
    kind: 'mysql',
    database,
    databaseUrl: workerUrl.toString(),
    server: {
      host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: url.port === '' ? 3306 : Number(url.port),
      user: decodeURIComponent(url.username),
      password: url.password === '' ? undefined : decodeURIComponent(url.password),
    },
  };
}

/** Which database the tests run on, for tests that check database-specific behaviour. */
export function testDatabaseKind(env: Env = process.env): TestDatabaseKind {
  return resolveTestDatabaseTarget(env).kind;
}
