import { isJsonObject, type JsonObject } from '@app/contract';

export { isJsonObject };

/*
 * Guards for reading JSON that a TPP or the identity server wrote: every value is `unknown` until checked, so a wrong
 * type deep inside a body becomes a UAE error, never a TypeError. (The default specification has the same guards
 * but does not export them.)
 */

export function isNonEmptyJsonObject(value: unknown): value is JsonObject {
  return isJsonObject(value) && Object.keys(value).length > 0;
}

export function objectAt(value: unknown, key: string): JsonObject | undefined {
  if (!isJsonObject(value)) {
    return undefined;
  }
  const child = value[key];
  return isJsonObject(child) ? child : undefined;
}

export function stringAt(value: unknown, key: string): string | undefined {
  if (!isJsonObject(value)) {
    return undefined;
  }
  const child = value[key];
  return typeof child === 'string' ? child : undefined;
}

export function stringArrayAt(value: unknown, key: string): string[] | undefined {
  if (!isJsonObject(value)) {
    return undefined;
  }
  const child = value[key];
  return Array.isArray(child) && child.every((item) => typeof item === 'string') ? (child) : undefined;
}
