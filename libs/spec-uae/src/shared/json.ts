import { isJsonObject, isNonEmptyJsonObject, objectAt, stringAt } from '@app/contract';

export { isJsonObject, isNonEmptyJsonObject, objectAt, stringAt };

/*
 * Guards for reading JSON that a TPP or the identity server wrote: every value is `unknown` until checked, so a wrong
 * type deep inside a body becomes a UAE error, never a TypeError.
 */

export function stringArrayAt(value: unknown, key: string): string[] | undefined {
  if (!isJsonObject(value)) {
    return undefined;
  }
  const child = value[key];
  return Array.isArray(child) && child.every((item) => typeof item === 'string') ? child : undefined;
}
