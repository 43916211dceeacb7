import { isJsonObject, isString, nonEmptyString, type JsonObject } from '@app/contract';

export { isJsonObject, isString, nonEmptyString };

/*
 * Guards for reading JSON written by a TPP or the identity server: every value is `unknown` until checked, so a wrong
 * type deep inside a body becomes a Berlin Group FORMAT_ERROR, never a TypeError.
 */

/** The object at `key`, or `{}` when it is absent or not an object. */
export function objectAt(value: unknown, key: string): JsonObject {
  const child = isJsonObject(value) ? value[key] : undefined;
  return isJsonObject(child) ? child : {};
}
