/** Injection token of the validated `AppConfig` (an interface, so it needs a token). */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** Injection token of the served `SpecPlugin`s and of the fallback specification. */
export const SERVED_SPECS = Symbol('SERVED_SPECS');
export const FALLBACK_SPEC = Symbol('FALLBACK_SPEC');

/** Injection token of the specifications that are built only because a served one extends them. */
export const BASE_SPECS = Symbol('BASE_SPECS');
