import { createTestDataSource, type TestDatabase } from '@app/testing';
import { revertLastMigration, runMigrations } from '../migration-runner.js';
import { UsageCounterRepository } from '../repositories/usage-counter.repository.js';
import { eventKeyOf } from '../usage/event-key.js';

describe('ExactUsageEventKeys1796700000000', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDataSource();
  });

  afterAll(async () => {
    await database.close();
  });

  const one = (counterKey: string) => [{ counterKey, periodKey: '2025-11-21', amount: 1, limit: 10 }];

  it('keys the events written before it as the repository does, so that their resends still replay', async () => {
    expect(await revertLastMigration(database.dataSource)).toBe('BankAccountBalances1796900000000');
    expect(await revertLastMigration(database.dataSource)).toBe('ConsentFacts1796800000000');
    expect(await revertLastMigration(database.dataSource)).toBe('ExactUsageEventKeys1796700000000');
    const requestIds = ['plain-1', 'accents-é€東-\u{1F600}'];
    for (const requestId of requestIds) {
      await database.dataSource.query(
        "INSERT INTO usage_event (request_id, outcome, refused_key, created_at) VALUES (?, 'refused', 'c-old', 1)",
        [requestId],
      );
    }

    expect(await runMigrations(database.dataSource)).toEqual([
      'ExactUsageEventKeys1796700000000',
      'ConsentFacts1796800000000',
      'BankAccountBalances1796900000000',
    ]);

    const rows: Array<{ request_id: string; event_key: string }> = await database.dataSource.query(
      'SELECT request_id, event_key FROM usage_event',
    );
    expect(rows.map((row) => row.event_key).sort()).toEqual(requestIds.map(eventKeyOf).sort());
    const repository = new UsageCounterRepository(database.dataSource);
    expect(await repository.consume('plain-1', one('c-new'))).toEqual({
      outcome: 'replayed',
      previous: { outcome: 'refused', counterKey: 'c-old' },
    });
  });

  it('tells apart request ids that differ only by trailing spaces, which MariaDB collations would not', async () => {
    const repository = new UsageCounterRepository(database.dataSource);
    expect(await repository.consume('spaced', one('c-spaces'))).toEqual({ outcome: 'accepted' });
    expect(await repository.consume('spaced ', one('c-spaces'))).toEqual({ outcome: 'accepted' });
    expect(await repository.usedIn('c-spaces', '2025-11-21')).toBe(2n);
  });

  it('is reverted by down() and applied again', async () => {
    expect(await revertLastMigration(database.dataSource)).toBe('BankAccountBalances1796900000000');
    expect(await revertLastMigration(database.dataSource)).toBe('ConsentFacts1796800000000');
    expect(await revertLastMigration(database.dataSource)).toBe('ExactUsageEventKeys1796700000000');
    expect(await runMigrations(database.dataSource)).toEqual([
      'ExactUsageEventKeys1796700000000',
      'ConsentFacts1796800000000',
      'BankAccountBalances1796900000000',
    ]);
    expect(await runMigrations(database.dataSource)).toEqual([]);
  });
});
