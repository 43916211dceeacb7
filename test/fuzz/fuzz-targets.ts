import type { ExtensionName } from '@app/contract';
import { contractExampleSeeds } from './contract-examples.js';
import { journeySeeds } from './journey-seeds.js';
import { SeedCorpus, type FuzzTarget } from './seed-corpus.js';

/** Every point of every specification asked for: the fuzzer's targets. */
export function fuzzTargets(specs: readonly string[], points: readonly ExtensionName[]): FuzzTarget[] {
  return specs.flatMap((spec) => points.map((extension) => ({ spec, extension })));
}

export interface BuiltCorpus {
  readonly corpus: SeedCorpus;
  readonly journeySummaries: readonly string[];
}

/** The seeds: the journeys of the specifications run against the service, plus the contract's examples. */
export async function buildCorpus(
  baseUrl: string,
  specs: readonly string[],
  user: string,
  password: string,
): Promise<BuiltCorpus> {
  const journeys = await journeySeeds(baseUrl, specs, { kind: 'basic', username: user, password });
  return {
    corpus: new SeedCorpus([...journeys.seeds, ...contractExampleSeeds()]),
    journeySummaries: journeys.summaries,
  };
}
