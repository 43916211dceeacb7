import type { ServedSpecInfo } from './preview/examples/consent-examples.js';
import type { ConsoleSettings } from './settings/console-settings.js';

/** What the console is built with: its settings and the specifications the service serves. */
export interface ConsoleOptions {
  readonly settings: ConsoleSettings;
  readonly served: readonly ServedSpecInfo[];
}

/** Injection token of the `ConsoleOptions` (an interface, so it needs a token). */
export const CONSOLE_OPTIONS = Symbol('CONSOLE_OPTIONS');
