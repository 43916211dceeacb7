import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { ConsoleSettings } from '../settings/console-settings.js';

/** What the console knows of a browser's request when it decides whether to serve it. */
export interface ConsoleRequestFacts {
  /** The TCP peer, as the socket reports it (IPv4-mapped IPv6 included). */
  readonly remoteAddress: string | undefined;
  /** The Host header the browser sent. */
  readonly host: string | undefined;
  /** Whether a proxy says it relays someone else (Forwarded, X-Forwarded-For, X-Real-IP). */
  readonly forwarded: boolean;
  readonly authorization: string | undefined;
}

export type ConsoleAccess =
  | { readonly kind: 'allowed' }
  | { readonly kind: 'forbidden'; readonly reason: string }
  | { readonly kind: 'unauthenticated'; readonly reason: string };

const ALLOWED: ConsoleAccess = { kind: 'allowed' };

/** 127.0.0.0/8, ::1, and the IPv4-mapped form a dual-stack socket reports (::ffff:127.0.0.1). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) {
    return false;
  }
  const unmapped = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address;
  return unmapped === '::1' || (isIP(unmapped) === 4 && unmapped.startsWith('127.'));
}

/**
 * The Host header names this machine (localhost, a loopback address), with or without a port. Checked so that a web
 * page whose name an attacker re-points to 127.0.0.1 (DNS rebinding) cannot read the console from the browser.
 */
export function isLoopbackHostHeader(host: string | undefined): boolean {
  if (host === undefined) {
    return false;
  }
  const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d+$/, '');
  return name.toLowerCase() === 'localhost' || isLoopbackAddress(name);
}

const digest = (value: string | Buffer): Buffer => createHash('sha256').update(value).digest();

/** Basic credentials compared by digest, so that neither the content nor the length of the password leaks by timing. */
export function basicCredentialsMatch(
  authorization: string | undefined,
  expected: { readonly user: string; readonly password: string },
): boolean {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
  const presented = digest(match === null ? '' : Buffer.from(match[1], 'base64'));
  // The comparison always runs, so a missing header costs the same as a wrong one.
  const matches = timingSafeEqual(presented, digest(Buffer.from(`${expected.user}:${expected.password}`, 'utf8')));
  return match !== null && matches;
}

/**
 * Whether the console serves a request. With `loopback`, only a browser on this machine that reached it directly (no
 * proxy relaying someone else, a loopback Host); with credentials configured (required by `on`), the browser must
 * also present them, wherever it is.
 */
export function decideConsoleAccess(settings: ConsoleSettings, facts: ConsoleRequestFacts): ConsoleAccess {
  if (settings.mode === 'off') {
    return { kind: 'forbidden', reason: 'The console is off (CONSOLE=off).' };
  }
  if (settings.mode === 'loopback') {
    if (!isLoopbackAddress(facts.remoteAddress) || facts.forwarded) {
      return {
        kind: 'forbidden',
        reason:
          'The console answers only browsers on this machine (CONSOLE=loopback). Elsewhere set CONSOLE=on with CONSOLE_USER and CONSOLE_PASSWORD.',
      };
    }
    if (!isLoopbackHostHeader(facts.host)) {
      return {
        kind: 'forbidden',
        reason: 'Open the console as http://127.0.0.1 or http://localhost (CONSOLE=loopback).',
      };
    }
  }
  if (settings.credentials !== undefined && !basicCredentialsMatch(facts.authorization, settings.credentials)) {
    return {
      kind: 'unauthenticated',
      reason: 'The console needs its credentials (CONSOLE_USER and CONSOLE_PASSWORD).',
    };
  }
  return ALLOWED;
}
