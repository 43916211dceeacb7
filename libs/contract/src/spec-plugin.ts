import type { DynamicModule } from '@nestjs/common';

/**
 * A specification module as the platform loads it. `module` binds the ports of the points the specification
 * implements itself (see `bindPoints`); every other point is answered by the specification it `extends`, if any, and
 * then by the fallback (`default`) specification, so a specification can be built (or replaced by a bank) one point at
 * a time.
 */
export interface SpecPlugin {
  /** The path segment: the identity server's `base_url` is `http://host:port/{id}`. */
  readonly id: string;
  readonly title: string;
  readonly module: DynamicModule;
  /**
   * TPP request headers the specification reads at the consent-manage points, beyond `x-wso2-client-id`. The identity
   * server forwards only the headers on its `manage_extension.allowed_headers` list (exact, case-sensitive names).
   */
  readonly forwardedHeaders?: readonly string[];
  /**
   * The id of a specification this one derives from: its points answer every point this one does not bind itself
   * (e.g. "serve `uk`, with my own consent screen"). It is built even when it is not served at its own path.
   */
  readonly extends?: string;
  /**
   * What a bank must know when it connects the identity server to this specification, printed as comments by
   * `npm run toml` (e.g. where the UK request signatures are verified in this deployment).
   */
  readonly deploymentNotes?: readonly string[];
}

/** Specification ids are path segments: lower-case letters, digits and dashes. */
export const SPEC_ID_PATTERN = /^[a-z][a-z0-9-]{0,31}$/;

/**
 * The extension points a specification implements itself: the ports bound in its module's own `providers`. Read
 * from the module's metadata, so it needs no dependency injection (the TOML generator uses it offline).
 */
export function nativePointsOf(plugin: SpecPlugin, ports: Readonly<Record<string, unknown>>): string[] {
  const bound = new Set(
    (plugin.module.providers ?? []).map((provider) =>
      typeof provider === 'object' && provider !== null && 'provide' in provider ? provider.provide : provider,
    ),
  );
  return Object.entries(ports)
    .filter(([, port]) => bound.has(port as never))
    .map(([name]) => name);
}
