import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import {
  CONTRACT_DEVIATIONS,
  EXTENSION_NAMES,
  EXTENSION_SCHEMAS,
  isExtensionName,
  type ExtensionName,
} from '@app/contract';
import { dereference, loadPublishedContract, type Json } from './published-contract-document.js';

const published = loadPublishedContract();
const publishedPaths = published['paths'] as Record<string, { post: Json }>;
const ours = parse(readFileSync('openapi/extensions.yaml', 'utf8')) as { paths: Record<string, Json> };

/** The `data` schema of a published request body. */
function publishedRequestData(path: string): Json {
  const body = dereference(published, publishedPaths[path].post['requestBody']) as Json;
  const schema = ((body['content'] as Json)['application/json'] as Json)['schema'] as Json;
  return ((schema['properties'] as Json)['data'] ?? {}) as Json;
}

function publishedRequestExamples(path: string): { name: string; value: unknown }[] {
  const content = ((publishedPaths[path].post['requestBody'] as Json)['content'] as Json)['application/json'] as Json;
  const examples = (content['examples'] ?? {}) as Record<string, { value: unknown }>;
  return Object.entries(examples).map(([name, example]) => ({ name, value: example.value }));
}

/** Paths under `data` where a listed deviation says we differ from the published request schema on purpose. */
function requestDeviationPaths(extension: ExtensionName): string[] {
  return CONTRACT_DEVIATIONS.filter(
    (d) => d.part === 'request' && (d.extensions.length === 0 || d.extensions.includes(extension)),
  ).flatMap((d) => d.path.split(',').map((p) => p.trim()));
}

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
};

const typesOf = (schema: Schema): string[] | undefined => {
  if (schema.anyOf ?? schema.oneOf) {
    const all = (schema.anyOf ?? schema.oneOf)!.map(typesOf);
    return all.some((t) => t === undefined) ? undefined : (all.flat() as string[]);
  }
  return schema.type === undefined ? undefined : ([] as string[]).concat(schema.type);
};

/**
 * Every property the published contract declares must exist in ours with a compatible JSON type, unless a listed
 * deviation covers its path. Returns the incompatibilities found.
 */
function incompatibilities(theirs: Schema, mine: Schema, path: string, deviations: string[]): string[] {
  if (deviations.some((d) => path === d || path.startsWith(`${d}.`))) {
    return [];
  }
  const problems: string[] = [];
  const theirTypes = typesOf(theirs);
  const myTypes = typesOf(mine);
  const compatible = (t: string): boolean =>
    myTypes === undefined ||
    myTypes.includes(t) ||
    (t === 'integer' && myTypes.includes('number')) ||
    (t === 'number' && myTypes.includes('integer'));
  if (theirTypes && !theirTypes.every(compatible)) {
    problems.push(`${path || 'data'}: published ${theirTypes.join('|')}, ours ${myTypes?.join('|')}`);
  }
  for (const [key, sub] of Object.entries(theirs.properties ?? {})) {
    const childPath = path ? `${path}.${key}` : key;
    const mineSub =
      mine.properties?.[key] ?? (mine.anyOf ?? mine.oneOf)?.find((m) => m.properties?.[key])?.properties?.[key];
    if (!mineSub) {
      if (!deviations.some((d) => childPath === d || childPath.startsWith(`${d}.`))) {
        problems.push(`${childPath}: declared by the published contract, missing from ours`);
      }
      continue;
    }
    problems.push(...incompatibilities(sub, mineSub, childPath, deviations));
  }
  if (theirs.items && mine.items) {
    problems.push(...incompatibilities(theirs.items, mine.items, `${path}[]`, deviations));
  }
  return problems;
}

const ajv = new Ajv({ strict: false });

describe('Compatibility with the published contract accelerator-extensions-v1.0.4.yaml', () => {
  it('covers every published path under /{spec}, and no more', () => {
    const expected = Object.keys(publishedPaths)
      .map((path) => `/{spec}${path}`)
      .sort();
    const served = Object.keys(ours.paths)
      .filter((path) => path !== '/{spec}')
      .sort();
    expect(served).toEqual(expected);
    expect(
      Object.keys(publishedPaths)
        .map((p) => p.slice(1))
        .sort(),
    ).toEqual([...EXTENSION_NAMES].sort());
  });

  describe.each(Object.keys(publishedPaths))('%s', (path) => {
    const extension = path.slice(1);
    if (!isExtensionName(extension)) {
      throw new Error(`Unknown published path ${path}`);
    }
    it('declares every published request property with a compatible type (or lists the deviation)', () => {
      const mine = JSON.parse(JSON.stringify(EXTENSION_SCHEMAS[extension].request)) as Schema;
      expect(
        incompatibilities(publishedRequestData(path) as Schema, mine, '', requestDeviationPaths(extension)),
      ).toEqual([]);
    });
    it('accepts the published request examples', () => {
      const validate = ajv.compile(EXTENSION_SCHEMAS[extension].request);
      for (const example of publishedRequestExamples(path)) {
        const data = (example.value as { data?: unknown }).data;
        expect({ example: example.name, valid: validate(data), errors: validate.errors ?? null }).toEqual({
          example: example.name,
          valid: true,
          errors: null,
        });
      }
    });
  });

  it('lists each deviation once, with a reason, for known points only', () => {
    const ids = CONTRACT_DEVIATIONS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const deviation of CONTRACT_DEVIATIONS) {
      expect(deviation.reason.length).toBeGreaterThan(10);
      expect(deviation.extensions.every((name) => isExtensionName(name))).toBe(true);
    }
  });
});
