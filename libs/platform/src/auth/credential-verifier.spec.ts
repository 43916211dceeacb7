import { CredentialVerifier } from './credential-verifier.js';

const basic = (user: string, password: string, encoding: BufferEncoding = 'utf8'): string =>
  `Basic ${Buffer.from(`${user}:${password}`, encoding).toString('base64')}`;

describe('CredentialVerifier', () => {
  const verifier = new CredentialVerifier({
    basic: { user: 'is', password: 'pässword' },
    bearerToken: 'static-token',
    jwt: undefined,
  });

  it('accepts the Basic credentials in UTF-8 and in ISO-8859-1, and the static bearer token', async () => {
    await expect(verifier.verify(basic('is', 'pässword'))).resolves.toBe(true);
    await expect(verifier.verify(basic('is', 'pässword', 'latin1'))).resolves.toBe(true);
    await expect(verifier.verify('Bearer static-token')).resolves.toBe(true);
  });

  it('refuses a wrong password, a missing header and a header of no known kind', async () => {
    await expect(verifier.verify(basic('is', 'password'))).resolves.toBe(false);
    await expect(verifier.verify(undefined)).resolves.toBe(false);
    await expect(verifier.verify('Digest abc')).resolves.toBe(false);
  });

  it('still refuses a wrong header after the right one was accepted (only accepted headers are remembered)', async () => {
    const right = basic('is', 'pässword');
    await expect(verifier.verify(right)).resolves.toBe(true);
    await expect(verifier.verify(right)).resolves.toBe(true);

    await expect(verifier.verify(right.slice(0, -4))).resolves.toBe(false);
    await expect(verifier.verify(basic('is', 'pässwore'))).resolves.toBe(false);
    await expect(verifier.verify(right.toLowerCase())).resolves.toBe(false);
  });

  it('goes on accepting once more distinct right headers were seen than it remembers', async () => {
    // The same credentials written 40 ways (the scheme's case and trailing spaces): more than the 16 remembered.
    const right = Buffer.from('is:pässword', 'utf8').toString('base64');
    const headers = Array.from(
      { length: 40 },
      (_, index) => `${index % 2 === 0 ? 'Basic' : 'BASIC'} ${right}${' '.repeat(index)}`,
    );
    for (const header of [...headers, ...headers]) {
      await expect(verifier.verify(header)).resolves.toBe(true);
    }
    await expect(verifier.verify(basic('is', 'wrong'))).resolves.toBe(false);
  });

  it('accepts every request when no credential is configured', async () => {
    const open = new CredentialVerifier({ basic: undefined, bearerToken: undefined, jwt: undefined });
    expect(open.isOpen).toBe(true);
    await expect(open.verify(undefined)).resolves.toBe(true);
  });
});
