import { isJsonObject, jsonEquals, nonEmptyString } from './json-values.js';

describe('JSON value guards', () => {
  it('tells JSON objects from arrays and null', () => {
    expect([isJsonObject({}), isJsonObject([]), isJsonObject(null), isJsonObject('x')]).toEqual([true, false, false, false]);
  });
  it('keeps only non-empty strings', () => {
    expect([nonEmptyString('a'), nonEmptyString(''), nonEmptyString(1)]).toEqual(['a', undefined, undefined]);
  });
  it('compares JSON trees like Jackson: key order ignored, array order kept', () => {
    expect(jsonEquals({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(jsonEquals({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(jsonEquals({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(jsonEquals({ a: '1' }, { a: 1 })).toBe(false);
  });
  it('survives a deeply nested body without overflowing the stack', () => {
    let deep: unknown = 0;
    for (let i = 0; i < 200_000; i++) {
      deep = [deep];
    }
    expect(jsonEquals(deep, deep)).toBe(true);
  });
});
