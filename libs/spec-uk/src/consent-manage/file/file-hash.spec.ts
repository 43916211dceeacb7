import { createHash } from 'node:crypto';
import { fileHashMatches, isSha256Base64 } from './file-hash.js';

const hashOf = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('base64');

describe(isSha256Base64.name, () => {
  it("accepts the 44 characters of a padded SHA-256 in base64, and the 43 of the standard's own example", () => {
    expect(isSha256Base64(hashOf(Buffer.from('file')))).toBe(true);
    expect(isSha256Base64('m5ah/h1UjLvJYMxqAoZmj9dKdjZnsGNm+yMkJp/KuqQ')).toBe(true);
  });

  it.each([
    '',
    'abc',
    `${'A'.repeat(43)}==`,
    'm5ah_h1UjLvJYMxqAoZmj9dKdjZnsGNm-yMkJp_KuqQ',
    createHash('sha1').update('x').digest('base64'),
  ])('refuses %p', (text) => {
    expect(isSha256Base64(text)).toBe(false);
  });
});

describe(fileHashMatches.name, () => {
  it('matches the digest of the file, padded or not', () => {
    const file = '{"Data":{"DomesticPayments":[]}}';
    expect(fileHashMatches(file, hashOf(Buffer.from(file)))).toBe(true);
    expect(fileHashMatches(file, hashOf(Buffer.from(file)).replace(/=$/, ''))).toBe(true);
    expect(fileHashMatches(`${file} `, hashOf(Buffer.from(file)))).toBe(false);
  });

  it('recognises a file the TPP sent in UTF-8 and one it sent in ISO-8859-1, both arriving as the same text', () => {
    const text = '<Nm>Café Müller</Nm>';
    expect(fileHashMatches(text, hashOf(Buffer.from(text, 'utf8')))).toBe(true);
    expect(fileHashMatches(text, hashOf(Buffer.from(text, 'latin1')))).toBe(true);
    expect(fileHashMatches(text, hashOf(Buffer.from('<Nm>Cafe Muller</Nm>')))).toBe(false);
  });

  it('never reads text beyond Latin-1 as ISO-8859-1', () => {
    const text = 'Price 10€';
    expect(fileHashMatches(text, hashOf(Buffer.from(text, 'latin1')))).toBe(false);
    expect(fileHashMatches(text, hashOf(Buffer.from(text, 'utf8')))).toBe(true);
  });
});
