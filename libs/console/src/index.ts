/*
 * The integrator console (`@app/console`): a small server-rendered web console served by the extension service at
 * /console, for bank integration teams. AppModule imports `ConsoleModule.forRoot(readConsoleSettings(…), served)`.
 */
export { ConsoleModule } from './console.module.js';
export {
  readConsoleSettings,
  CONSOLE_MODES,
  type ConsoleMode,
  type ConsoleSettings,
} from './settings/console-settings.js';
export type { ServedSpecInfo } from './preview/examples/consent-examples.js';
