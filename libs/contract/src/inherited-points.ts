import type { ExtensionName } from './extension-catalogue.js';
import type { RequestDataOf } from './extension-schemas.js';
import type { ExtensionContext, OutcomeOf } from './ports.js';

/**
 * Lets a derived specification's handler call the handler it replaces: the answer of the specification it `extends`
 * (or of the fallback) for the same call, e.g. to add a bank rule before the standard's checks or a line to the
 * standard's consent screen. Inject it like any provider; the platform binds it.
 */
export abstract class InheritedPoints {
  abstract handle<N extends ExtensionName>(
    name: N,
    data: RequestDataOf<N>,
    context: ExtensionContext,
  ): Promise<OutcomeOf<N>>;
}
