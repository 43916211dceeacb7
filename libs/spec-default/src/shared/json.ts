import { isJsonObject, isString, jsonEquals, nonEmptyString, type JsonObject } from '@app/contract';

export { isJsonObject, isString, jsonEquals, nonEmptyString };

/*
 * Small guards for reading JSON that a TPP or the identity server wrote: every value is `unknown` until checked, so
 * a wrong type deep inside a body (`Permissions: "x"`, `Data: []`) becomes a business answer, never a TypeError.
 */

/** A JSON object with at least one key; the identity server sends `{}` where it has no consent. */
export function isNonEmptyJsonObject(value: unknown): value is JsonObject {
  return isJsonObject(value) && Object.keys(value).length > 0;
}

/** org.json's `has(key)`: true when the key is present, even with a null value. */
export function hasKey(object: JsonObject, key: string): boolean {
  return Object.hasOwn(object, key);
}

