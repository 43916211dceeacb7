import { berlinExamples } from './berlin-examples.js';
import type { ConsentExample } from './consent-example.js';
import { defaultExamples } from './default-examples.js';
import { uaeExamples } from './uae-examples.js';
import { ukExamples } from './uk-examples.js';

/** A served specification as the console knows it: its id, title, and the specification it derives from. */
export interface ServedSpecInfo {
  readonly id: string;
  readonly title: string;
  readonly extends?: string;
}

const CATALOGUES: Readonly<Record<string, (now: number) => ConsentExample[]>> = {
  default: defaultExamples,
  uk: ukExamples,
  berlin: berlinExamples,
  uae: uaeExamples,
};

/**
 * Whose example consents a served specification takes: its own catalogue for a built-in one, else the catalogue of
 * the specification it derives from (a bank's module extending `uk` takes UK consents), else `default`, whose
 * behaviour every module falls back to.
 */
export function catalogueOf(spec: ServedSpecInfo, served: readonly ServedSpecInfo[]): string {
  const seen = new Set<string>();
  let current: ServedSpecInfo | undefined = spec;
  while (current !== undefined && !seen.has(current.id)) {
    if (CATALOGUES[current.id] !== undefined) {
      return current.id;
    }
    seen.add(current.id);
    const base: string | undefined = current.extends;
    current =
      base === undefined ? undefined : (served.find((candidate) => candidate.id === base) ?? { id: base, title: base });
  }
  return 'default';
}

/** The example consents of a served specification, their dates computed from `now`. */
export function examplesFor(
  spec: ServedSpecInfo,
  served: readonly ServedSpecInfo[],
  now: number = Date.now(),
): ConsentExample[] {
  return CATALOGUES[catalogueOf(spec, served)](now);
}
