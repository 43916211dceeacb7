import { createHash } from 'node:crypto';

/** One extension call as the identity server identifies it; a resend after a timeout carries the same key. */
export interface ExtensionRequestKey {
  readonly spec: string;
  readonly extension: string;
  readonly requestId: string;
}

/** A character SQLite or MariaDB would not give back as it was sent, hence could not match a retry exactly. */
// eslint-disable-next-line no-control-regex -- NUL is exactly the character to find.
const UNSTORABLE_CHARACTER = /[\p{Cs}\u0000]/u;

/**
 * What in a request id the databases cannot store exactly as sent, described for an error message, or undefined
 * when it is storable. A lone UTF-16 surrogate (well-formed JSON may escape one, `\ud800`) is written as U+FFFD by
 * both drivers, and NUL ends a string for SQLite's text functions. (Pairs of surrogates, i.e. characters beyond the
 * BMP, are stored exactly; the `u` flag makes the pattern see only the unpaired ones.)
 */
export function unstorableCharacterIn(requestId: string): string | undefined {
  const found = UNSTORABLE_CHARACTER.exec(requestId)?.[0];
  if (found === undefined) {
    return undefined;
  }
  const codePoint = `U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return found === '\u0000' ? `a NUL character (${codePoint})` : `a lone UTF-16 surrogate (${codePoint})`;
}

/**
 * The unique key of an idempotency record: SHA-256, in lower-case hex, of `spec/extension/requestId` in UTF-8. Two
 * request ids are the same key exactly when they are the same characters, on both databases; comparing the ids
 * themselves would not do on MariaDB, whose collations pad (`abc` equals `abc `). The separator cannot be
 * ambiguous: a spec id is one path segment and extension names are the contract's, neither holds a `/`.
 * Migration 1796600000000 computes the same digest in SQL for the rows written before it.
 */
export function requestKeyOf(key: ExtensionRequestKey): string {
  return createHash('sha256').update(`${key.spec}/${key.extension}/${key.requestId}`, 'utf8').digest('hex');
}
