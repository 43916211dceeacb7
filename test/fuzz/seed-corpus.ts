import { EXTENSION_NAMES, type ExtensionName } from '@app/contract';

/*
 * The seeds the fuzzer mutates: real calls of the identity-server simulator's journeys, and the request examples of
 * the published contract.
 */

/** One call worth mutating: the `data` the identity server sent (or the contract shows) at one point. */
export interface FuzzSeed {
  /** Where it comes from, e.g. `journey uk` or `example`, for the report and the replay file. */
  readonly source: string;
  /** The specification whose journey sent it; undefined for the contract's examples, which fit every one. */
  readonly spec: string | undefined;
  readonly extension: ExtensionName;
  readonly data: unknown;
}

export interface FuzzTarget {
  readonly spec: string;
  readonly extension: ExtensionName;
}

/** One call the journeys sent or the contract shows, by the extension name of its URL. */
export function seedFromCall(
  source: string,
  spec: string | undefined,
  extension: string,
  body: unknown,
): FuzzSeed | undefined {
  if (
    !(EXTENSION_NAMES as readonly string[]).includes(extension) ||
    typeof body !== 'object' ||
    body === null ||
    !('data' in body)
  ) {
    return undefined;
  }
  return { source, spec, extension: extension as ExtensionName, data: body.data };
}

/**
 * The seeds of one target, best first: the calls of that specification's own journey, else any journey's calls of
 * that point (the identity server builds `data` the same way for every specification), plus the contract's examples.
 */
export class SeedCorpus {
  private readonly byTarget = new Map<string, readonly FuzzSeed[]>();
  /** The seeds without duplicates (journeys repeat calls, e.g. retries). */
  private readonly all: readonly FuzzSeed[];

  constructor(seeds: readonly FuzzSeed[]) {
    const distinct = new Map<string, FuzzSeed>();
    for (const seed of seeds) {
      distinct.set(JSON.stringify([seed.spec, seed.extension, seed.data]), seed);
    }
    this.all = [...distinct.values()];
  }

  get size(): number {
    return this.all.length;
  }

  seedsFor(target: FuzzTarget): readonly FuzzSeed[] {
    const key = `${target.spec}/${target.extension}`;
    let found = this.byTarget.get(key);
    if (found === undefined) {
      const atPoint = this.all.filter((seed) => seed.extension === target.extension);
      const own = atPoint.filter((seed) => seed.spec === target.spec);
      const journeys = own.length > 0 ? own : atPoint.filter((seed) => seed.spec !== undefined);
      const examples = atPoint.filter((seed) => seed.spec === undefined);
      found = [...journeys, ...examples];
      if (found.length === 0) {
        // The contract shows every point, so this means the corpus was built without it: an empty `data` still fuzzes.
        found = [{ source: 'empty', spec: undefined, extension: target.extension, data: {} }];
      }
      this.byTarget.set(key, found);
    }
    return found;
  }

  /** How many seeds each source gave, for the start-up line. */
  countsBySource(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const seed of this.all) {
      counts[seed.source] = (counts[seed.source] ?? 0) + 1;
    }
    return counts;
  }
}
