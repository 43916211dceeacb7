import {
  isJsonObject,
  isNonEmptyJsonObject,
  isString,
  jsonEquals,
  nonEmptyString,
  type JsonObject,
} from '@app/contract';

export { isJsonObject, isNonEmptyJsonObject, isString, jsonEquals, nonEmptyString };

/*
 * Small guards for reading JSON that a TPP or the identity server wrote: every value is `unknown` until checked, so
 * a wrong type deep inside a body (`Permissions: "x"`, `Data: []`) becomes a business answer, never a TypeError.
 */

/** org.json's `has(key)`: true when the key is present, even with a null value. */
export function hasKey(object: JsonObject, key: string): boolean {
  return Object.hasOwn(object, key);
}
