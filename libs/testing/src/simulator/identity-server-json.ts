/*
 * How the identity server's Java caller turns a request into bytes (contract §2.3):
 *
 * - org.json bean serialisation OMITS null-valued properties, so a `null` or `undefined` property is left out here too.
 *   Values that the Java side holds as `JSONObject.NULL` (for instance the account objects inside
 *   `authorizedResources.authorizedData`, which Jackson wrote with `"title": null`) ARE written as `null`: use
 *   `JSON_NULL` for those.
 * - org.json keeps an object's keys in a `java.util.HashMap`, so they are written in HashMap order, not in the order
 *   the TPP sent them (`java-hash-map-order.ts`); `as-given` keeps insertion order, for a deployment where the raw
 *   bytes reach the service.
 * - `new StringEntity(String)` encodes the text as ISO-8859-1 while the header says `application/json` with no
 *   charset: every character outside Latin-1 becomes `?` (one `?` per code point, as Java's encoder does for a
 *   surrogate pair).
 */

import { javaHashMapOrder } from './java-hash-map-order.js';

/** A `null` the identity server really sends (org.json's `JSONObject.NULL`), as opposed to an omitted property. */
export const JSON_NULL: unique symbol = Symbol('JSON_NULL');
export type JsonNull = typeof JSON_NULL;

/**
 * A JSON value the identity server holds as an org.json tree rather than a bean (a TPP body it parsed), where a `null`
 * is `JSONObject.NULL` and IS sent: every `null` becomes `JSON_NULL`.
 */
export function preservingNulls(value: unknown): unknown {
  if (value === null) {
    return JSON_NULL;
  }
  if (Array.isArray(value)) {
    return value.map((item: unknown) => preservingNulls(item));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, preservingNulls(member)]));
  }
  return value;
}

/**
 * How strings are escaped. `minimal` escapes only what JSON requires, so a non-Latin-1 character reaches the encoder
 * and becomes `?` (the behaviour contract §2.3 describes). `org.json` reproduces `JSONObject.quote`, which also
 * escapes U+0080-U+009F and U+2000-U+20FF (so `€` travels as `\u20ac`) and writes `</` as `<\/`.
 */
export type JsonEscaping = 'minimal' | 'org.json';

/** The charset of the bytes on the wire. `iso-8859-1` is what the identity server sends; `utf-8` is for tests. */
export type BodyCharset = 'iso-8859-1' | 'utf-8';

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\f': '\\f',
  '\r': '\\r',
};

function unicodeEscape(codeUnit: number): string {
  return `\\u${codeUnit.toString(16).padStart(4, '0')}`;
}

function needsOrgJsonEscape(codeUnit: number): boolean {
  return (codeUnit >= 0x80 && codeUnit < 0xa0) || (codeUnit >= 0x2000 && codeUnit < 0x2100);
}

export function quoteJsonString(text: string, escaping: JsonEscaping): string {
  let quoted = '"';
  let previous = '';
  for (let index = 0; index < text.length; index += 1) {
    const character = text.charAt(index);
    const codeUnit = text.charCodeAt(index);
    const shortEscape = SHORT_ESCAPES[character];
    if (shortEscape !== undefined) {
      quoted += shortEscape;
    } else if (codeUnit < 0x20) {
      quoted += unicodeEscape(codeUnit);
    } else if (escaping === 'org.json' && character === '/' && previous === '<') {
      quoted += '\\/';
    } else if (escaping === 'org.json' && needsOrgJsonEscape(codeUnit)) {
      quoted += unicodeEscape(codeUnit);
    } else {
      quoted += character;
    }
    previous = character;
  }
  return `${quoted}"`;
}

/** Key order of the objects sent: org.json's (the identity server's) or as the test built them. */
export type KeyOrder = 'java-hash-map' | 'as-given';

function isOmitted(value: unknown): boolean {
  return value === null || value === undefined;
}

/**
 * Compact JSON text as org.json writes it: no spaces, null properties omitted, `JSON_NULL` written as `null`, keys in
 * HashMap order. Takes `unknown` because answers of the service are sent back as they came (receipts, populate
 * answers).
 */
export function serializeLikeIdentityServer(
  value: unknown,
  escaping: JsonEscaping = 'minimal',
  keyOrder: KeyOrder = 'java-hash-map',
): string {
  if (value === JSON_NULL || value === null || value === undefined) {
    // A top-level or array-element null: org.json's JSONArray keeps it as `null`.
    return 'null';
  }
  if (typeof value === 'string') {
    return quoteJsonString(value, escaping);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new TypeError(`Cannot send the non-finite number ${String(value)} as JSON`);
    }
    return String(value);
  }
  if (typeof value === 'boolean') {
    return value ? 'true' : 'false';
  }
  if (Array.isArray(value)) {
    return `[${value.map((item: unknown) => serializeLikeIdentityServer(item, escaping, keyOrder)).join(',')}]`;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // Omitted members never enter the JSONObject, so they take no part in its table size.
    const present = Object.keys(record).filter((key) => !isOmitted(record[key]));
    const keys = keyOrder === 'java-hash-map' ? javaHashMapOrder(present) : present;
    const members = keys.map(
      (key) => `${quoteJsonString(key, escaping)}:${serializeLikeIdentityServer(record[key], escaping, keyOrder)}`,
    );
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`Cannot send a ${typeof value} as JSON`);
}

const QUESTION_MARK = 0x3f;

/** ISO-8859-1 bytes with `?` for every code point above U+00FF, like Java's `String.getBytes(ISO_8859_1)`. */
export function encodeLatin1WithReplacement(text: string): Buffer {
  const bytes: number[] = [];
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? QUESTION_MARK;
    bytes.push(codePoint <= 0xff ? codePoint : QUESTION_MARK);
  }
  return Buffer.from(bytes);
}

export function encodeBody(text: string, charset: BodyCharset): Buffer {
  return charset === 'iso-8859-1' ? encodeLatin1WithReplacement(text) : Buffer.from(text, 'utf8');
}
