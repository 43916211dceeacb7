import { formatScaled, scaledAmount, scaledDecimal, scaledNumber } from './amount.js';

describe(scaledAmount.name, () => {
  it.each([
    ['165.88', 16_588_000n],
    ['0', 0n],
    ['1.00001', 100_001n],
    ['9999999999999.99999', 999_999_999_999_999_999n],
  ])('reads %s exactly', (text, expected) => {
    expect(scaledAmount(text)).toBe(expected);
  });

  it.each(['-1', '1e3', '1.123456', '12345678901234', '', ' 1', 1, null])('refuses %p', (text) => {
    expect(scaledAmount(text)).toBeUndefined();
  });
});

describe(scaledDecimal.name, () => {
  it('reads the 18 digits of an ISO 20022 amount, around blanks of the XML text', () => {
    expect(scaledDecimal(' 11500000 ')).toBe(1_150_000_000_000n);
    expect(scaledDecimal('123456789012345678.5')).toBe(12_345_678_901_234_567_850_000n);
  });

  it.each(['1234567890123456789', '1.123456', '-1', '1,5', ''])('refuses %p', (text) => {
    expect(scaledDecimal(text)).toBeUndefined();
  });
});

describe(scaledNumber.name, () => {
  it.each([
    [3459.3, 345_930_000n],
    [3459.3, 345_930_000n],
    [0.1, 10_000n],
    [100, 10_000_000n],
  ])('reads %p as the decimal the TPP wrote', (value, expected) => {
    expect(scaledNumber(value)).toBe(expected);
  });

  it.each([-1, 1e21, 0.000001, Number.NaN, '3459.30'])('refuses %p', (value) => {
    expect(scaledNumber(value)).toBeUndefined();
  });
});

describe(formatScaled.name, () => {
  it.each([
    [345_930_000n, '3459.30'],
    [1n, '0.00001'],
    [12_345n, '0.12345'],
    [0n, '0.00'],
  ])('writes %p as %s', (amount, text) => {
    expect(formatScaled(amount)).toBe(text);
  });
});
