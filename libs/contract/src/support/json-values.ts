import type { JsonObject } from '../schemas/json.js';

/*
 * Guards for reading JSON that a TPP or the identity server wrote, shared by every specification: each value is
 * `unknown` until checked, so a wrong type deep inside a body (`Permissions: "x"`, `Data: []`) becomes a business
 * answer, never a TypeError.
 */

/** A JSON object (not an array, not null), as org.json's `instanceof JSONObject` means it. */
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

/**
 * Structural equality of two JSON trees, like Jackson's `JsonNode.equals` (which the accelerator uses to compare a
 * payment submission with its consent): object key order does not matter, array order does. Iterative, so a hostile,
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

/** A JSON object with at least one key; the identity server sends `{}` where it has no consent. */
export function isNonEmptyJsonObject(value: unknown): value is JsonObject {
  return isJsonObject(value) && Object.keys(value).length > 0;
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

/**
 * A TPP request header by name in any letter case: HTTP header names are case-insensitive, and gateways and the
 * identity server do not agree on a spelling (`requestHeaders`, `dataRequestPayload.headers`).
 */
export function headerValue(headers: Readonly<Record<string, string>> | undefined, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() === wanted) {
      return value;
    }
  }
  return undefined;
}
