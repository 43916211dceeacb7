/** Narrowing helpers for JSON that came back from the service, where nothing can be assumed. */

export type JsonRecord = Record<string, unknown>;

export function isJsonRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function recordAt(value: unknown, key: string): JsonRecord | undefined {
  if (!isJsonRecord(value)) {
    return undefined;
  }
  const member = value[key];
  return isJsonRecord(member) ? member : undefined;
}

export function arrayAt(value: unknown, key: string): readonly unknown[] | undefined {
  if (!isJsonRecord(value)) {
    return undefined;
  }
  const member = value[key];
  return Array.isArray(member) ? (member as readonly unknown[]) : undefined;
}

export function stringAt(value: unknown, key: string): string | undefined {
  if (!isJsonRecord(value)) {
    return undefined;
  }
  const member = value[key];
  return typeof member === 'string' ? member : undefined;
}

/** Follows a path of object keys, e.g. `['data', 'consentResource', 'status']`. */
export function valueAtPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isJsonRecord(current)) {
      return undefined;
    }
    current = current[key];
  }
  return current;
}

/** Deep equality of JSON values (key order ignored), like Jackson's tree equality. */
export function jsonEquals(left: unknown, right: unknown): boolean {
  if (left === right) {
    return true;
  }
  if (Array.isArray(left) || Array.isArray(right)) {
    if (!Array.isArray(left) || !Array.isArray(right) || left.length !== right.length) {
      return false;
    }
    return left.every((item: unknown, index) => jsonEquals(item, right[index]));
  }
  if (isJsonRecord(left) && isJsonRecord(right)) {
    const leftKeys = Object.keys(left);
    if (leftKeys.length !== Object.keys(right).length) {
      return false;
    }
    return leftKeys.every((key) => Object.hasOwn(right, key) && jsonEquals(left[key], right[key]));
  }
  return false;
}
