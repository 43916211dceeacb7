import { SPEC_MODULE_API_VERSION, SettingError, SettingsReader, type SpecModule, type SpecPlugin } from '@app/contract';
import { ConfigurationError } from '@app/platform';
import { createBerlinSpec } from '@app/spec-berlin';
import { DEFAULT_SPEC } from '@app/spec-default';
import { createUaeSpec } from '@app/spec-uae';
import { createUkSpec } from '@app/spec-uk';
import type { LoadedSpecModule } from './modules/extension-module-loader.js';

/** The environment a specification reads its own settings from (validated by the specification's factory). */
export type SpecEnvironment = Readonly<Record<string, string | undefined>>;

/**
 * The specifications this build carries, by id. The application is the only place that knows them all: the platform
 * and the specifications never import one another. A bank adds its own through EXTENSION_MODULES, without a fork.
 */
export function builtInSpecModules(): readonly SpecModule[] {
  const builtIn = (id: string, create: SpecModule['create']): SpecModule => ({
    apiVersion: SPEC_MODULE_API_VERSION,
    id,
    create,
  });
  return [
    builtIn('default', () => DEFAULT_SPEC),
    builtIn('uk', (settings) => createUkSpec(settings)),
    builtIn('berlin', (settings) => createBerlinSpec(settings)),
    builtIn('uae', (settings) => createUaeSpec(settings)),
  ];
}

export const BUILT_IN_SPEC_IDS: readonly string[] = builtInSpecModules().map((module) => module.id);

/** The fallback for points a specification does not implement: the accelerator's own behaviour. */
export const FALLBACK_SPEC: SpecPlugin = DEFAULT_SPEC;

/** What the service serves, and what it builds only because a served specification derives from it. */
export interface SpecSelection {
  readonly served: readonly SpecPlugin[];
  readonly bases: readonly SpecPlugin[];
}

/**
 * The built-in specifications named by EXTENSION_SPECS (all of them when unset) and every loaded module, plus the
 * specifications they extend. Refuses unknown ids, duplicate ids, unknown bases and bad settings, naming the culprit.
 */
export function selectSpecs(
  enabled: readonly string[] | undefined,
  env: SpecEnvironment = process.env,
  loaded: readonly LoadedSpecModule[] = [],
  settings = new SettingsReader(env),
): SpecSelection {
  const builtIns = builtInSpecModules();
  const modules = new Map<string, { module: SpecModule; origin: string }>();
  for (const module of builtIns) {
    modules.set(module.id, { module, origin: 'built in' });
  }
  for (const { entry, module } of loaded) {
    const clash = modules.get(module.id);
    if (clash) {
      throw new ConfigurationError(
        `EXTENSION_MODULES: module "${entry}" has the id "${module.id}", which ${clash.origin === 'built in' ? 'a built-in specification has' : `module "${clash.origin}" has too`}; derive from it with "extends" under an id of your own`,
      );
    }
    modules.set(module.id, { module, origin: entry });
  }

  const ids = [
    ...new Set([...(enabled ?? builtIns.map((module) => module.id)), ...loaded.map(({ module }) => module.id)]),
  ];
  const built = new Map<string, SpecPlugin>();
  const build = (id: string, neededBy?: string): SpecPlugin => {
    const existing = built.get(id);
    if (existing) {
      return existing;
    }
    const known = modules.get(id);
    if (!known) {
      throw new ConfigurationError(
        neededBy === undefined
          ? `EXTENSION_SPECS names "${id}", which is not a specification of this build (known: ${[...modules.keys()].join(', ')})`
          : `Specification "${neededBy}" extends "${id}", which is not a specification of this service (known: ${[...modules.keys()].join(', ')})`,
      );
    }
    let plugin: SpecPlugin;
    try {
      plugin = known.module.create(settings.forOwner(id));
    } catch (error) {
      const detail = error instanceof SettingError || error instanceof Error ? error.message : String(error);
      throw new ConfigurationError(
        `Specification "${id}"${known.origin === 'built in' ? '' : ` (module "${known.origin}")`}: ${detail}`,
      );
    }
    if (plugin.id !== id) {
      throw new ConfigurationError(
        `Specification "${id}" (module "${known.origin}") created a specification with the id "${plugin.id}"`,
      );
    }
    built.set(id, plugin);
    if (plugin.extends !== undefined) {
      if (plugin.extends === id || plugin.extends === FALLBACK_SPEC.id) {
        throw new ConfigurationError(
          `Specification "${id}" cannot extend "${plugin.extends}" (every specification already falls back to "${FALLBACK_SPEC.id}")`,
        );
      }
      build(plugin.extends, id);
    }
    return plugin;
  };
  const served = ids.map((id) => build(id));
  const bases = [...built.values()].filter((plugin) => !served.includes(plugin));
  return { served, bases };
}
