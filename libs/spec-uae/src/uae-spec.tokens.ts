/** The resolved `UaeSpecOptions`. */
export const UAE_SPEC_OPTIONS = Symbol('UAE_SPEC_OPTIONS');

/** The `Clock` of the time rules; the system clock outside tests. */
export const UAE_SPEC_CLOCK = Symbol('UAE_SPEC_CLOCK');

/** The AANI payment purpose codes (`AaniPurposeCodes`), read once from the vendored list. */
export const UAE_AANI_PURPOSE_CODES = Symbol('UAE_AANI_PURPOSE_CODES');
