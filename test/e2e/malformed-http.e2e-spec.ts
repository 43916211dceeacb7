import { connect, type AddressInfo } from 'node:net';
import { once } from 'node:events';
import { rawExchange } from './support/raw-http.js';
import { basicAuth, startTestServer, type RunningTestServer } from './support/test-server.js';

const contractError = (errorMessage: string, errorDescription: string) => ({
  status: 'ERROR',
  data: { errorMessage, errorDescription },
});
const post = (head: string, body = '{}') =>
  `POST /default/issue-refresh-token HTTP/1.1\r\nHost: ext\r\nAuthorization: ${basicAuth()}\r\n${head}\r\n${body}`;

describe('Requests that are not valid HTTP get the contract error shape, and their connection is closed', () => {
  let server: RunningTestServer;
  let port: number;
  beforeAll(async () => {
    server = await startTestServer();
    port = (server.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(async () => {
    await server.close();
  });

  const invalid = (code: string) => contractError('invalid_request', `The request is not valid HTTP/1.1 (${code})`);

  it.each([
    ['a lower-case method', 'get /health HTTP/1.1\r\nHost: ext\r\n\r\n', 400, invalid('HPE_INVALID_METHOD')],
    ['an unknown HTTP version', 'GET /health HTTP/9.9\r\nHost: ext\r\n\r\n', 400, invalid('HPE_INVALID_VERSION')],
    [
      'a header name with a space',
      'GET /health HTTP/1.1\r\nHost: ext\r\nBad Header: x\r\n\r\n',
      400,
      invalid('HPE_INVALID_HEADER_TOKEN'),
    ],
    [
      'a Content-Length that is not a number',
      post('Content-Type: application/json\r\nContent-Length: two\r\n'),
      400,
      invalid('HPE_INVALID_CONTENT_LENGTH'),
    ],
    [
      'Content-Length with Transfer-Encoding',
      post('Content-Length: 2\r\nTransfer-Encoding: chunked\r\n', '0\r\n\r\n'),
      400,
      invalid('HPE_INVALID_TRANSFER_ENCODING'),
    ],
    [
      'a malformed chunk size',
      post('Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n', 'ZZ\r\n{}\r\n0\r\n\r\n'),
      400,
      invalid('HPE_INVALID_CHUNK_SIZE'),
    ],
    ['bytes that are not HTTP at all', '\u0000\u0001 not http\r\n\r\n', 400, invalid('HPE_INVALID_METHOD')],
    [
      'headers over the size limit (16 KiB)',
      post(`Content-Type: application/json\r\nX-Padding: ${'a'.repeat(20_000)}\r\nContent-Length: 2\r\n`),
      431,
      contractError('request_header_fields_too_large', 'The request headers exceed the size the service accepts'),
    ],
    [
      'a URL that is not valid percent-encoding',
      `POST /default/%E0%A4%A HTTP/1.1\r\nHost: ext\r\nAuthorization: ${basicAuth()}\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`,
      400,
      contractError('invalid_request', 'The request URL is not a valid percent-encoded path'),
    ],
    [
      'an HTTP/1.1 request without Host',
      'GET /health HTTP/1.1\r\n\r\n',
      400,
      contractError('invalid_request', 'An HTTP/1.1 request must have a Host header'),
    ],
    [
      'an Expect other than 100-continue',
      post('Content-Type: application/json\r\nExpect: 200-ok\r\nContent-Length: 2\r\n'),
      417,
      contractError('expectation_failed', 'Expect: 200-ok is not supported (only 100-continue)'),
    ],
  ])('answers %s in the contract shape, with its status', async (_label, request, status, body) => {
    // The connection is left open on this side: the exchange ends only if the service closes it.
    const answer = await rawExchange(port, request, { halfClose: false });
    expect(answer.status).toBe(status);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.headers['connection']).toBe('close');
    expect(JSON.parse(answer.body)).toEqual(body);
  });
});

describe('A request that arrives while the service shuts down', () => {
  it('gets 503 in the contract shape', async () => {
    const server = await startTestServer();
    const httpServer = server.app.getHttpServer();
    const socket = connect((httpServer.address() as AddressInfo).port, '127.0.0.1');
    await once(socket, 'connect');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    // Half a request: the connection is busy, so shutdown does not close it as idle.
    const request = post('Content-Type: application/json\r\nContent-Length: 2\r\n');
    socket.write(request.slice(0, 30));
    const closed = server.close();
    while (httpServer.listening) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    socket.write(request.slice(30));
    await Promise.all([once(socket, 'close'), closed]);

    expect(received).toMatch(/^HTTP\/1\.1 503 /);
    expect(received).toMatch(/\r\nconnection: close\r\n/i);
    expect(JSON.parse(received.slice(received.indexOf('\r\n\r\n') + 4))).toEqual(
      contractError('service_unavailable', 'The service is shutting down; send the call again'),
    );
  });
});
