import type { AddressInfo } from 'node:net';
import { rawExchange } from './support/raw-http.js';
import { trickle } from './support/slow-client.js';
import { basicAuth, startTestServer, type RunningTestServer } from './support/test-server.js';

const timedOut = {
  status: 'ERROR',
  data: { errorMessage: 'request_timeout', errorDescription: 'The request headers and body were not received in time' },
};
const bodyOf = (received: string): unknown => JSON.parse(received.slice(received.indexOf('\r\n\r\n') + 4));

describe('Clients that send a request too slowly, or stop, do not hold their connection', () => {
  let server: RunningTestServer;
  let port: number;
  beforeAll(async () => {
    // Short timeouts, so that the test runs in seconds; the defaults are 5 s for the headers and 10 s in all.
    server = await startTestServer({
      env: { EXTENSION_HEADERS_TIMEOUT_MS: '1000', EXTENSION_REQUEST_TIMEOUT_MS: '2000' },
    });
    port = (server.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(async () => {
    await server.close();
  });

  const body = JSON.stringify({ requestId: 'slow-1', data: { grantType: 'authorization_code' } });
  const head = (authorization: string) =>
    `POST /default/issue-refresh-token HTTP/1.1\r\nHost: ext\r\nAuthorization: ${authorization}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;

  it('answers 408 in the contract shape and closes the connection when the body never comes', async () => {
    // The connection stays open on this side: the exchange ends only because the service closes it.
    const answer = await rawExchange(port, head(basicAuth()), { halfClose: false });
    expect(answer.status).toBe(408);
    expect(answer.headers['connection']).toBe('close');
    expect(JSON.parse(answer.body)).toEqual(timedOut);
  });

  it('answers 408 and closes the connection when the headers stop half-way', async () => {
    const answer = await rawExchange(port, 'POST /default/issue-refresh-token HTTP/1.1\r\nHost: ext\r\n', {
      halfClose: false,
    });
    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body)).toEqual(timedOut);
  });

  it('answers 408 and closes the connection of a body sent one byte every 100 ms', async () => {
    const result = await trickle(port, head(basicAuth()), body, 100);
    expect(result.bytesSent).toBeLessThan(head(basicAuth()).length + body.length);
    expect(result.received).toMatch(/^HTTP\/1\.1 408 /);
    expect(bodyOf(result.received)).toEqual(timedOut);
  });

  it('closes the connection of an unauthenticated client after its 401, however slowly it sends its body', async () => {
    const result = await trickle(port, head(basicAuth('is-admin', 'wrong')), body, 100);
    expect(result.bytesSent).toBeLessThan(head(basicAuth()).length + body.length);
    expect(result.received).toMatch(/^HTTP\/1\.1 401 /);
    expect(result.received).toMatch(/\r\nconnection: close\r\n/i);
  });

  it('still serves a client that sends its call at once', async () => {
    const answer = await rawExchange(port, `${head(basicAuth())}${body}`);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ responseId: 'slow-1', status: 'SUCCESS' });
  });
});
