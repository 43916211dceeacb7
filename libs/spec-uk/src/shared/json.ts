import { headerValue, isJsonObject, jsonEquals, nonEmptyString, objectAt, stringAt } from '@app/contract';

export { headerValue, isJsonObject, jsonEquals, nonEmptyString, objectAt, stringAt };

/*
 * Guards for JSON written by a TPP or by the identity server: every value is `unknown` until checked, so a wrong type
 * deep inside a body becomes a UK error, never a TypeError.
 */

/** The strings of the array at `key` (other items are skipped); empty when there is no array. */
export function stringsAt(value: unknown, key: string): string[] {
  const child = isJsonObject(value) ? value[key] : undefined;
  return Array.isArray(child) ? child.filter((item): item is string => typeof item === 'string') : [];
}
