import { randomUUID } from 'node:crypto';
import { createDataSource } from '../data-source-factory.js';
import { createTestDataSource, type TestDatabase } from '@app/testing';
import { revertLastMigration, runMigrations } from '../migration-runner.js';
import { ConsentFactRepository } from './consent-fact.repository.js';

describe(ConsentFactRepository.name, () => {
  let database: TestDatabase;
  let facts: ConsentFactRepository;

  beforeAll(async () => {
    database = await createTestDataSource();
    facts = new ConsentFactRepository(database.dataSource);
  });

  afterAll(async () => {
    await database.close();
  });

  const consent = () => `uae:consent:${randomUUID()}`;

  it('records facts once: the same request again gets true, any other request false and nothing changes', async () => {
    const key = consent();
    expect(await facts.record('r-1', key, ['created', 'root'])).toBe(true);
    expect(await facts.record('r-1', key, ['created', 'root'])).toBe(true);
    expect(await facts.record('r-2', key, ['created', 'u:owner'])).toBe(false);
    expect([...(await facts.factsOf(key))].sort()).toEqual(['created', 'root']);
    expect(await facts.record('r-3', key, ['rb:TPP'])).toBe(true);
    expect([...(await facts.factsOf(key))].sort()).toEqual(['created', 'rb:TPP', 'root']);
  });

  it('lets exactly one of 20 concurrent requests on two instances take a ConsentId', async () => {
    const other = await createDataSource(database.databaseUrl);
    try {
      const second = new ConsentFactRepository(other);
      const key = consent();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          (index % 2 === 0 ? facts : second).record(`r-${index}`, key, ['created']),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    } finally {
      await other.destroy();
    }
  });

  it('carries over the facts the UAE module kept as limit-1 counters', async () => {
    expect(await revertLastMigration(database.dataSource)).toBe('BankAccountBalances1796900000000');
    expect(await revertLastMigration(database.dataSource)).toBe('ConsentFacts1796800000000');
    await database.dataSource.query(
      "INSERT INTO usage_counter (counter_key, period_key, used, updated_at) VALUES ('uae:consent:abc', 'created', 1, 5), ('uae:consent:abc', 'rb:TPP', 1, 6), ('frequency:x', '2025-11-21', 3, 7)",
    );
    expect(await runMigrations(database.dataSource)).toEqual([
      'ConsentFacts1796800000000',
      'BankAccountBalances1796900000000',
    ]);
    expect([...(await facts.factsOf('uae:consent:abc'))].sort()).toEqual(['created', 'rb:TPP']);
    expect(await facts.record('any request', 'uae:consent:abc', ['created'])).toBe(false);
    expect(
      await database.dataSource.query("SELECT counter_key FROM usage_counter WHERE counter_key LIKE 'uae:%'"),
    ).toEqual([]);
    expect(
      await database.dataSource.query("SELECT counter_key FROM usage_counter WHERE counter_key = 'frequency:x'"),
    ).toHaveLength(1);
  });
});
