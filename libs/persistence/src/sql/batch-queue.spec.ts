import { BatchQueue } from './batch-queue.js';

describe(BatchQueue.name, () => {
  it('writes the items that arrive while a batch is being written together in the next batch', async () => {
    const batches: number[][] = [];
    const queue = new BatchQueue<number, number>(async (items) => {
      batches.push([...items]);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return items.map((item) => item * 10);
    }, 100);
    const first = queue.push(1);
    await new Promise((resolve) => setImmediate(resolve));
    const rest = [2, 3, 4].map((item) => queue.push(item));
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('retries a failed batch one item at a time, so only the item that fails alone gets the error', async () => {
    const queue = new BatchQueue<string, string>((items) => {
      if (items.includes('bad')) {
        return Promise.reject(new Error('refused by the database'));
      }
      return Promise.resolve(items.map((item) => item.toUpperCase()));
    }, 100);
    const results = await Promise.allSettled(['a', 'bad', 'c'].map((item) => queue.push(item)));
    expect(results).toEqual([
      { status: 'fulfilled', value: 'A' },
      { status: 'rejected', reason: new Error('refused by the database') },
      { status: 'fulfilled', value: 'C' },
    ]);
  });

  it('fails every item of a failed batch when told the batch fails as a whole, without running it again', async () => {
    let runs = 0;
    const queue = new BatchQueue<string, string>(
      () => {
        runs += 1;
        return Promise.reject(new Error('the database is unreachable'));
      },
      100,
      'fail-all',
    );
    const results = await Promise.allSettled(['a', 'b', 'c'].map((item) => queue.push(item)));
    expect(results).toEqual(
      ['a', 'b', 'c'].map(() => ({ status: 'rejected', reason: new Error('the database is unreachable') })),
    );
    expect(runs).toBe(1);
  });
});
