/*
 * OpenAPI 3.0 writes exclusive bounds as booleans beside `minimum`/`maximum` (`exclusiveMinimum: false`), which ajv
 * (JSON Schema draft 7) refuses to compile. psd2-api 1.3.12 does so for `frequencyPerDay`. This rewrites a parsed
 * document's bounds into the draft-7 form, on a copy; the vendored file stays byte-identical to the official one.
 */

type Json = unknown;

export function withDraft7Bounds(document: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(document);
  const pending: Json[] = [copy];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) {
      pending.push(...(node as Json[]));
      continue;
    }
    if (typeof node !== 'object' || node === null) {
      continue;
    }
    const schema = node as Record<string, unknown>;
    rewriteBound(schema, 'exclusiveMinimum', 'minimum');
    rewriteBound(schema, 'exclusiveMaximum', 'maximum');
    pending.push(...Object.values(schema));
  }
  return copy;
}

function rewriteBound(schema: Record<string, unknown>, exclusive: string, inclusive: string): void {
  if (typeof schema[exclusive] !== 'boolean') {
    return;
  }
  if (schema[exclusive] === true && typeof schema[inclusive] === 'number') {
    schema[exclusive] = schema[inclusive];
    delete schema[inclusive];
  } else {
    delete schema[exclusive];
  }
}
