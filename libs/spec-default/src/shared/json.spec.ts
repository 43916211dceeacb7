import { isJsonObject, isNonEmptyJsonObject, jsonEquals, nonEmptyString } from './json.js';

describe('jsonEquals', () => {
  it('ignores object key order, like Jackson tree equality', () => {
    expect(jsonEquals({ a: 1, b: { c: 'x', d: [1, 2] } }, { b: { d: [1, 2], c: 'x' }, a: 1 })).toBe(true);
  });

  it.each([
    [{ a: 1 }, { a: '1' }],
    [{ a: 1 }, { a: 1, b: 2 }],
    [
      { a: 1, b: undefined },
      { a: 1, c: undefined },
    ],
    [
      [1, 2],
      [2, 1],
    ],
    [[1], { 0: 1 }],
    [null, {}],
    [{ a: null }, { a: {} }],
    ['165.88', '165.880'],
  ])('tells %j and %j apart', (left, right) => {
    expect(jsonEquals(left, right)).toBe(false);
    expect(jsonEquals(right, left)).toBe(false);
  });

  it('compares deeply nested hostile values without overflowing the stack', () => {
    let deep: unknown = 'leaf';
    for (let depth = 0; depth < 200_000; depth += 1) {
      deep = [deep];
    }
    expect(jsonEquals(deep, deep)).toBe(true);
    expect(jsonEquals(deep, [deep])).toBe(false);
  });
});

describe('JSON guards', () => {
  it('recognises objects as org.json does', () => {
    expect(isJsonObject({})).toBe(true);
    expect(isJsonObject([])).toBe(false);
    expect(isJsonObject(null)).toBe(false);
    expect(isNonEmptyJsonObject({})).toBe(false);
    expect(isNonEmptyJsonObject({ id: 'x' })).toBe(true);
    expect(nonEmptyString('')).toBeUndefined();
    expect(nonEmptyString(5)).toBeUndefined();
    expect(nonEmptyString('a')).toBe('a');
  });
});
