import { createTestDataSource, type TestDatabase } from '@app/testing';
import { jest } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source-factory.js';
import { UsageCounterRepository, type UsageIncrement } from './usage-counter.repository.js';

describe('UsageCounterRepository', () => {
  let database: TestDatabase;
  let repository: UsageCounterRepository;
  let counterNumber = 0;
  let requestNumber = 0;
  const newCounter = (): string => `frequency:consent-${++counterNumber}`;
  const newRequestId = (): string => `req-${++requestNumber}`;
  const one = (counterKey: string, limit: number): UsageIncrement => ({
    counterKey,
    periodKey: '2025-11-21',
    amount: 1,
    limit,
  });

  beforeAll(async () => {
    database = await createTestDataSource();
    repository = new UsageCounterRepository(database.dataSource);
  });

  afterAll(async () => {
    await database.close();
  });

  it('counts within the limit and refuses what would pass it, leaving the counter as it was', async () => {
    const counterKey = newCounter();
    const spend = (amount: number) =>
      repository.consume(newRequestId(), [{ counterKey, periodKey: '2025-11', amount, limit: 10_000 }]);

    expect(await spend(6_000)).toEqual({ outcome: 'accepted' });
    expect(await spend(4_000)).toEqual({ outcome: 'accepted' });
    expect(await spend(1)).toEqual({ outcome: 'refused', counterKey });
    expect(await repository.usedIn(counterKey, '2025-11')).toBe(10_000n);
  });

  it('refuses an amount larger than the limit on a counter never used, without creating it', async () => {
    const counterKey = newCounter();

    expect(await repository.consume(newRequestId(), [{ counterKey, periodKey: 'p', amount: 11, limit: 10 }])).toEqual({
      outcome: 'refused',
      counterKey,
    });
    expect(await repository.usedIn(counterKey, 'p')).toBe(0n);
  });

  it('keeps periods apart', async () => {
    const counterKey = newCounter();

    await repository.consume(newRequestId(), [{ ...one(counterKey, 1), periodKey: '2025-11-20' }]);

    expect(await repository.consume(newRequestId(), [{ ...one(counterKey, 1), periodKey: '2025-11-21' }])).toEqual({
      outcome: 'accepted',
    });
    expect(await repository.usedIn(counterKey, '2025-11-20')).toBe(1n);
  });

  it('accepts exactly 37 of 200 concurrent consumptions against a limit of 37', async () => {
    const counterKey = newCounter();

    const results = await Promise.all(
      Array.from({ length: 200 }, () => repository.consume(newRequestId(), [one(counterKey, 37)])),
    );

    expect(results.filter((result) => result.outcome === 'accepted')).toHaveLength(37);
    expect(results.filter((result) => result.outcome === 'refused')).toHaveLength(163);
    expect(await repository.usedIn(counterKey, '2025-11-21')).toBe(37n);
  });

  describe('with two service instances on one database', () => {
    let secondInstance: DataSource;

    beforeAll(async () => {
      secondInstance = await createDataSource(database.databaseUrl);
    });

    afterAll(async () => {
      await secondInstance.destroy();
    });

    it('never lets the counter pass its limit', async () => {
      const other = new UsageCounterRepository(secondInstance);
      const counterKey = newCounter();

      const results = await Promise.all(
        Array.from({ length: 200 }, (_, index) =>
          (index % 2 === 0 ? repository : other).consume(newRequestId(), [one(counterKey, 37)]),
        ),
      );

      expect(results.filter((result) => result.outcome === 'accepted')).toHaveLength(37);
      expect(await repository.usedIn(counterKey, '2025-11-21')).toBe(37n);
    });

    it('keeps 100 counters exact under 600 concurrent calls, each sent twice, through both instances', async () => {
      const other = new UsageCounterRepository(secondInstance);
      const counterKeys = Array.from({ length: 100 }, () => newCounter());
      const calls = Array.from({ length: 600 }, (_, index) => ({
        requestId: newRequestId(),
        counterKey: counterKeys[index % 100],
      }));

      // Every call reaches both instances, as the identity server's retry after a read timeout may make it.
      const results = await Promise.all(
        calls.flatMap(({ requestId, counterKey }) => [
          repository.consume(requestId, [one(counterKey, 4)]),
          other.consume(requestId, [one(counterKey, 4)]),
        ]),
      );

      const firstOutcomes = results.map((result) =>
        result.outcome === 'replayed' ? result.previous.outcome : result.outcome,
      );
      expect(results.filter((result) => result.outcome !== 'replayed')).toHaveLength(600);
      expect(firstOutcomes.filter((outcome) => outcome === 'accepted')).toHaveLength(2 * 400);
      for (const counterKey of counterKeys) {
        expect(await repository.usedIn(counterKey, '2025-11-21')).toBe(4n);
      }
    });

    it('counts a request id resent to both instances at once exactly once', async () => {
      const other = new UsageCounterRepository(secondInstance);
      const counterKey = newCounter();
      const requestId = newRequestId();

      const results = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          (index % 2 === 0 ? repository : other).consume(requestId, [one(counterKey, 100)]),
        ),
      );

      expect(results.filter((result) => result.outcome === 'accepted')).toHaveLength(1);
      expect(results.filter((result) => result.outcome === 'replayed')).toHaveLength(19);
      expect(await repository.usedIn(counterKey, '2025-11-21')).toBe(1n);
    });
  });

  it('replays the first outcome of a request id and counts nothing twice', async () => {
    const counterKey = newCounter();
    const accepted = newRequestId();
    const refused = newRequestId();

    await repository.consume(accepted, [{ counterKey, periodKey: 'p', amount: 3, limit: 4 }]);
    await repository.consume(refused, [{ counterKey, periodKey: 'p', amount: 3, limit: 4 }]);

    expect(await repository.consume(accepted, [{ counterKey, periodKey: 'p', amount: 3, limit: 4 }])).toEqual({
      outcome: 'replayed',
      previous: { outcome: 'accepted' },
    });
    expect(await repository.consume(refused, [{ counterKey, periodKey: 'p', amount: 1, limit: 4 }])).toEqual({
      outcome: 'replayed',
      previous: { outcome: 'refused', counterKey },
    });
    expect(await repository.usedIn(counterKey, 'p')).toBe(3n);
  });

  it('applies two increments together or not at all', async () => {
    const amountCounter = newCounter();
    const frequencyCounter = newCounter();
    const payment = (amount: number): UsageIncrement[] => [
      { counterKey: amountCounter, periodKey: 'p', amount, limit: 1_000 },
      { counterKey: frequencyCounter, periodKey: 'p', amount: 1, limit: 1 },
    ];
    expect(await repository.consume(newRequestId(), payment(100))).toEqual({ outcome: 'accepted' });

    // The amount still fits, the frequency does not: neither counter moves.
    expect(await repository.consume(newRequestId(), payment(100))).toEqual({
      outcome: 'refused',
      counterKey: frequencyCounter,
    });

    expect(await repository.usedIn(amountCounter, 'p')).toBe(100n);
    expect(await repository.usedIn(frequencyCounter, 'p')).toBe(1n);
  });

  it('keeps amounts beyond the exact range of a JavaScript number exact', async () => {
    const counterKey = newCounter();
    const limit = 2n ** 63n - 1n;
    const amount = 2n ** 62n + 1n;

    expect(await repository.consume(newRequestId(), [{ counterKey, periodKey: 'p', amount, limit }])).toEqual({
      outcome: 'accepted',
    });
    expect(await repository.consume(newRequestId(), [{ counterKey, periodKey: 'p', amount: 3n, limit }])).toEqual({
      outcome: 'accepted',
    });
    // Adding it again would overflow a BIGINT: refused, not an error.
    expect(await repository.consume(newRequestId(), [{ counterKey, periodKey: 'p', amount, limit }])).toEqual({
      outcome: 'refused',
      counterKey,
    });

    expect(await repository.usedIn(counterKey, 'p')).toBe(2n ** 62n + 4n);
  });

  it('accepts a zero amount while the counter is within its limit', async () => {
    const counterKey = newCounter();
    await repository.consume(newRequestId(), [{ counterKey, periodKey: 'p', amount: 5, limit: 5 }]);

    expect(await repository.consume(newRequestId(), [{ counterKey, periodKey: 'p', amount: 0, limit: 5 }])).toEqual({
      outcome: 'accepted',
    });
    // The limit was lowered since: the counter is already past it.
    expect(await repository.consume(newRequestId(), [{ counterKey, periodKey: 'p', amount: 0, limit: 4 }])).toEqual({
      outcome: 'refused',
      counterKey,
    });
    expect(await repository.consume(newRequestId(), [])).toEqual({ outcome: 'accepted' });
  });

  it('answers reads that arrive together with one statement, each read its own counter, 0 for one never used', async () => {
    const [first, second, unused] = [newCounter(), newCounter(), newCounter()];
    await repository.consume(newRequestId(), [{ counterKey: first, periodKey: 'p', amount: 3, limit: 10 }]);
    await repository.consume(newRequestId(), [{ counterKey: second, periodKey: 'p', amount: 7, limit: 10 }]);

    // What saves the round trips is the number of statements, not a time: both drivers hand each to the logger.
    const logQuery = jest.spyOn(database.dataSource.logger, 'logQuery');
    let read: bigint[];
    let statements: string[];
    try {
      read = await Promise.all([
        repository.usedIn(first, 'p'),
        repository.usedIn(second, 'p'),
        repository.usedIn(unused, 'p'),
        repository.usedIn(first, 'p'),
      ]);
      statements = logQuery.mock.calls.map(([sql]) => sql);
    } finally {
      logQuery.mockRestore();
    }

    expect(read).toEqual([3n, 7n, 0n, 3n]);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(
      /^SELECT counter_key, period_key, .*used.* FROM usage_counter WHERE \(counter_key = \? AND period_key = \?\)( OR \(counter_key = \? AND period_key = \?\)){2}$/,
    );
  });

  it('forgets the request ids recorded before the cut-off', async () => {
    const counterKey = newCounter();
    const requestId = newRequestId();
    await repository.consume(requestId, [one(counterKey, 10)]);

    expect(await repository.purgeOlderThan(new Date(Date.now() + 1_000))).toBeGreaterThanOrEqual(1);

    expect(await repository.consume(requestId, [one(counterKey, 10)])).toEqual({ outcome: 'accepted' });
    expect(await repository.usedIn(counterKey, '2025-11-21')).toBe(2n);
  });

  it('refuses malformed increments before touching the database', async () => {
    const counterKey = newCounter();

    await expect(
      repository.consume(newRequestId(), [{ counterKey, periodKey: 'p', amount: -1, limit: 5 }]),
    ).rejects.toThrow(/amount/);
    await expect(
      repository.consume(newRequestId(), [{ counterKey, periodKey: 'p', amount: 1.5, limit: 5 }]),
    ).rejects.toThrow(/amount/);
    await expect(
      repository.consume(newRequestId(), [{ counterKey, periodKey: 'p', amount: 1, limit: 2n ** 63n }]),
    ).rejects.toThrow(/limit/);
    await expect(
      repository.consume(newRequestId(), [{ counterKey: '', periodKey: 'p', amount: 1, limit: 5 }]),
    ).rejects.toThrow(/counterKey/);
    await expect(repository.consume('', [one(counterKey, 1)])).rejects.toThrow(/request id/);
    expect(await repository.usedIn(counterKey, 'p')).toBe(0n);
  });
});
