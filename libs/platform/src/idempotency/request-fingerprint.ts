import { createHash } from 'node:crypto';

/**
 * A digest of a call's `data` that does not depend on key order: the identity server's org.json serialisation has no
 * fixed key order (contract §2.3), so two sends of the same call may differ only in that. The digest is stored with
 * each recorded answer, so its value never changes: both ways of writing the text below give the same bytes.
 */
export function requestFingerprint(data: unknown): string {
  return createHash('sha256').update(canonicalJson(data)).digest('hex');
}

/** JSON with every object's keys sorted (by UTF-16 code units, as Array.prototype.sort compares strings). */
function canonicalJson(root: unknown): string {
  // JSON.stringify is native and several times faster than writing the text here (the fingerprint was 12-17% of
  // persist, test/bench/README.md); it writes an object's keys in the order the object lists them, so it is given
  // copies with sorted keys. What it would write differently, or cannot write, goes the written-here way.
  let sorted: unknown;
  try {
    sorted = withSortedKeys(root);
  } catch (error) {
    if (error instanceof RangeError) {
      return canonicalJsonByStack(root);
    }
    throw error;
  }
  return sorted === NOT_PLAIN_JSON ? canonicalJsonByStack(root) : JSON.stringify(sorted);
}

/** What withSortedKeys answers for a value JSON.stringify would not write as canonicalJsonByStack does. */
const NOT_PLAIN_JSON = Symbol('not plain JSON');
/**
 * Keys a copy cannot take as they are: one that looks like an array index (an object lists those before every other
 * key, in numeric order, whatever order they were added in), and `__proto__` (an own key of parsed JSON, but setting
 * it on a copy sets the copy's prototype).
 */
const KEY_A_COPY_CANNOT_HOLD = /^(?:0|[1-9]\d*|__proto__)$/;

/**
 * The value itself where every object in it already lists its keys in order, otherwise a copy of the parts that do
 * not. Recursive: a value nested deeper than the stack allows ends in a RangeError, and canonicalJson then takes the
 * stack-based way. Answers NOT_PLAIN_JSON for anything parsed JSON does not hold (undefined, functions, non-finite
 * numbers, class instances), which JSON.stringify would write differently or not at all.
 */
function withSortedKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) {
    if (value === null || typeof value === 'string' || typeof value === 'boolean' || Number.isFinite(value)) {
      return value;
    }
    return NOT_PLAIN_JSON;
  }
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let index = 0; index < value.length; index += 1) {
      const item: unknown = value[index];
      const sorted = withSortedKeys(item);
      if (sorted === NOT_PLAIN_JSON) {
        return NOT_PLAIN_JSON;
      }
      if (copy === undefined && sorted !== item) {
        copy = value.slice(0, index);
      }
      copy?.push(sorted);
    }
    return copy ?? value;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    return NOT_PLAIN_JSON;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let inOrder = true;
  for (let index = 0; index < keys.length; index += 1) {
    if (KEY_A_COPY_CANNOT_HOLD.test(keys[index])) {
      return NOT_PLAIN_JSON;
    }
    if (index > 0 && keys[index - 1] > keys[index]) {
      inOrder = false;
    }
  }
  if (!inOrder) {
    keys.sort();
  }
  let copy: Record<string, unknown> | undefined = inOrder ? undefined : {};
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index];
    const item = record[key];
    const sorted = withSortedKeys(item);
    if (sorted === NOT_PLAIN_JSON) {
      return NOT_PLAIN_JSON;
    }
    if (copy === undefined && sorted !== item) {
      copy = {};
      for (let earlier = 0; earlier < index; earlier += 1) {
        copy[keys[earlier]] = record[keys[earlier]];
      }
    }
    if (copy !== undefined) {
      copy[key] = sorted;
    }
  }
  return copy ?? value;
}

/**
 * The same text, written here with an explicit stack instead of recursion, so that no nesting, however deep, can
 * overflow the call stack (the body parser already refuses over-deep bodies; this does not rely on it). A stack entry
 * is text to write as it is (a scalar already written, punctuation, a key), or an array or object still to write.
 */
function canonicalJsonByStack(root: unknown): string {
  let text = '';
  // Last in, first out: a container pushes its closing bracket first and its opening bracket last.
  const pending: unknown[] = [toStackEntry(root)];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') {
      text += next;
    } else if (Array.isArray(next)) {
      pending.push(']');
      for (let index = next.length - 1; index >= 0; index -= 1) {
        pending.push(toStackEntry(next[index]));
        if (index > 0) {
          pending.push(',');
        }
      }
      pending.push('[');
    } else {
      const record = next as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      pending.push('}');
      for (let index = keys.length - 1; index >= 0; index -= 1) {
        const key = keys[index];
        pending.push(toStackEntry(record[key]));
        pending.push(`${index > 0 ? ',' : ''}${JSON.stringify(key)}:`);
      }
      pending.push('{');
    }
  }
  return text;
}

/** A container as it is; anything else as its JSON text (undefined and other unwritable values as `null`). */
function toStackEntry(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? value : (JSON.stringify(value) ?? 'null');
}
