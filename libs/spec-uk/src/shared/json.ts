import type { JsonObject } from '@app/contract';

/*
 * Guards for JSON written by a TPP or by the identity server: every value is `unknown` until checked, so a wrong type
 * deep inside a body becomes a UK error, never a TypeError.
 */

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

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

/**
 * Structural equality of two JSON trees: object key order does not matter, array order does. Iterative, so a hostile,
 * deeply nested body cannot overflow the stack.
 */
export function jsonEquals(left: unknown, right: unknown): boolean {
  const pending: Array<[unknown, unknown]> = [[left, right]];
  while (pending.length > 0) {
    const [a, b] = pending.pop()!;
    if (a === b) {
      continue;
    }
    if (Array.isArray(a) || Array.isArray(b)) {
      if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) {
        return false;
      }
      a.forEach((item, index) => pending.push([item, b[index]]));
      continue;
    }
    if (!isJsonObject(a) || !isJsonObject(b)) {
      return false;
    }
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length || keys.some((key) => !Object.hasOwn(b, key))) {
      return false;
    }
    keys.forEach((key) => pending.push([a[key], b[key]]));
  }
  return true;
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
