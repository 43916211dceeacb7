import { BoundedStore } from './bounded-store.js';

describe('The console store', () => {
  it('hands out 128-bit hexadecimal ids and finds entries by them', () => {
    const store = new BoundedStore<string>(3, 60_000);
    const id = store.add('a');
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(store.get(id)).toBe('a');
    expect(store.get('0'.repeat(32))).toBeUndefined();
  });

  it('forgets the oldest entry beyond its capacity', () => {
    const store = new BoundedStore<string>(2, 60_000);
    const first = store.add('a');
    const second = store.add('b');
    const third = store.add('c');
    expect([store.get(first), store.get(second), store.get(third)]).toEqual([undefined, 'b', 'c']);
  });

  it('forgets entries older than their maximum age', () => {
    let now = 1_000;
    const store = new BoundedStore<string>(10, 500, () => now);
    const old = store.add('old');
    now = 1_400;
    const recent = store.add('recent');
    now = 1_600;
    expect([store.get(old), store.get(recent)]).toEqual([undefined, 'recent']);
  });
});
