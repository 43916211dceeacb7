import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import {
  EXTENSION_NAMES,
  EXTENSION_PORTS,
  SPEC_ID_PATTERN,
  nativePointsOf,
  type ExtensionHandler,
  type ExtensionName,
  type SpecPlugin,
} from '@app/contract';
import { FALLBACK_SPEC, SERVED_SPECS } from '../config/config.tokens.js';

export interface ResolvedSpec {
  readonly plugin: SpecPlugin;
  /** The handler of every extension point: the specification's own, or the fallback specification's. */
  readonly handlers: ReadonlyMap<ExtensionName, ExtensionHandler<ExtensionName>>;
  /** The points the specification implements itself. */
  readonly nativePoints: readonly ExtensionName[];
}

/** Path segments the platform uses itself, so no specification may take them. */
const RESERVED_IDS = new Set(['health', 'metrics', 'docs', 'openapi.json']);

/**
 * Knows, for every served specification, which handler answers each of the 24 extension points. A specification
 * module binds the ports it implements; the registry finds them among that module's providers (so several
 * specifications can bind the same port side by side) and serves every other point with the fallback specification.
 */
@Injectable()
export class SpecRegistry implements OnModuleInit {
  private readonly logger = new Logger(SpecRegistry.name);
  private readonly specs = new Map<string, ResolvedSpec>();

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(SERVED_SPECS) private readonly served: readonly SpecPlugin[],
    @Inject(FALLBACK_SPEC) private readonly fallback: SpecPlugin,
  ) {}

  onModuleInit(): void {
    const fallbackHandlers = this.handlersOf(this.fallback);
    const missing = EXTENSION_NAMES.filter((name) => !fallbackHandlers.has(name));
    if (missing.length > 0) {
      throw new Error(`The fallback specification "${this.fallback.id}" must implement every point; missing: ${missing.join(', ')}`);
    }
    for (const plugin of this.served) {
      if (!SPEC_ID_PATTERN.test(plugin.id) || RESERVED_IDS.has(plugin.id)) {
        throw new Error(`Invalid specification id "${plugin.id}"`);
      }
      if (this.specs.has(plugin.id)) {
        throw new Error(`Specification id "${plugin.id}" is served twice`);
      }
      const own = this.handlersOf(plugin);
      const handlers = new Map(EXTENSION_NAMES.map((name) => [name, own.get(name) ?? fallbackHandlers.get(name)!]));
      const nativePoints = EXTENSION_NAMES.filter((name) => own.has(name));
      this.specs.set(plugin.id, { plugin, handlers, nativePoints });
      this.logger.log(`Serving /${plugin.id}: ${nativePoints.length} native points, ${24 - nativePoints.length} from "${this.fallback.id}"`);
    }
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
