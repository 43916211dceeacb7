import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The shared reference folder that sits beside the repository (override with SHARED_DIR). */
export function sharedDir(): string {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const dir = process.env['SHARED_DIR'] ?? join(repoRoot, '..', 'shared');
  if (!existsSync(dir)) {
    throw new Error(`The shared reference folder is missing at ${dir}; set SHARED_DIR`);
  }
  return dir;
}

export type Json = Record<string, unknown>;

/** The published contract, `accelerator-extensions-v1.0.4.yaml`. */
export function loadPublishedContract(): Json {
  return parse(readFileSync(join(sharedDir(), 'reference', 'accelerator-extensions-v1.0.4.yaml'), 'utf8')) as Json;
}

/** Resolves local `$ref`s (`#/components/...`) of a document, deeply, leaving the document untouched. */
export function dereference(document: Json, node: unknown, seen: readonly string[] = []): unknown {
  if (Array.isArray(node)) {
    return node.map((item) => dereference(document, item, seen));
  }
  if (typeof node !== 'object' || node === null) {
    return node;
  }
  const ref = (node as Json)['$ref'];
  if (typeof ref === 'string') {
    if (seen.includes(ref)) {
      return {};
    }
    const target = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((current, key) => (current as Json)[key], document);
    return dereference(document, target, [...seen, ref]);
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, dereference(document, value, seen)]));
}
