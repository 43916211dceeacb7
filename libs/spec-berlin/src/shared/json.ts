import type { JsonObject } from '@app/contract';

/*
 * Guards for reading JSON written by a TPP or the identity server: every value is `unknown` until checked, so a wrong
 * type deep inside a body becomes a Berlin Group FORMAT_ERROR, never a TypeError.
 */

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** The value when it is a non-empty string, otherwise undefined. */
export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The object at `key`, or `{}` when it is absent or not an object. */
export function objectAt(value: unknown, key: string): JsonObject {
  const child = isJsonObject(value) ? value[key] : undefined;
  return isJsonObject(child) ? child : {};
}
