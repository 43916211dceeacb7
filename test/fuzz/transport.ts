import { encodeBody } from '@app/testing';

/*
 * How the fuzzer turns the mutated text into bytes and headers: the identity server's ISO-8859-1 without a charset,
 * other charsets declared or not, and damage to the bytes themselves.
 */

export type Encoding =
  /** What the identity server sends: ISO-8859-1, `?` for what Latin-1 lacks, no charset in Content-Type. */
  'identity-server' | 'utf-8' | 'utf-8 declared' | 'latin-1 declared' | 'utf-16 declared' | 'utf-8 with BOM';

export type ContentTypeChoice =
  | 'application/json'
  | 'none'
  | 'text/plain'
  | 'application/json; charset=ebcdic'
  | 'APPLICATION/JSON'
  | 'application/json;;';

export type ByteDamage =
  | { readonly kind: 'none' }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'flip'; readonly at: number; readonly byte: number }
  | { readonly kind: 'append'; readonly bytes: readonly number[] }
  | { readonly kind: 'empty' };

export interface Transport {
  readonly encoding: Encoding;
  readonly contentType: ContentTypeChoice;
  readonly damage: ByteDamage;
}

export const IDENTITY_SERVER_TRANSPORT: Transport = {
  encoding: 'identity-server',
  contentType: 'application/json',
  damage: { kind: 'none' },
};

function encode(text: string, encoding: Encoding): { body: Buffer; charset: string | undefined } {
  switch (encoding) {
    case 'identity-server':
      return { body: encodeBody(text, 'iso-8859-1'), charset: undefined };
    case 'utf-8':
      return { body: Buffer.from(text, 'utf8'), charset: undefined };
    case 'utf-8 declared':
      return { body: Buffer.from(text, 'utf8'), charset: 'utf-8' };
    case 'latin-1 declared':
      return { body: encodeBody(text, 'iso-8859-1'), charset: 'ISO-8859-1' };
    case 'utf-16 declared':
      return { body: Buffer.from(text, 'utf16le'), charset: 'utf-16' };
    case 'utf-8 with BOM':
      return { body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), charset: undefined };
  }
}

function damage(body: Buffer, change: ByteDamage): Buffer {
  switch (change.kind) {
    case 'none':
      return body;
    case 'truncate':
      return body.subarray(0, body.length === 0 ? 0 : change.at % body.length);
    case 'flip': {
      const copy = Buffer.from(body);
      if (copy.length > 0) {
        copy[change.at % copy.length] = change.byte;
      }
      return copy;
    }
    case 'append':
      return Buffer.concat([body, Buffer.from(change.bytes)]);
    case 'empty':
      return Buffer.alloc(0);
  }
}

/** The bytes and the Content-Type header (undefined: no header) of one input. */
export function encodeForTransport(
  text: string,
  transport: Transport,
): { body: Buffer; contentType: string | undefined } {
  const { body, charset } = encode(text, transport.encoding);
  const base = transport.contentType;
  let contentType: string | undefined;
  if (base === 'none') {
    contentType = undefined;
  } else if (charset !== undefined && base === 'application/json') {
    contentType = `application/json; charset=${charset}`;
  } else {
    contentType = base;
  }
  return { body: damage(body, transport.damage), contentType };
}

export function describeTransport(transport: Transport): string {
  const parts: string[] = [transport.encoding];
  if (transport.contentType !== 'application/json') {
    parts.push(`content-type ${transport.contentType}`);
  }
  if (transport.damage.kind !== 'none') {
    parts.push(`bytes ${JSON.stringify(transport.damage)}`);
  }
  return parts.join(', ');
}
