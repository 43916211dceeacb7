import { isJsonObject, jsonEquals, nonEmptyString, type JsonObject } from '@app/contract';

export { isJsonObject, jsonEquals, nonEmptyString };

/*
 * Guards for JSON written by a TPP or by the identity server: every value is `unknown` until checked, so a wrong type
 * deep inside a body becomes a UK error, never a TypeError.
 */

/** The object at `key`, or undefined when there is none (or it is not an object). */
export function objectAt(value: unknown, key: string): JsonObject | undefined {
  const child = isJsonObject(value) ? value[key] : undefined;
  return isJsonObject(child) ? child : undefined;
}

/** The string at `key`, or undefined. */
export function stringAt(value: unknown, key: string): string | undefined {
  const child = isJsonObject(value) ? value[key] : undefined;
  return typeof child === 'string' ? child : undefined;
}

/** The strings of the array at `key` (other items are skipped); empty when there is no array. */
export function stringsAt(value: unknown, key: string): string[] {
  const child = isJsonObject(value) ? value[key] : undefined;
  return Array.isArray(child) ? child.filter((item): item is string => typeof item === 'string') : [];
}

/** A header of a TPP request, by name in any letter case (HTTP header names are case-insensitive). */
export function headerValue(headers: Readonly<Record<string, string>> | undefined, name: string): string | undefined {
  if (headers === undefined) {
    return undefined;
  }
  const wanted = name.toLowerCase();
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === wanted);
  return key === undefined ? undefined : headers[key];
}
