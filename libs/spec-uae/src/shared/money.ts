import { objectAt, stringAt } from './json.js';

/** UAE amounts are `^\d{1,16}\.\d{2}$`: counted exactly, in minor units (fils), never as floating point. */
export interface Money {
  readonly minorUnits: bigint;
  readonly currency: string;
}

const AMOUNT = /^(\d{1,16})\.(\d{2})$/;

export function parseAmount(text: unknown): bigint | undefined {
  if (typeof text !== 'string') {
    return undefined;
  }
  const match = AMOUNT.exec(text);
  return match === null ? undefined : BigInt(match[1]) * 100n + BigInt(match[2]);
}

/** `{Amount, Currency}` under `key` of `parent`. */
export function moneyAt(parent: unknown, key: string): Money | undefined {
  const object = objectAt(parent, key);
  const minorUnits = parseAmount(stringAt(object, 'Amount'));
  const currency = stringAt(object, 'Currency');
  return minorUnits === undefined || currency === undefined ? undefined : { minorUnits, currency };
}

/** Fils as a UAE amount: `1005n` is `10.05`. */
export function formatAmount(minorUnits: bigint): string {
  return `${minorUnits / 100n}.${(minorUnits % 100n).toString().padStart(2, '0')}`;
}

export function formatMoney(money: Money): string {
  return `${money.currency} ${formatAmount(money.minorUnits)}`;
}
