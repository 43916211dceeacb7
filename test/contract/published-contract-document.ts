import { readFileSync } from 'node:fs';
import { publishedContractPath } from '@app/testing';
import { parse } from 'yaml';

export type Json = Record<string, unknown>;

/** The published contract, `accelerator-extensions-v1.0.4.yaml`, as vendored with the test harness. */
export function loadPublishedContract(): Json {
  return parse(readFileSync(publishedContractPath(), 'utf8')) as Json;
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
