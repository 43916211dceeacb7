import { describeDatabase, InvalidDatabaseUrlError, parseDatabaseUrl } from './database-url.js';

const CWD = '/srv/consent';

describe('parseDatabaseUrl', () => {
  it.each([undefined, '', '   '])('uses the default SQLite file when DATABASE_URL is %p', (value) => {
    expect(parseDatabaseUrl(value, CWD)).toEqual({
      kind: 'sqlite',
      file: '/srv/consent/data/consent-extensions.sqlite',
    });
  });

  it('resolves a relative SQLite path against the working directory', () => {
    expect(parseDatabaseUrl('sqlite:var/db/consents.sqlite', CWD)).toEqual({
      kind: 'sqlite',
      file: '/srv/consent/var/db/consents.sqlite',
    });
    expect(parseDatabaseUrl('sqlite:./consents.sqlite', CWD)).toEqual({
      kind: 'sqlite',
      file: '/srv/consent/consents.sqlite',
    });
  });

  it('keeps an absolute SQLite path and the in-memory form', () => {
    expect(parseDatabaseUrl('sqlite:/var/lib/consents.sqlite', CWD)).toEqual({
      kind: 'sqlite',
      file: '/var/lib/consents.sqlite',
    });
    expect(parseDatabaseUrl('sqlite::memory:', CWD)).toEqual({ kind: 'sqlite', file: ':memory:' });
  });

  it('reads a mysql:// URL, percent-decoding the user and the password', () => {
    expect(parseDatabaseUrl('mysql://consent%40app:p%40ss%3Aw%2Frd%25@db.internal:3307/consents')).toEqual({
      kind: 'mysql',
      host: 'db.internal',
      port: 3307,
      username: 'consent@app',
      password: 'p@ss:w/rd%',
      database: 'consents',
    });
  });

  it('reads a mariadb:// URL, with the default port and no password', () => {
    expect(parseDatabaseUrl('mariadb://root@127.0.0.1/consent_ext')).toEqual({
      kind: 'mysql',
      host: '127.0.0.1',
      port: 3306,
      username: 'root',
      password: undefined,
      database: 'consent_ext',
    });
  });

  it('accepts an IPv6 host', () => {
    expect(parseDatabaseUrl('mysql://app:secret@[::1]:3306/consents')).toMatchObject({ host: '::1', port: 3306 });
  });

  it.each([
    ['postgres://u:p@host/db', 'unsupported scheme'],
    ['consents.sqlite', 'unsupported scheme'],
    ['sqlite:', 'empty SQLite path'],
    ['sqlite://host/file.sqlite', 'starting with "//"'],
    ['mysql://host/db', 'no user name'],
    ['mysql://u:p@host', 'exactly one database'],
    ['mysql://u:p@host/', 'exactly one database'],
    ['mysql://u:p@host/a/b', 'exactly one database'],
    ['mysql://u:p@host/db?ssl=true', 'query parameters'],
    ['mysql://u:p@host:99999/db', 'not a valid URL'],
    ['mysql://u:%E0%A4%A@host/db', 'badly percent-encoded password'],
  ])('refuses %p (%s), naming DATABASE_URL and the accepted forms', (value, problem) => {
    const parse = () => parseDatabaseUrl(value, CWD);

    expect(parse).toThrow(InvalidDatabaseUrlError);
    expect(parse).toThrow(problem);
    expect(parse).toThrow(/^DATABASE_URL .*Accepted forms: unset .*sqlite:.*sqlite::memory:.*mysql:\/\/.*mariadb:\/\//);
  });

  it('never repeats a password in its error message', () => {
    expect(() => parseDatabaseUrl('mysql://user:hunter2@host/db?x=1')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
  });
});

describe('describeDatabase', () => {
  it('describes a database for the logs without its password', () => {
    expect(describeDatabase(parseDatabaseUrl('mysql://app%40x:hunter2@db:3306/consents'))).toBe(
      'mysql://app%40x@db:3306/consents',
    );
    expect(describeDatabase(parseDatabaseUrl('sqlite:/var/lib/c.sqlite'))).toBe('sqlite:/var/lib/c.sqlite');
  });
});
