import { isAscii } from 'node:buffer';
import { TextDecoder } from 'node:util';
import type { RequestCharset } from '../config/app-config.js';

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Turns the raw request bytes into text. The identity server encodes its JSON as ISO-8859-1 while labelling it
 * `application/json` without a charset (contract §2.3), so a Latin-1 `é` arrives as the single byte 0xE9, which a
 * UTF-8 decoder would turn into U+FFFD. An explicit charset parameter always wins; otherwise, in `auto` mode, bytes
 * that are valid UTF-8 are read as UTF-8 (other clients) and anything else as ISO-8859-1. A Latin-1 text is valid
 * UTF-8 only if it contains a character in À-ß followed by one in 0x80-0xBF (mostly C1 controls), which real
 * consent data does not.
 */
export function decodeRequestBody(body: Buffer, contentType: string | undefined, mode: RequestCharset): string {
  const declared = declaredCharset(contentType);
  if (declared === 'latin1' || (declared === undefined && mode === 'latin1')) {
    return body.toString('latin1');
  }
  if (declared === 'utf8' || mode === 'utf8' || isAscii(body)) {
    return body.toString('utf8');
  }
  try {
    return STRICT_UTF8.decode(body);
  } catch {
    return body.toString('latin1');
  }
}

function declaredCharset(contentType: string | undefined): 'utf8' | 'latin1' | undefined {
  const match = contentType ? /;\s*charset\s*=\s*"?([\w-]+)"?/i.exec(contentType) : null;
  const charset = match?.[1]?.toLowerCase();
  if (charset === undefined) {
    return undefined;
  }
  if (charset === 'utf-8' || charset === 'utf8') {
    return 'utf8';
  }
  // windows-1252 differs from ISO-8859-1 only in 0x80-0x9F, which consent data does not use.
  if (['iso-8859-1', 'latin1', 'l1', 'windows-1252', 'cp1252', 'us-ascii'].includes(charset)) {
    return 'latin1';
  }
  return undefined;
}
