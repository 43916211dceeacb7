import { createHash } from 'node:crypto';

/*
 * FileHash of a file-payment consent: "a base64 encoding of a SHA256 hash of the file to be uploaded" (OBFile2). The
 * standard's own example leaves the padding out, so the 43 characters with or without the final `=` are accepted.
 */

const SHA256_BASE64 = /^[A-Za-z0-9+/]{43}=?$/;

/** Whether the text is the base64 of 32 bytes (a SHA-256 digest), padded or not. */
export function isSha256Base64(text: string): boolean {
  return SHA256_BASE64.test(text) && Buffer.from(text, 'base64').length === 32;
}

/** Every character at most U+00FF: the text is also exactly one ISO-8859-1 byte sequence. */
function isLatin1(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    if (text.charCodeAt(index) > 0xff) {
      return false;
    }
  }
  return true;
}

function digest(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('base64').replace(/=+$/, '');
}

/**
 * Whether the uploaded file is the one the consent describes. The identity server forwards the file as text: a file
 * sent as UTF-8 arrives as the same characters, and so does one sent in ISO-8859-1 (its bytes are read as Latin-1), so
 * the digest of either encoding of the text identifies the bytes the TPP hashed. Characters outside Latin-1 were
 * already replaced by `?` on the way (contract §2.3) and cannot match.
 */
export function fileHashMatches(fileContent: string, fileHash: string): boolean {
  const expected = fileHash.replace(/=+$/, '');
  if (digest(Buffer.from(fileContent, 'utf8')) === expected) {
    return true;
  }
  return isLatin1(fileContent) && digest(Buffer.from(fileContent, 'latin1')) === expected;
}
