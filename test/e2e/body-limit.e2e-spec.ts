import type { AddressInfo } from 'node:net';
import { basicAuth, startTestServer, type RunningTestServer } from './support/test-server.js';
import { writeAllThenRead } from './support/write-all-then-read.js';

const LIMIT = 64 * 1024;
const tooLarge = {
  status: 'ERROR',
  data: { errorMessage: 'payload_too_large', errorDescription: `The request body exceeds the limit of ${LIMIT} bytes` },
};

describe('An over-limit body sent by a client that writes it all before reading (Apache HttpClient)', () => {
  let server: RunningTestServer;
  let port: number;
  beforeAll(async () => {
    server = await startTestServer({ env: { EXTENSION_BODY_LIMIT: '64kb' } });
    port = (server.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(async () => {
    await server.close();
  });

  const head = (framing: string) =>
    `POST /default/pre-process-consent-file-upload HTTP/1.1\r\nHost: ext\r\nAuthorization: ${basicAuth()}\r\nContent-Type: application/json\r\n${framing}\r\n`;
  const bodyOf = (received: string) => JSON.parse(received.slice(received.indexOf('\r\n\r\n') + 4)) as unknown;

  it.each([1, 2, 3, 4])(
    'reads the 413, every time (try %i), with a Content-Length of 6 MB, more than the connection buffers',
    async () => {
      const size = 6 * 1024 * 1024;
      const result = await writeAllThenRead(port, head(`Content-Length: ${size}\r\n`), size);
      expect(result.error).toBeUndefined();
      expect(result.bytesWritten).toBe(size);
      expect(result.received).toMatch(/^HTTP\/1\.1 413 /);
      expect(bodyOf(result.received)).toEqual(tooLarge);
    },
  );

  it('reads the 413 of a chunked body of 6 MB', async () => {
    const result = await writeAllThenRead(port, head('Transfer-Encoding: chunked\r\n'), 6 * 1024 * 1024, true);
    expect(result.error).toBeUndefined();
    expect(result.received).toMatch(/^HTTP\/1\.1 413 /);
    expect(bodyOf(result.received)).toEqual(tooLarge);
  });

  it('stops reading past 64 MB (8 times the limit, at least 64 MB): the connection is closed before such a body is written', async () => {
    const size = 100 * 1024 * 1024;
    const result = await writeAllThenRead(port, head(`Content-Length: ${size}\r\n`), size);
    expect(result.bytesWritten).toBeLessThan(size);
    expect(result.error).toMatch(/^(EPIPE|ECONNRESET)$/);
  });
});
