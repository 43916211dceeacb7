import type { SpecPlugin } from '@app/contract';
import { ConfigurationError } from '@app/platform';
import { DEFAULT_SPEC } from '@app/spec-default';

/**
 * Every specification this build can serve. The application is the only place that knows them all: the platform
 * and the specifications never import one another. A new specification library adds one line here.
 */
export const AVAILABLE_SPECS: readonly SpecPlugin[] = [DEFAULT_SPEC];

/** The fallback for points a specification does not implement: the accelerator's own behaviour. */
export const FALLBACK_SPEC: SpecPlugin = DEFAULT_SPEC;

/** The specifications named by EXTENSION_SPECS (all of them when unset), refusing unknown ids. */
export function selectSpecs(enabled: readonly string[] | undefined): SpecPlugin[] {
  if (enabled === undefined) {
    return [...AVAILABLE_SPECS];
  }
  return [...new Set(enabled)].map((id) => {
    const plugin = AVAILABLE_SPECS.find((candidate) => candidate.id === id);
    if (!plugin) {
      const known = AVAILABLE_SPECS.map((s) => s.id).join(', ');
      throw new ConfigurationError(`EXTENSION_SPECS names "${id}", which is not a specification of this build (known: ${known})`);
    }
    return plugin;
  });
}
