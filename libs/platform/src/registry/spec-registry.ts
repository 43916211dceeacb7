import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import {
  EXTENSION_NAMES,
  EXTENSION_PORTS,
  SPEC_ID_PATTERN,
  nativePointsOf,
  pointOrigins,
  type ExtensionHandler,
  type ExtensionName,
  type PointOrigin,
  type RequestDataOf,
  type ExtensionContext,
  type OutcomeOf,
  type SpecPlugin,
  InheritedPoints,
} from '@app/contract';
import { BASE_SPECS, FALLBACK_SPEC, SERVED_SPECS } from '../config/config.tokens.js';

export interface ResolvedSpec {
  readonly plugin: SpecPlugin;
  /** The handler of every extension point: the specification's own, a base's it extends, or the fallback's. */
  readonly handlers: ReadonlyMap<ExtensionName, ExtensionHandler<ExtensionName>>;
  /** The points the specification implements itself. */
  readonly nativePoints: readonly ExtensionName[];
  /** Where each point's answer comes from. */
  readonly origins: Readonly<Record<ExtensionName, PointOrigin>>;
}

/** Path segments the platform uses itself, so no specification may take them. */
const RESERVED_IDS = new Set(['health', 'metrics', 'docs', 'openapi.json', 'openapi.yaml', 'console']);

/**
 * Knows, for every served specification, which handler answers each of the 24 extension points. A specification
 * module binds the ports it implements; the registry finds them among that module's providers (so several
 * specifications can bind the same port side by side), serves the points it does not bind with the specification it
 * extends (if any, transitively), and every other point with the fallback specification.
 */
@Injectable()
export class SpecRegistry extends InheritedPoints implements OnModuleInit {
  private readonly logger = new Logger(SpecRegistry.name);
  private readonly specs = new Map<string, ResolvedSpec>();
  /** For every specification that extends another, the handlers its own points replace. */
  private readonly inheritedHandlers = new Map<string, ReadonlyMap<ExtensionName, ExtensionHandler<ExtensionName>>>();

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(SERVED_SPECS) private readonly served: readonly SpecPlugin[],
    @Inject(BASE_SPECS) private readonly bases: readonly SpecPlugin[],
    @Inject(FALLBACK_SPEC) private readonly fallback: SpecPlugin,
  ) {
    super();
  }

  onModuleInit(): void {
    const fallbackHandlers = this.handlersOf(this.fallback);
    const missing = EXTENSION_NAMES.filter((name) => !fallbackHandlers.has(name));
    if (missing.length > 0) {
      throw new Error(
        `The fallback specification "${this.fallback.id}" must implement every point; missing: ${missing.join(', ')}`,
      );
    }
    const known = new Map<string, SpecPlugin>();
    for (const plugin of [...this.served, ...this.bases]) {
      if (!SPEC_ID_PATTERN.test(plugin.id) || RESERVED_IDS.has(plugin.id)) {
        throw new Error(`Invalid specification id "${plugin.id}"`);
      }
      if (known.has(plugin.id) || (plugin.id === this.fallback.id && plugin !== this.fallback)) {
        throw new Error(`Specification id "${plugin.id}" is served twice`);
      }
      known.set(plugin.id, plugin);
    }
    const ownHandlers = new Map([...known.values()].map((plugin) => [plugin.id, this.handlersOf(plugin)]));
    ownHandlers.set(this.fallback.id, fallbackHandlers);
    const resolve = (plugin: SpecPlugin) => {
      const origins = pointOrigins(plugin, known, this.fallback.id);
      return {
        origins,
        handlers: new Map(EXTENSION_NAMES.map((name) => [name, ownHandlers.get(origins[name].from)!.get(name)!])),
      };
    };
    for (const plugin of known.values()) {
      const base = plugin.extends === undefined ? undefined : known.get(plugin.extends);
      this.inheritedHandlers.set(plugin.id, base === undefined ? fallbackHandlers : resolve(base).handlers);
    }
    for (const plugin of this.served) {
      const { origins, handlers } = resolve(plugin);
      const nativePoints = EXTENSION_NAMES.filter((name) => origins[name].origin === 'own');
      this.specs.set(plugin.id, { plugin, handlers, nativePoints, origins });
      const derived = EXTENSION_NAMES.filter((name) => origins[name].origin === 'derived').length;
      this.logger.log(
        `Serving /${plugin.id}: ${nativePoints.length} own points` +
          (plugin.extends === undefined ? '' : `, ${derived} derived from "${plugin.extends}"`) +
          `, ${EXTENSION_NAMES.length - nativePoints.length - derived} from "${this.fallback.id}"`,
      );
    }
  }

  /** The answer the specification that `context.spec` extends (or the fallback) gives to the same call. */
  override handle<N extends ExtensionName>(
    name: N,
    data: RequestDataOf<N>,
    context: ExtensionContext,
  ): Promise<OutcomeOf<N>> {
    const handler = this.inheritedHandlers.get(context.spec)?.get(name) as ExtensionHandler<N> | undefined;
    if (handler === undefined) {
      throw new Error(`No specification "${context.spec}" is served, so it inherits no "${name}"`);
    }
    return handler.handle(data, context);
  }

  find(specId: string): ResolvedSpec | undefined {
    return this.specs.get(specId);
  }

  servedSpecs(): readonly ResolvedSpec[] {
    return [...this.specs.values()];
  }

  private handlersOf(plugin: SpecPlugin): Map<ExtensionName, ExtensionHandler<ExtensionName>> {
    const wrappers = this.discovery.getProviders({ include: [plugin.module.module] });
    const handlers = new Map<ExtensionName, ExtensionHandler<ExtensionName>>();
    for (const name of nativePointsOf(plugin, EXTENSION_PORTS) as ExtensionName[]) {
      const wrapper = wrappers.find((candidate) => candidate.token === EXTENSION_PORTS[name]);
      const instance = wrapper?.instance as ExtensionHandler<ExtensionName> | undefined;
      if (typeof instance?.handle !== 'function') {
        throw new Error(`Specification "${plugin.id}" binds ${name} to something that has no handle() method`);
      }
      handlers.set(name, instance);
    }
    return handlers;
  }
}
