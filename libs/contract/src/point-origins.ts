import { EXTENSION_NAMES, type ExtensionName } from './extension-catalogue.js';
import { EXTENSION_PORTS } from './ports.js';
import { nativePointsOf, type SpecPlugin } from './spec-plugin.js';

/** Where the answer of one point of a specification comes from. */
export interface PointOrigin {
  /** `own`: the specification binds it; `derived`: a specification it extends does; `default`: the fallback does. */
  readonly origin: 'own' | 'derived' | 'default';
  /** The id of the specification whose handler answers. */
  readonly from: string;
}

/**
 * The origin of each of the 24 points of `plugin`, following its `extends` chain through `known` and ending at the
 * fallback. Pure, so the registry, `GET /{spec}` and the TOML generator agree. Throws on an unknown base or a cycle.
 */
export function pointOrigins(
  plugin: SpecPlugin,
  known: ReadonlyMap<string, SpecPlugin>,
  fallbackId: string,
): Record<ExtensionName, PointOrigin> {
  const chain: SpecPlugin[] = [plugin];
  for (let base = plugin.extends; base !== undefined; base = chain[chain.length - 1].extends) {
    const next = known.get(base);
    if (next === undefined) {
      throw new Error(
        `Specification "${chain[chain.length - 1].id}" extends "${base}", which is not a specification of this service`,
      );
    }
    if (chain.includes(next)) {
      throw new Error(
        `Specification "${plugin.id}" extends itself through ${chain.map((spec) => spec.id).join(' → ')} → ${next.id}`,
      );
    }
    chain.push(next);
  }
  const natives = chain.map((spec) => new Set(nativePointsOf(spec, EXTENSION_PORTS)));
  return Object.fromEntries(
    EXTENSION_NAMES.map((name) => {
      const index = natives.findIndex((points) => points.has(name));
      const origin: PointOrigin =
        index === -1
          ? { origin: 'default', from: fallbackId }
          : { origin: index === 0 ? 'own' : 'derived', from: chain[index].id };
      return [name, origin];
    }),
  ) as Record<ExtensionName, PointOrigin>;
}
