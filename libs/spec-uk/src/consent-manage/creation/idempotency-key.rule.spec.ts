import { idempotencyKeyRejection } from './idempotency-key.rule.js';

const INVALID = {
  status: 400,
  code: 'UK.OBIE.Header.Invalid',
  message: 'x-idempotency-key must have 1 to 40 characters without leading or trailing whitespace',
  path: 'x-idempotency-key',
};

describe(idempotencyKeyRejection.name, () => {
  it.each([
    ['one character', 'k'],
    ['40 characters', 'k'.repeat(40)],
    ['inner spaces', 'order 42 retry'],
  ])('accepts a key of %s', (_case, key) => {
    expect(idempotencyKeyRejection(key)).toBeUndefined();
  });

  it.each([
    ['missing (UK-15)', undefined],
    ['empty', ''],
  ])('refuses a key %s: 400 Header.Missing', (_case, key) => {
    expect(idempotencyKeyRejection(key)).toEqual({
      status: 400,
      code: 'UK.OBIE.Header.Missing',
      message: 'x-idempotency-key is required on this endpoint',
      path: 'x-idempotency-key',
    });
  });

  it.each([
    ['of 41 characters (UK-16)', 'k'.repeat(41)],
    ['with a leading space (UK-17)', ' abc'],
    ['with a trailing tab', 'abc\t'],
    ['of blanks only', '   '],
  ])('refuses a key %s: 400 Header.Invalid', (_case, key) => {
    expect(idempotencyKeyRejection(key)).toEqual(INVALID);
  });
});
