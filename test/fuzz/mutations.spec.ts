import { applyMutations, serialiseEnvelope, type Mutation } from './mutations.js';

const seed = { consentId: 'c-1', list: [1, 2], nested: { name: 'Zoë' } };
const text = (mutations: readonly Mutation[], maxBytes = 1_000_000): string =>
  serialiseEnvelope(applyMutations('r-1', seed, mutations, maxBytes));

describe('fuzz mutations', () => {
  it('leave the seed as it is for keep, under the given requestId, and never change the seed itself', () => {
    expect(JSON.parse(text([{ kind: 'keep' }]))).toEqual({ requestId: 'r-1', data: seed });
    text([
      { kind: 'replace', at: 2, value: null },
      { kind: 'edit-all-strings', stride: 1, edit: { kind: 'set', text: 'x' } },
    ]);
    expect(seed).toEqual({ consentId: 'c-1', list: [1, 2], nested: { name: 'Zoë' } });
  });

  it('edit only strings with a string edit, and every string with edit-all-strings', () => {
    expect(
      JSON.parse(text([{ kind: 'edit-all-strings', stride: 1, edit: { kind: 'pad', side: 'end', text: ' ' } }])),
    ).toEqual({
      requestId: 'r-1 ',
      data: { consentId: 'c-1 ', list: [1, 2], nested: { name: 'Zoë ' } },
    });
  });

  it('write a __proto__ key as a key, not as a prototype', () => {
    expect(text([{ kind: 'add-key', at: 0, key: '__proto__', value: { polluted: true } }])).toContain(
      '"__proto__":{"polluted":true}',
    );
  });

  it('nest a value as text, to any depth, once even when the value was copied', () => {
    const nested = text([{ kind: 'nest', at: 0, levels: 50_000, bracket: '[' }]);
    expect(nested.startsWith('['.repeat(50_000))).toBe(true);
    expect(nested.length).toBeLessThan(110_000 + JSON.stringify({ requestId: 'r-1', data: seed }).length);
    const copied = text([
      { kind: 'nest', at: 3, levels: 1_000, bracket: '{' },
      { kind: 'grow-array', at: 3, copies: 500 },
    ]);
    expect(copied.split('{"n":').length - 1).toBe(1_000);
  });

  it('keep grown values around the size bound', () => {
    expect(text([{ kind: 'grow-array', at: 0, copies: 20_000 }], 50_000).length).toBeLessThan(60_000);
    // Growing inside one element of a grown array grows that element only. Places, breadth first: the envelope,
    // requestId, data, then the copies of data (data[0] ...), then the members of data[0] (consentId first).
    const copies = Math.floor(50_000 / JSON.stringify(seed).length);
    const twice = text(
      [
        { kind: 'grow-array', at: 2, copies: 20_000 },
        { kind: 'grow-array', at: 3 + copies, copies: 20_000 },
      ],
      50_000,
    );
    expect(twice.length).toBeLessThan(2 * 60_000);
    expect(text([{ kind: 'long-string', at: 0, length: 10_000_000, text: '東' }], 50_000).length).toBeLessThan(60_000);
  });
});

describe('fuzz mutation values', () => {
  it('are copied into the envelope, so that a shared generated value is never edited in place (no cycles)', () => {
    const shared = {};
    const mutations: Mutation[] = [
      { kind: 'request-id', value: shared },
      { kind: 'add-key', at: 1, key: 'self', value: shared },
    ];
    const first = text(mutations);
    expect(JSON.parse(first)).toMatchObject({ requestId: { self: {} } });
    expect(shared).toEqual({});
    expect(text(mutations)).toBe(first);
  });
});
