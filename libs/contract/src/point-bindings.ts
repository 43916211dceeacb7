import type { Provider, Type } from '@nestjs/common';
import { EXTENSION_NAMES, type ExtensionName } from './extension-catalogue.js';
import { EXTENSION_PORTS, type ExtensionHandler } from './ports.js';

/** For each point a specification implements, the class that answers it; the compiler checks it against the point's port. */
export type PointBindings = { readonly [N in ExtensionName]?: Type<ExtensionHandler<N>> };

/**
 * The providers that bind a specification's points to its handler classes:
 * `providers: [...bindPoints({ 'persist-authorized-consent': MyPersister }), MyHelper]`. Each port is the Nest token
 * of its point, so the platform finds the handler among the module's providers.
 */
export function bindPoints(bindings: PointBindings): Provider[] {
  return EXTENSION_NAMES.filter((name) => bindings[name] !== undefined).map((name) => ({
    provide: EXTENSION_PORTS[name],
    useClass: bindings[name] as Type<unknown>,
  }));
}
