/*
 * Amounts of UK Open Banking (`OBActiveCurrencyAndAmount_SimpleType`: `^\d{1,13}$|^\d{1,13}\.\d{1,5}$`) as exact
 * integers. Every amount the schema allows has at most five decimals, so counting in units of 10^-5 of the currency
 * is exact for all of them, whatever the currency's own minor unit; floating point is never used for money. Payment
 * files (pain.001 amounts and control sums, the ControlSum of a file consent) are counted the same way.
 */

export const AMOUNT_SCALE_DIGITS = 5;

const AMOUNT = /^(\d{1,13})(?:\.(\d{1,5}))?$/;
/** ISO 20022 amounts and decimal numbers: up to 18 digits; this module reads those with at most five decimals. */
const FILE_DECIMAL = /^(\d{1,18})(?:\.(\d{1,5}))?$/;

function units(match: RegExpExecArray): bigint {
  const fraction = (match[2] ?? '').padEnd(AMOUNT_SCALE_DIGITS, '0');
  return BigInt(match[1]) * 10n ** BigInt(AMOUNT_SCALE_DIGITS) + BigInt(fraction);
}

/** The amount in units of 10^-5, or undefined when the text is not a schema-valid amount. */
export function scaledAmount(text: unknown): bigint | undefined {
  const match = typeof text === 'string' ? AMOUNT.exec(text) : null;
  return match === null ? undefined : units(match);
}

/** A non-negative decimal of a payment file (up to 18 integer digits, at most five decimals) in units of 10^-5. */
export function scaledDecimal(text: unknown): bigint | undefined {
  const match = typeof text === 'string' ? FILE_DECIMAL.exec(text.trim()) : null;
  return match === null ? undefined : units(match);
}

/**
 * A JSON number (a file consent's ControlSum, a `DecimalNumber`) in units of 10^-5: its shortest decimal form, which
 * is the text the TPP wrote for every number a double holds exactly enough (at most 15 significant digits).
 */
export function scaledNumber(value: unknown): bigint | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? scaledDecimal(String(value)) : undefined;
}

/** The decimal text of units of 10^-5, with at least two decimals: 345930000n is `3459.30`. */
export function formatScaled(amount: bigint): string {
  const digits = amount.toString().padStart(AMOUNT_SCALE_DIGITS + 1, '0');
  const fraction = digits.slice(-AMOUNT_SCALE_DIGITS).replace(/0{1,3}$/, '');
  return `${digits.slice(0, -AMOUNT_SCALE_DIGITS)}.${fraction}`;
}
