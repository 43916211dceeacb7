/*
 * Amounts of UK Open Banking (`OBActiveCurrencyAndAmount_SimpleType`: `^\d{1,13}$|^\d{1,13}\.\d{1,5}$`) as exact
 * integers. Every amount the schema allows has at most five decimals, so counting in units of 10^-5 of the currency
 * is exact for all of them, whatever the currency's own minor unit; floating point is never used for money.
 */

export const AMOUNT_SCALE_DIGITS = 5;

const AMOUNT = /^(\d{1,13})(?:\.(\d{1,5}))?$/;

/** The amount in units of 10^-5, or undefined when the text is not a schema-valid amount. */
export function scaledAmount(text: unknown): bigint | undefined {
  if (typeof text !== 'string') {
    return undefined;
  }
  const match = AMOUNT.exec(text);
  if (!match) {
    return undefined;
  }
  const fraction = (match[2] ?? '').padEnd(AMOUNT_SCALE_DIGITS, '0');
  return BigInt(match[1]) * 10n ** BigInt(AMOUNT_SCALE_DIGITS) + BigInt(fraction);
}
