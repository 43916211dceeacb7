import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SettingsReader } from '@app/contract';
import { ConfigurationError } from '@app/platform';
import { readConsoleSettings } from './console-settings.js';

describe('The console settings', () => {
  it('default to loopback without credentials', () => {
    expect(readConsoleSettings({})).toEqual({ mode: 'loopback', credentials: undefined });
  });

  it('read CONSOLE in any case, and the password from CONSOLE_PASSWORD_FILE', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'console-')), 'password');
    writeFileSync(file, 'a long console secret\n');
    expect(readConsoleSettings({ CONSOLE: 'ON', CONSOLE_USER: 'integrator', CONSOLE_PASSWORD_FILE: file })).toEqual({
      mode: 'on',
      credentials: { user: 'integrator', password: 'a long console secret' },
    });
    expect(readConsoleSettings({ CONSOLE: 'off' }).mode).toBe('off');
  });

  it('are recorded in the shared catalogue under the owner "console", the password masked', () => {
    const reader = new SettingsReader({ CONSOLE_USER: 'integrator', CONSOLE_PASSWORD: 'a long console secret' });
    readConsoleSettings(reader);
    expect(reader.catalogue.all().map(({ name, owner, value, source }) => ({ name, owner, value, source }))).toEqual([
      { name: 'CONSOLE', owner: 'console', value: 'loopback', source: 'default' },
      { name: 'CONSOLE_USER', owner: 'console', value: 'integrator', source: 'environment' },
      { name: 'CONSOLE_PASSWORD', owner: 'console', value: '********', source: 'environment' },
    ]);
  });

  it.each([
    [{ CONSOLE: 'public' }, 'CONSOLE must be one of off, loopback, on, got "public"'],
    [
      { CONSOLE: 'on' },
      'CONSOLE=on needs CONSOLE_USER and CONSOLE_PASSWORD: beyond loopback the console is only served with credentials',
    ],
    [{ CONSOLE_USER: 'integrator' }, 'CONSOLE_USER and CONSOLE_PASSWORD must be set together'],
    [
      { CONSOLE_USER: 'a:b', CONSOLE_PASSWORD: 'a long console secret' },
      'CONSOLE_USER must not contain ":" (Basic authentication splits on it)',
    ],
    [
      { CONSOLE: 'on', CONSOLE_USER: 'integrator', CONSOLE_PASSWORD: 'short' },
      'CONSOLE_PASSWORD must have at least 12 characters',
    ],
  ])('stop the boot on %j', (env, message) => {
    expect(() => readConsoleSettings(env)).toThrow(new ConfigurationError(message));
  });
});
