import { createHash } from 'node:crypto';

/**
 * A digest of a call's `data` that does not depend on key order: the identity server's org.json serialisation has no
 * fixed key order (contract §2.3), so two sends of the same call may differ only in that.
 */
export function requestFingerprint(data: unknown): string {
  return createHash('sha256').update(canonicalJson(data)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
