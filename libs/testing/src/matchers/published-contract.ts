import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CONTRACT_DEVIATIONS, type ExtensionName, type ExtensionStatus } from '@app/contract';
import { parse } from 'yaml';

/*
 * The published contract `accelerator-extensions-v1.0.4.yaml`: for each extension point and answer status, the schema
 * of `data` taken from its 200 response, with every `$ref` resolved and the documented deviations
 * (`CONTRACT_DEVIATIONS`, part `success`/`failure`) relaxed, so that what remains is where the published contract is
 * right.
 */

export const PUBLISHED_CONTRACT_FILE = 'accelerator-extensions-v1.0.4.yaml';

type SchemaNode = Record<string, unknown>;

function isSchemaNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The harness ships its own copy of the published contract (libs/testing/assets, copied next to the compiled code by
 * the build), so that `npm run journey` works wherever the service is deployed; its provenance record in
 * libs/testing/assets/provenance.json carries the SHA-256 a test checks the copy against.
 */
export function publishedContractPath(): string {
  return fileURLToPath(new URL(`../../assets/${PUBLISHED_CONTRACT_FILE}`, import.meta.url));
}

let document: SchemaNode | undefined;

function publishedDocument(): SchemaNode {
  if (document === undefined) {
    const parsed: unknown = parse(readFileSync(publishedContractPath(), 'utf8'));
    if (!isSchemaNode(parsed)) {
      throw new Error(`${publishedContractPath()} is not an OpenAPI document`);
    }
    document = parsed;
  }
  return document;
}

function child(node: unknown, key: string): unknown {
  return isSchemaNode(node) ? node[key] : undefined;
}

function resolvePointer(root: SchemaNode, reference: string): unknown {
  if (!reference.startsWith('#/')) {
    throw new Error(`Only local $refs are supported, got ${reference}`);
  }
  return reference
    .slice(2)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, segment) => child(node, segment), root);
}

/**
 * A deep copy with every `$ref` replaced by its target. Each occurrence gets its own copy, so relaxing a deviation at
 * one place never touches another. `oneOf` becomes `anyOf`: the published alternatives overlap (an object schema
 * without `additionalProperties: false` matches any object), so a JSON-Schema `oneOf` would refuse every valid answer.
 */
function dereference(node: unknown, root: SchemaNode, resolving: ReadonlySet<string> = new Set()): unknown {
  if (Array.isArray(node)) {
    return node.map((item: unknown) => dereference(item, root, resolving));
  }
  if (!isSchemaNode(node)) {
    return node;
  }
  const reference = node.$ref;
  if (typeof reference === 'string') {
    if (resolving.has(reference)) {
      throw new Error(`Circular $ref ${reference} in ${PUBLISHED_CONTRACT_FILE}`);
    }
    return dereference(resolvePointer(root, reference), root, new Set([...resolving, reference]));
  }
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key === 'oneOf' ? 'anyOf' : key, dereference(value, root, resolving)]),
  );
}

interface PathToken {
  readonly property: string;
  readonly throughItems: boolean;
}

/** `consumerData.accounts[].selected` → consumerData, accounts (then its items), selected. */
function parseDeviationPath(text: string): PathToken[] {
  return text
    .trim()
    .split('.')
    .map((segment) => ({ property: segment.replace(/\[\]$/, ''), throughItems: segment.endsWith('[]') }));
}

const COMBINATORS = ['allOf', 'anyOf', 'oneOf'] as const;

/** Lifts every constraint at the path: the property accepts anything and is no longer required. */
function relax(node: unknown, tokens: readonly PathToken[]): void {
  if (!isSchemaNode(node)) {
    return;
  }
  for (const combinator of COMBINATORS) {
    const branches = node[combinator];
    if (Array.isArray(branches)) {
      branches.forEach((branch: unknown) => relax(branch, tokens));
    }
  }
  const [head, ...rest] = tokens;
  if (head === undefined) {
    return;
  }
  const properties = node.properties;
  if (rest.length === 0) {
    if (isSchemaNode(properties) && head.property in properties) {
      properties[head.property] = {};
    }
    if (Array.isArray(node.required)) {
      node.required = node.required.filter((name: unknown) => name !== head.property);
    }
    return;
  }
  const next = child(properties, head.property);
  relax(head.throughItems ? child(next, 'items') : next, rest);
}

export type PublishedDataSchema =
  | { readonly kind: 'schema'; readonly schema: SchemaNode }
  /** The published contract says nothing about this answer: there is nothing to check. */
  | { readonly kind: 'undescribed' }
  /** The published contract could not be read: a violation, so that a missing file never passes silently. */
  | { readonly kind: 'unreadable'; readonly reason: string };

function deviationPart(status: ExtensionStatus): 'success' | 'failure' {
  return status === 'SUCCESS' ? 'success' : 'failure';
}

function statusMatches(branch: unknown, status: ExtensionStatus): boolean {
  const statusEnum = child(child(child(branch, 'properties'), 'status'), 'enum');
  // A response without a `status` property (the error mapper's) describes both outcomes.
  return !Array.isArray(statusEnum) || statusEnum.includes(status);
}

function buildDataSchema(extension: ExtensionName, status: ExtensionStatus): SchemaNode | undefined {
  const root = publishedDocument();
  const operation = child(child(root, 'paths'), `/${extension}`);
  const responseSchema = child(
    child(child(child(child(child(operation, 'post'), 'responses'), '200'), 'content'), 'application/json'),
    'schema',
  );
  if (responseSchema === undefined) {
    return undefined;
  }
  const resolved = dereference(responseSchema, root);
  const alternatives = child(resolved, 'anyOf');
  const branches = (Array.isArray(alternatives) ? (alternatives as unknown[]) : [resolved]).filter((branch) =>
    statusMatches(branch, status),
  );
  if (branches.length === 0) {
    return undefined;
  }
  // A branch that does not describe `data` accepts any `data`.
  const dataSchemas = branches.map((branch) => child(child(branch, 'properties'), 'data') ?? {});
  const schema: SchemaNode =
    dataSchemas.length === 1 && isSchemaNode(dataSchemas[0]) ? dataSchemas[0] : { anyOf: dataSchemas };
  for (const deviation of CONTRACT_DEVIATIONS) {
    if (deviation.part === deviationPart(status) && deviation.extensions.includes(extension)) {
      deviation.path.split(',').forEach((deviationPath) => relax(schema, parseDeviationPath(deviationPath)));
    }
  }
  return schema;
}

const dataSchemas = new Map<string, PublishedDataSchema>();

/** The published schema of `data` for one extension point and status, built once. */
export function publishedDataSchema(extension: ExtensionName, status: ExtensionStatus): PublishedDataSchema {
  const key = `${extension} ${status}`;
  let entry = dataSchemas.get(key);
  if (entry === undefined) {
    try {
      const schema = buildDataSchema(extension, status);
      entry = schema === undefined ? { kind: 'undescribed' } : { kind: 'schema', schema };
    } catch (error: unknown) {
      entry = {
        kind: 'unreadable',
        reason: `cannot read ${PUBLISHED_CONTRACT_FILE}: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    dataSchemas.set(key, entry);
  }
  return entry;
}
