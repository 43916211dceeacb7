/*
 * Money in the embedded bank: a decimal text (`2500.00`, `-12.5`) kept as an exact integer count of 10^-5 of the
 * currency, which holds every amount of the Open Banking amount pattern (at most 13 integer and 5 decimal digits) and
 * compares without floating point. The largest count, 10^18 - 1, fits a signed BIGINT on both databases.
 */

export const DECIMAL_AMOUNT_SCALE = 5;

const DECIMAL_AMOUNT = /^(-?)(\d{1,13})(?:\.(\d{1,5}))?$/;

/** The amount in units of 10^-5, or undefined when the text is not such a decimal. */
export function decimalAmountUnits(text: unknown): bigint | undefined {
  if (typeof text !== 'string') {
    return undefined;
  }
  const match = DECIMAL_AMOUNT.exec(text);
  if (match === null) {
    return undefined;
  }
  const units =
    BigInt(match[2]) * 10n ** BigInt(DECIMAL_AMOUNT_SCALE) + BigInt((match[3] ?? '').padEnd(DECIMAL_AMOUNT_SCALE, '0'));
  return match[1] === '-' ? -units : units;
}
