import type { JsonObject } from '@app/contract';

/** What the per-type payload rules need besides the `Data` object. */
export interface CreationValidationContext {
  readonly nowMillis: number;
  readonly maxInstructedAmount: number;
}

/**
 * The rules of one consent type (`DefaultConsentManageValidator`), applied in the order of contract §7.1: the first
 * broken rule's message, or undefined when `Data` is acceptable.
 */
export type ConsentDataValidator = (data: JsonObject, context: CreationValidationContext) => string | undefined;
