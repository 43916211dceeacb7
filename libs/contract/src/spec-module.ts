import type { SettingsReader } from './settings/settings-reader.js';
import type { SpecPlugin } from './spec-plugin.js';

/**
 * The version of the module API (`SpecModule`, `SpecPlugin`, `bindPoints`, the ports and the outcome helpers). A
 * module names the version it was written for; the service refuses a module of another major version at boot
 * instead of failing on the first call.
 */
export const SPEC_MODULE_API_VERSION = 1;

/**
 * What a specification module exports, built in or loaded at boot from `EXTENSION_MODULES` (an npm package or a
 * file, whose default export is a `SpecModule`).
 */
export interface SpecModule {
  readonly apiVersion: typeof SPEC_MODULE_API_VERSION;
  /** The id of the specification it creates (the path segment it is served under). */
  readonly id: string;
  /**
   * Builds the specification from its settings. Read every setting through `settings` (it records them for
   * `npm run config` and gives every module the same words and messages); throw `SettingError` for a bad value.
   */
  create(settings: SettingsReader): SpecPlugin;
}

/** Types a module's default export: `export default defineSpecModule({ apiVersion: 1, id: 'mybank', create })`. */
export function defineSpecModule(module: SpecModule): SpecModule {
  return module;
}
