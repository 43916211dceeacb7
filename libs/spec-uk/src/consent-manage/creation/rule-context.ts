import type { JsonObject } from '@app/contract';
import type { UkSpecOptions } from '../../uk-spec.options.js';
import type { UkRejection } from '../../shared/uk-error.js';

/** What the business rules of a consent body need besides the body. */
export interface RuleContext {
  readonly nowMillis: number;
  readonly options: UkSpecOptions;
}

/**
 * The business rules of one consent endpoint, run after the official schema accepted the body: the first broken
 * rule, or undefined when the body is acceptable.
 */
export type BodyRules = (body: JsonObject, context: RuleContext) => UkRejection | undefined;

/** The first rejection of a list of checks, evaluated lazily in order. */
export function firstRejection(checks: ReadonlyArray<() => UkRejection | undefined>): UkRejection | undefined {
  for (const check of checks) {
    const rejection = check();
    if (rejection !== undefined) {
      return rejection;
    }
  }
  return undefined;
}
