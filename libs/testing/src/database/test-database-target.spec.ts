import { resolveTestDatabaseTarget, testDatabaseKind } from './test-database-target.js';

describe('resolveTestDatabaseTarget', () => {
  it('uses SQLite when TEST_DATABASE_URL is unset or empty', () => {
    expect(resolveTestDatabaseTarget({})).toEqual({ kind: 'sqlite' });
    expect(resolveTestDatabaseTarget({ TEST_DATABASE_URL: ' ' })).toEqual({ kind: 'sqlite' });
    expect(testDatabaseKind({})).toBe('sqlite');
  });

  it('gives each Jest worker its own MariaDB database', () => {
    const target = resolveTestDatabaseTarget({
      TEST_DATABASE_URL: 'mysql://root@127.0.0.1:3306/consent_ext_test',
      JEST_WORKER_ID: '3',
    });

    expect(target).toEqual({
      kind: 'mysql',
      database: 'consent_ext_test_w3',
      databaseUrl: 'mysql://root@127.0.0.1:3306/consent_ext_test_w3',
      server: { host: '127.0.0.1', port: 3306, user: 'root', password: undefined },
    });
    expect(testDatabaseKind({ TEST_DATABASE_URL: 'mariadb://u:p%40ss@db/test_db' })).toBe('mysql');
  });

  it('keeps the credentials, decoded for the server and encoded in the URL', () => {
    expect(
      resolveTestDatabaseTarget({ TEST_DATABASE_URL: 'mariadb://app:p%40ss@db/test_db', JEST_WORKER_ID: '1' }),
    ).toMatchObject({
      databaseUrl: 'mariadb://app:p%40ss@db/test_db_w1',
      server: { host: 'db', port: 3306, user: 'app', password: 'p@ss' },
    });
  });

  it.each([
    ['mysql://root@127.0.0.1/consent_ext', 'must contain "test"'],
    ['mysql://root@127.0.0.1/production', 'must contain "test"'],
    ['mysql://root@127.0.0.1/test-db', 'letters, digits and "_"'],
    ['mysql://root@127.0.0.1/', 'letters, digits and "_"'],
    ['postgres://root@127.0.0.1/test', 'must be unset (SQLite) or mysql://'],
  ])('refuses %s', (url, message) => {
    expect(() => resolveTestDatabaseTarget({ TEST_DATABASE_URL: url })).toThrow(message);
  });
});
