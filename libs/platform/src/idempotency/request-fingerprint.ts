import { createHash } from 'node:crypto';

/**
 * A digest of a call's `data` that does not depend on key order: the identity server's org.json serialisation has no
 * fixed key order (contract §2.3), so two sends of the same call may differ only in that.
 */
export function requestFingerprint(data: unknown): string {
  return createHash('sha256').update(canonicalJson(data)).digest('hex');
}

/** A value still to write, or text to write as it is (punctuation and keys). */
type Pending = { readonly value: unknown } | string;

/**
 * JSON with every object's keys sorted. Written with an explicit stack instead of recursion, so that no nesting,
 * however deep, can overflow the call stack (the body parser already refuses over-deep bodies; this does not rely
 * on it).
 */
function canonicalJson(root: unknown): string {
  const parts: string[] = [];
  // Last in, first out: a container pushes its closing bracket first and its opening bracket last.
  const pending: Pending[] = [{ value: root }];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (typeof next === 'string') {
      parts.push(next);
      continue;
    }
    const { value } = next;
    if (Array.isArray(value)) {
      pending.push(']');
      for (let index = value.length - 1; index >= 0; index -= 1) {
        pending.push({ value: value[index] as unknown });
        if (index > 0) {
          pending.push(',');
        }
      }
      pending.push('[');
    } else if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      pending.push('}');
      for (let index = keys.length - 1; index >= 0; index -= 1) {
        const key = keys[index];
        pending.push({ value: record[key] });
        pending.push(`${index > 0 ? ',' : ''}${JSON.stringify(key)}:`);
      }
      pending.push('{');
    } else {
      parts.push(JSON.stringify(value) ?? 'null');
    }
  }
  return parts.join('');
}
