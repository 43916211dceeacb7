import { buildDataSourceOptions, PERSISTENCE_MIGRATIONS } from './data-source-options.js';
import { PERSISTENT_ENTITIES } from './entities/persistent-entities.js';

describe('buildDataSourceOptions', () => {
  it('lists every entity and migration as classes and never synchronises nor migrates by itself', () => {
    const options = buildDataSourceOptions('sqlite::memory:');

    expect(options.entities).toEqual([...PERSISTENT_ENTITIES]);
    expect(options.entities).toHaveLength(9);
    expect(options.migrations).toEqual([...PERSISTENCE_MIGRATIONS]);
    expect(options).toMatchObject({ synchronize: false, migrationsRun: false });
  });

  it('opens SQLite in WAL mode with a busy timeout', () => {
    expect(buildDataSourceOptions('sqlite:/var/lib/c.sqlite')).toMatchObject({
      type: 'better-sqlite3',
      database: '/var/lib/c.sqlite',
      enableWAL: true,
      timeout: 5_000,
    });
  });

  it('pools ten utf8mb4 MariaDB connections, in UTC, reading BIGINTs exactly, counting changed rows, several statements per round trip, without a stack trace per statement', () => {
    expect(buildDataSourceOptions('mysql://app:secret@db:3307/consents')).toMatchObject({
      type: 'mysql',
      host: 'db',
      port: 3307,
      username: 'app',
      password: 'secret',
      database: 'consents',
      poolSize: 10,
      charset: 'utf8mb4',
      timezone: 'Z',
      bigNumberStrings: true,
      flags: ['-FOUND_ROWS'],
      multipleStatements: true,
      extra: { trace: false, maxPreparedStatements: 32 },
    });
    expect(buildDataSourceOptions('mysql://root@db/consents')).not.toHaveProperty('password');
  });
});
