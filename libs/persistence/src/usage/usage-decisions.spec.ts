import { counterId, decideBatch, type CountedCall } from './usage-decisions.js';

const call = (requestId: string, ...increments: [string, bigint, bigint][]): CountedCall => ({
  requestId,
  increments: increments.map(([counterKey, amount, limit]) => ({ counterKey, periodKey: 'p', amount, limit })),
});

describe('decideBatch', () => {
  it('takes the calls in order, each seeing the counters the ones before it left', () => {
    const decisions = decideBatch(
      [call('r1', ['c', 2n, 3n]), call('r2', ['c', 2n, 3n]), call('r3', ['c', 1n, 3n])],
      new Map(),
      new Map(),
    );
    expect(decisions.results).toEqual([
      { outcome: 'accepted' },
      { outcome: 'refused', counterKey: 'c' },
      { outcome: 'accepted' },
    ]);
    expect([...decisions.changedCounters.values()]).toEqual([{ counterKey: 'c', periodKey: 'p', used: 3n }]);
  });

  it('replays a request id recorded before, or earlier in the batch, without counting it again', () => {
    const decisions = decideBatch(
      [call('old', ['c', 1n, 9n]), call('r1', ['c', 1n, 9n]), call('r1', ['c', 1n, 9n])],
      new Map([[counterId('c', 'p'), 5n]]),
      new Map([['old', { outcome: 'refused', counterKey: 'c' }]]),
    );
    expect(decisions.results).toEqual([
      { outcome: 'replayed', previous: { outcome: 'refused', counterKey: 'c' } },
      { outcome: 'accepted' },
      { outcome: 'replayed', previous: { outcome: 'accepted' } },
    ]);
    expect([...decisions.newEvents.keys()]).toEqual(['r1']);
    expect(decisions.changedCounters.get(counterId('c', 'p'))?.used).toBe(6n);
  });

  it('applies the increments of one call all or none, reporting the first counter that would overflow', () => {
    const decisions = decideBatch([call('r1', ['a', 1n, 5n], ['b', 3n, 2n])], new Map(), new Map());
    expect(decisions.results).toEqual([{ outcome: 'refused', counterKey: 'b' }]);
    expect(decisions.changedCounters.size).toBe(0);
  });

  it('accepts a zero amount within the limit and writes nothing for it', () => {
    const decisions = decideBatch([call('r1', ['a', 0n, 5n])], new Map([[counterId('a', 'p'), 5n]]), new Map());
    expect(decisions.results).toEqual([{ outcome: 'accepted' }]);
    expect(decisions.changedCounters.size).toBe(0);
  });
});
