import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataSource } from './data-source-factory.js';

describe('createDataSource on SQLite', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'consent-ext-factory-'));
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('creates the folder of the file, and opens it in WAL mode with a busy timeout', async () => {
    const file = join(directory, 'data', 'nested', 'consents.sqlite');

    const dataSource = await createDataSource(`sqlite:${file}`);
    try {
      expect(existsSync(file)).toBe(true);
      expect(await dataSource.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
      expect(await dataSource.query('PRAGMA busy_timeout')).toEqual([{ timeout: 5_000 }]);
    } finally {
      await dataSource.destroy();
    }
  });
});
