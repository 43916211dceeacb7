import { SettingError, SettingsReader, type SettingsEnvironment } from '@app/contract';
import { ConfigurationError } from '@app/platform';

/**
 * Who may open the integrator console:
 * - `off`: nobody; the console's routes do not exist (the container image's setting);
 * - `loopback` (default): browsers on this machine only, without credentials;
 * - `on`: any address that reaches the service, with the console's own Basic credentials.
 */
export type ConsoleMode = 'off' | 'loopback' | 'on';

export const CONSOLE_MODES: readonly ConsoleMode[] = ['off', 'loopback', 'on'];

export interface ConsoleSettings {
  readonly mode: ConsoleMode;
  /** Required with `on`; never shown, never logged. */
  readonly credentials: { readonly user: string; readonly password: string } | undefined;
}

/** The password must not be guessable in a few tries: the console can approve consents on the service's behalf. */
const MIN_PASSWORD_LENGTH = 12;

/**
 * Reads CONSOLE, CONSOLE_USER and CONSOLE_PASSWORD (also CONSOLE_PASSWORD_FILE) with the service's shared reader, so
 * that they behave like every other setting and `npm run config` can list them. A bad combination stops the boot.
 */
export function readConsoleSettings(source: SettingsReader | SettingsEnvironment): ConsoleSettings {
  const settings =
    source instanceof SettingsReader ? source.forOwner('console') : new SettingsReader(source, 'console');
  try {
    const mode = settings.oneOf('CONSOLE', CONSOLE_MODES, {
      default: 'loopback',
      ignoreCase: true,
      description:
        'The integrator console at /console: off, loopback (this machine only, no credentials) or on (with CONSOLE_USER/CONSOLE_PASSWORD).',
    });
    const user = settings.text('CONSOLE_USER', {
      description: "User of the console's own Basic credentials (CONSOLE=on).",
    });
    const password = settings.text('CONSOLE_PASSWORD', {
      description: 'Password of those credentials, at least 12 characters (CONSOLE=on).',
      secret: true,
    });
    if ((user === undefined) !== (password === undefined)) {
      throw new ConfigurationError('CONSOLE_USER and CONSOLE_PASSWORD must be set together');
    }
    if (user?.includes(':')) {
      throw new ConfigurationError('CONSOLE_USER must not contain ":" (Basic authentication splits on it)');
    }
    if (password !== undefined && password.length < MIN_PASSWORD_LENGTH) {
      throw new ConfigurationError(`CONSOLE_PASSWORD must have at least ${MIN_PASSWORD_LENGTH} characters`);
    }
    if (mode === 'on' && user === undefined) {
      throw new ConfigurationError(
        'CONSOLE=on needs CONSOLE_USER and CONSOLE_PASSWORD: beyond loopback the console is only served with credentials',
      );
    }
    return { mode, credentials: user !== undefined && password !== undefined ? { user, password } : undefined };
  } catch (error) {
    throw error instanceof SettingError ? new ConfigurationError(error.message) : error;
  }
}
