/** The resolved `UaeSpecOptions`. */
export const UAE_SPEC_OPTIONS = Symbol('UAE_SPEC_OPTIONS');

/** The `Clock` of the time rules; the system clock outside tests. */
export const UAE_SPEC_CLOCK = Symbol('UAE_SPEC_CLOCK');
