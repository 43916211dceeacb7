/** The resolved `DefaultSpecOptions` (`ResolvedDefaultSpecOptions`). */
export const DEFAULT_SPEC_OPTIONS = Symbol('DEFAULT_SPEC_OPTIONS');

/** The `Clock` the expiry rules read; the system clock outside tests. */
export const DEFAULT_SPEC_CLOCK = Symbol('DEFAULT_SPEC_CLOCK');
