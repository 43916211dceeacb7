import { scaledAmount } from './amount.js';

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
