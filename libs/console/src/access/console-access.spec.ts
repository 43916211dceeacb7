import type { ConsoleSettings } from '../settings/console-settings.js';
import {
  basicCredentialsMatch,
  decideConsoleAccess,
  isLoopbackAddress,
  isLoopbackHostHeader,
  type ConsoleRequestFacts,
} from './console-access.js';

const LOOPBACK: ConsoleSettings = { mode: 'loopback', credentials: undefined };
const ON: ConsoleSettings = { mode: 'on', credentials: { user: 'integrator', password: 'a long console secret' } };
const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const local: ConsoleRequestFacts = {
  remoteAddress: '127.0.0.1',
  host: '127.0.0.1:3000',
  forwarded: false,
  authorization: undefined,
};

describe('Who the console serves', () => {
  it.each(['127.0.0.1', '127.4.5.6', '::1', '::ffff:127.0.0.1'])('%s is a loopback peer', (address) => {
    expect(isLoopbackAddress(address)).toBe(true);
  });

  it.each(['10.0.0.7', '::ffff:10.0.0.7', '128.0.0.1', 'fe80::1', undefined])('%s is not', (address) => {
    expect(isLoopbackAddress(address)).toBe(false);
  });

  it.each(['localhost:3000', 'LOCALHOST', '127.0.0.1', '127.0.0.1:3000', '[::1]:3000'])(
    'Host %s names this machine',
    (host) => {
      expect(isLoopbackHostHeader(host)).toBe(true);
    },
  );

  it.each(['evil.example', 'evil.example:3000', '10.0.0.7:3000', 'localhost.evil.example', undefined])(
    'Host %s does not',
    (host) => {
      expect(isLoopbackHostHeader(host)).toBe(false);
    },
  );

  it('with loopback, serves a browser on this machine without credentials', () => {
    expect(decideConsoleAccess(LOOPBACK, local)).toEqual({ kind: 'allowed' });
  });

  it('with loopback, refuses another machine, a proxy relaying one, and a page under another name (DNS rebinding)', () => {
    expect(decideConsoleAccess(LOOPBACK, { ...local, remoteAddress: '10.0.0.7' })).toMatchObject({ kind: 'forbidden' });
    expect(decideConsoleAccess(LOOPBACK, { ...local, forwarded: true })).toMatchObject({ kind: 'forbidden' });
    expect(decideConsoleAccess(LOOPBACK, { ...local, host: 'evil.example:3000' })).toEqual({
      kind: 'forbidden',
      reason: 'Open the console as http://127.0.0.1 or http://localhost (CONSOLE=loopback).',
    });
  });

  it('with on, serves any address that presents the console credentials, and only it', () => {
    const remote = { ...local, remoteAddress: '10.0.0.7', host: 'ext.bank.internal:3000' };
    expect(decideConsoleAccess(ON, { ...remote, authorization: basic('integrator', 'a long console secret') })).toEqual(
      { kind: 'allowed' },
    );
    expect(decideConsoleAccess(ON, remote)).toMatchObject({ kind: 'unauthenticated' });
    expect(decideConsoleAccess(ON, { ...remote, authorization: basic('integrator', 'wrong') })).toMatchObject({
      kind: 'unauthenticated',
    });
  });

  it('with loopback and credentials configured, asks for them on loopback too', () => {
    expect(decideConsoleAccess({ ...LOOPBACK, credentials: ON.credentials }, local)).toMatchObject({
      kind: 'unauthenticated',
    });
  });

  it('with off, serves nobody', () => {
    expect(decideConsoleAccess({ mode: 'off', credentials: undefined }, local)).toMatchObject({ kind: 'forbidden' });
  });

  it('compares Basic credentials exactly', () => {
    const expected = { user: 'integrator', password: 'a long console secret' };
    expect(basicCredentialsMatch(basic('integrator', 'a long console secret'), expected)).toBe(true);
    expect(basicCredentialsMatch(basic('integrator', 'a long console secret '), expected)).toBe(false);
    expect(basicCredentialsMatch('Bearer x', expected)).toBe(false);
    expect(basicCredentialsMatch(undefined, expected)).toBe(false);
  });
});
