import { readFileSync } from 'node:fs';
import { publishedContractPath } from '@app/testing';
import { parse } from 'yaml';
import { seedFromCall, type FuzzSeed } from './seed-corpus.js';

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The request examples of the published contract (`accelerator-extensions-v1.0.4.yaml`, the harness's vendored copy):
 * for each `POST /{extension-name}`, its `example` and every `examples.*.value`. They reach points no journey calls.
 */
export function contractExampleSeeds(): FuzzSeed[] {
  const document: unknown = parse(readFileSync(publishedContractPath(), 'utf8'));
  const paths = isNode(document) && isNode(document['paths']) ? document['paths'] : {};
  const seeds: FuzzSeed[] = [];
  for (const [path, operations] of Object.entries(paths)) {
    const content = isNode(operations)
      ? (operations as { post?: { requestBody?: { content?: Node } } }).post?.requestBody?.content
      : undefined;
    const media = content?.['application/json'];
    if (!isNode(media)) {
      continue;
    }
    const examples = [
      media['example'],
      ...(isNode(media['examples'])
        ? Object.values(media['examples']).map((example) => (isNode(example) ? example['value'] : undefined))
        : []),
    ];
    for (const example of examples) {
      const seed =
        example === undefined ? undefined : seedFromCall('example', undefined, path.replace(/^\//, ''), example);
      if (seed !== undefined) {
        seeds.push(seed);
      }
    }
  }
  return seeds;
}
