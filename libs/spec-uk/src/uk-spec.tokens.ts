/** The resolved `UkSpecOptions`. */
export const UK_SPEC_OPTIONS = Symbol('UK_SPEC_OPTIONS');

/** The `Clock` of every time rule; the system clock outside tests. */
export const UK_SPEC_CLOCK = Symbol('UK_SPEC_CLOCK');

/** The `UkOfficialSchemas`, compiled once when the module is created. */
export const UK_OFFICIAL_SCHEMAS = Symbol('UK_OFFICIAL_SCHEMAS');
