import { UsageBatches } from './usage-batches.js';
import type { ConsumeResult, CountedCall } from './usage-decisions.js';

const call = (requestId: string, ...counterKeys: string[]): CountedCall => ({
  requestId,
  increments: counterKeys.map((counterKey) => ({ counterKey, periodKey: 'p', amount: 1n, limit: 10n })),
});

/** A writer whose batches finish when the test says; records the request ids of each batch. */
function controlledWriter() {
  const batches: string[][] = [];
  const finishers: (() => void)[] = [];
  const write = (calls: readonly CountedCall[]): Promise<ConsumeResult[]> => {
    batches.push(calls.map((entry) => entry.requestId));
    return new Promise((resolve) => finishers.push(() => resolve(calls.map(() => ({ outcome: 'accepted' })))));
  };
  const finishNext = async (): Promise<void> => {
    finishers.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { batches, write, finishNext };
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe(UsageBatches.name, () => {
  it('writes the calls that arrive in one turn together, and those that arrive meanwhile in the next batch', async () => {
    const writer = controlledWriter();
    const queue = new UsageBatches(writer.write, 100, 1);
    const first = [queue.push(call('r1', 'c')), queue.push(call('r2', 'c'))];
    await turn();
    const later = [queue.push(call('r3', 'c')), queue.push(call('r4', 'd'))];
    await turn();
    await writer.finishNext();
    await writer.finishNext();

    await Promise.all([...first, ...later]);
    expect(writer.batches).toEqual([
      ['r1', 'r2'],
      ['r3', 'r4'],
    ]);
  });

  it('writes batches on other counters beside one in flight, never two on one counter', async () => {
    const writer = controlledWriter();
    const queue = new UsageBatches(writer.write, 100, 4);
    const results = [queue.push(call('r1', 'a'))];
    await turn();
    results.push(queue.push(call('r2', 'a')), queue.push(call('r3', 'b')));
    await turn();

    // r2 waits for r1's batch (same counter); r3 does not.
    expect(writer.batches).toEqual([['r1'], ['r3']]);
    await writer.finishNext();
    expect(writer.batches).toEqual([['r1'], ['r3'], ['r2']]);
    await writer.finishNext();
    await writer.finishNext();
    await Promise.all(results);
  });

  it('keeps the arrival order of a counter: a later call does not pass an earlier one that waits', async () => {
    const writer = controlledWriter();
    const queue = new UsageBatches(writer.write, 100, 4);
    const results = [queue.push(call('r1', 'a'))];
    await turn();
    // r2 moves a (busy) and b; r3 moves only b, and must not go before r2.
    results.push(queue.push(call('r2', 'a', 'b')), queue.push(call('r3', 'b')), queue.push(call('r4', 'c')));
    await turn();

    expect(writer.batches).toEqual([['r1'], ['r4']]);
    await writer.finishNext();
    expect(writer.batches).toEqual([['r1'], ['r4'], ['r2', 'r3']]);
    await writer.finishNext();
    await writer.finishNext();
    await Promise.all(results);
  });

  it('has at most the given number of batches in flight, and at most the given number of calls in one', async () => {
    const writer = controlledWriter();
    const queue = new UsageBatches(writer.write, 2, 2);
    const results = ['a', 'b', 'c', 'd', 'e'].map((counter, index) => queue.push(call(`r${index}`, counter)));
    await turn();

    expect(writer.batches).toEqual([
      ['r0', 'r1'],
      ['r2', 'r3'],
    ]);
    await writer.finishNext();
    expect(writer.batches[2]).toEqual(['r4']);
    await writer.finishNext();
    await writer.finishNext();
    await Promise.all(results);
  });

  it('writes a failed batch again one call at a time, so that only the call that fails alone gets the error', async () => {
    const queue = new UsageBatches(
      (calls) =>
        calls.some((entry) => entry.requestId === 'bad')
          ? Promise.reject(new Error('refused by the database'))
          : Promise.resolve(calls.map(() => ({ outcome: 'accepted' as const }))),
      100,
      1,
    );

    const results = await Promise.allSettled(['a', 'bad', 'c'].map((requestId) => queue.push(call(requestId, 'x'))));

    expect(results).toEqual([
      { status: 'fulfilled', value: { outcome: 'accepted' } },
      { status: 'rejected', reason: new Error('refused by the database') },
      { status: 'fulfilled', value: { outcome: 'accepted' } },
    ]);
  });
});
