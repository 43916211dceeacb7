import type { SpecPlugin } from '@app/contract';
import { ConfigurationError } from '@app/platform';
import { createBerlinSpec } from '@app/spec-berlin';
import { DEFAULT_SPEC } from '@app/spec-default';
import { createUaeSpec } from '@app/spec-uae';
import { createUkSpec } from '@app/spec-uk';

/** The environment a specification reads its own settings from (validated by the specification's factory). */
export type SpecEnvironment = Readonly<Record<string, string | undefined>>;

/**
 * Builds a specification module from its settings. A factory throws an Error naming the setting when one is invalid;
 * only the enabled specifications are built, so a specification that is not served never blocks the boot.
 */
export type SpecFactory = (env: SpecEnvironment) => SpecPlugin;

/**
 * Every specification this build can serve, by id. The application is the only place that knows them all: the
 * platform and the specifications never import one another. A new specification library adds one line here.
 */
export const AVAILABLE_SPECS: Readonly<Record<string, SpecFactory>> = {
  default: () => DEFAULT_SPEC,
  uk: (env) => createUkSpec(env),
  berlin: (env) => createBerlinSpec(env),
  uae: (env) => createUaeSpec(env),
};

/** The fallback for points a specification does not implement: the accelerator's own behaviour. */
export const FALLBACK_SPEC: SpecPlugin = DEFAULT_SPEC;

/** The specifications named by EXTENSION_SPECS (all of them when unset), refusing unknown ids and bad settings. */
export function selectSpecs(enabled: readonly string[] | undefined, env: SpecEnvironment = process.env): SpecPlugin[] {
  const ids = enabled === undefined ? Object.keys(AVAILABLE_SPECS) : [...new Set(enabled)];
  return ids.map((id) => {
    const create = AVAILABLE_SPECS[id];
    if (!create) {
      throw new ConfigurationError(`EXTENSION_SPECS names "${id}", which is not a specification of this build (known: ${Object.keys(AVAILABLE_SPECS).join(', ')})`);
    }
    try {
      return create(env);
    } catch (error) {
      throw new ConfigurationError(`Specification "${id}": ${(error as Error).message}`);
    }
  });
}
