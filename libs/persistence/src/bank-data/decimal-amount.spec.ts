import { decimalAmountUnits } from './decimal-amount.js';

describe(decimalAmountUnits.name, () => {
  it.each([
    ['2500.00', 250_000_000n],
    ['0', 0n],
    ['-12.5', -1_250_000n],
    ['0.00001', 1n],
    ['9999999999999.99999', 999_999_999_999_999_999n],
  ])('reads %s exactly', (text, units) => {
    expect(decimalAmountUnits(text)).toBe(units);
  });

  it.each(['1e3', '1.123456', '12345678901234', '', ' 1', '+1', '1,00', 12, null])('refuses %p', (text) => {
    expect(decimalAmountUnits(text)).toBeUndefined();
  });
});
