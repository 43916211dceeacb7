/** The resolved `BerlinSpecOptions`. */
export const BERLIN_SPEC_OPTIONS = Symbol('BERLIN_SPEC_OPTIONS');

/** The `Clock` that validity, one-off and per-day rules read; the system clock outside tests. */
export const BERLIN_SPEC_CLOCK = Symbol('BERLIN_SPEC_CLOCK');

/** The `BerlinSchemas` compiled from the official psd2-api file when the module is created. */
export const BERLIN_SCHEMAS = Symbol('BERLIN_SCHEMAS');
