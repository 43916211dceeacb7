import {
  headerValue,
  isJsonObject,
  isNonEmptyJsonObject,
  jsonEquals,
  nonEmptyString,
  objectAt,
  stringAt,
} from './json-values.js';

describe('JSON value guards', () => {
  it('tells JSON objects from arrays and null', () => {
    expect([isJsonObject({}), isJsonObject([]), isJsonObject(null), isJsonObject('x')]).toEqual([
      true,
      false,
      false,
      false,
    ]);
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
  it('reads an object or a string at a key only when it has that type', () => {
    expect(objectAt({ a: { b: 1 } }, 'a')).toEqual({ b: 1 });
    expect([objectAt({ a: [] }, 'a'), objectAt('x', 'a'), stringAt({ a: 1 }, 'a'), stringAt({ a: 'v' }, 'a')]).toEqual([
      undefined,
      undefined,
      undefined,
      'v',
    ]);
  });
  it('tells an empty object from one with keys', () => {
    expect([isNonEmptyJsonObject({}), isNonEmptyJsonObject({ a: 1 }), isNonEmptyJsonObject([1])]).toEqual([
      false,
      true,
      false,
    ]);
  });
  it('finds a header whatever the letter case', () => {
    expect(headerValue({ 'X-Request-ID': 'r1' }, 'x-request-id')).toBe('r1');
    expect([headerValue({ 'x-a': '1' }, 'X-B'), headerValue(undefined, 'x-a')]).toEqual([undefined, undefined]);
  });
});
