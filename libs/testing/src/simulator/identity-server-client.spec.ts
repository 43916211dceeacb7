import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IDENTITY_SERVER_USER_AGENT, IdentityServerClient } from './identity-server-client.js';
import { JSON_NULL } from './identity-server-json.js';

/** What the fake service saw of one request. */
interface ReceivedRequest {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly headers: IncomingHttpHeaders;
  readonly bytes: Buffer;
}

describe('IdentityServerClient on the wire', () => {
  let server: Server;
  let baseUrl: string;
  const received: ReceivedRequest[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const bytes = Buffer.concat(chunks);
        received.push({ method: request.method, url: request.url, headers: request.headers, bytes });
        let requestId: string;
        try {
          ({ requestId } = JSON.parse(bytes.toString('latin1')) as { requestId: string });
        } catch {
          response.writeHead(400, { 'Content-Type': 'text/plain' });
          response.end('not json');
          return;
        }
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ responseId: requestId, status: 'SUCCESS', data: { echo: 'café' } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    // fetch keeps connections alive, as the identity server's pool does: close them so the server can stop.
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  beforeEach(() => {
    received.length = 0;
  });

  const lastRequest = (): ReceivedRequest => {
    const request = received.at(-1);
    if (request === undefined) {
      throw new Error('the fake service received nothing');
    }
    return request;
  };

  it('posts to {base}/{spec}/{extension} with exactly the identity server headers', async () => {
    const client = new IdentityServerClient({
      baseUrl: `${baseUrl}/`,
      spec: 'default',
      credentials: { kind: 'basic', username: 'is', password: 'secret' },
    });

    const answer = await client.call('validate-consent-access', { consentId: 'c-1' });

    const request = lastRequest();
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/default/validate-consent-access');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers.accept).toBe('application/json');
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from('is:secret').toString('base64')}`);
    expect(request.headers['user-agent']).toBe(IDENTITY_SERVER_USER_AGENT);
    expect(request.headers['content-length']).toBe(String(request.bytes.length));
    expect(request.headers['transfer-encoding']).toBeUndefined();
    expect(answer.httpStatus).toBe(200);
    expect(answer.body).toEqual({ responseId: answer.requestId, status: 'SUCCESS', data: { echo: 'café' } });
    expect(answer.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sends Basic Og== by default and a bearer token when configured', async () => {
    await new IdentityServerClient({ baseUrl, spec: 'default' }).call('issue-refresh-token', {});
    expect(lastRequest().headers.authorization).toBe('Basic Og==');

    await new IdentityServerClient({
      baseUrl,
      spec: 'uk',
      credentials: { kind: 'bearer', token: 'static-token' },
    }).call('issue-refresh-token', {});
    expect(lastRequest().headers.authorization).toBe('Bearer static-token');
    expect(lastRequest().url).toBe('/uk/issue-refresh-token');
  });

  it('encodes the body as ISO-8859-1: é is the single byte 0xE9, € and emoji become ?', async () => {
    const client = new IdentityServerClient({ baseUrl, spec: 'default' });

    await client.call('pre-process-consent-creation', { name: 'é', price: '€5', mood: '😀', cjk: '中' });

    const bytes = lastRequest().bytes;
    expect(bytes.includes(Buffer.from([0xe9]))).toBe(true);
    expect(bytes.includes(Buffer.from('é', 'utf8'))).toBe(false);
    const text = bytes.toString('latin1');
    expect(text).toContain('"name":"é"');
    expect(text).toContain('"price":"?5"');
    expect(text).toContain('"mood":"?"');
    expect(text).toContain('"cjk":"?"');
  });

  it('can escape like org.json instead, which sends € as \\u20ac', async () => {
    const client = new IdentityServerClient({ baseUrl, spec: 'default', jsonEscaping: 'org.json' });

    await client.call('pre-process-consent-creation', { price: '€5', tag: '</script>' });

    expect(lastRequest().bytes.toString('latin1')).toContain('"price":"\\u20ac5","tag":"<\\/script>"');
  });

  it('can send UTF-8 for tests of UTF-8 bodies', async () => {
    const client = new IdentityServerClient({ baseUrl, spec: 'default', bodyCharset: 'utf-8' });

    await client.call('pre-process-consent-creation', { name: 'é€' });

    expect(lastRequest().bytes.includes(Buffer.from('é€', 'utf8'))).toBe(true);
  });

  it('omits null properties at every depth but keeps array elements and JSON_NULL', async () => {
    const client = new IdentityServerClient({ baseUrl, spec: 'default' });

    const answer = await client.call('persist-authorized-consent', {
      consentId: 'c-1',
      consentResource: null,
      userGrantedData: { userId: undefined, authorizedResources: { metadata: { a: null, b: 'x' } } },
      list: [1, null],
      account: { displayName: 'Max', title: JSON_NULL },
    });

    expect(lastRequest().bytes.toString('latin1')).toBe(
      // Keys in java.util.HashMap order, as org.json writes them.
      `{"data":{"consentId":"c-1","list":[1,null],"account":{"displayName":"Max","title":null},"userGrantedData":{"authorizedResources":{"metadata":{"b":"x"}}}},"requestId":"${answer.requestId}"}`,
    );
  });

  it('uses a fresh requestId per call, and retry() resends the identical bytes with the same requestId', async () => {
    const client = new IdentityServerClient({ baseUrl, spec: 'default' });

    const first = await client.call('persist-authorized-consent', { consentId: 'c-1', note: 'é€' });
    const second = await client.call('persist-authorized-consent', { consentId: 'c-1', note: 'é€' });
    const retried = await client.retry(first);

    expect(second.requestId).not.toBe(first.requestId);
    expect(retried.requestId).toBe(first.requestId);
    const [firstBytes, , retriedBytes] = received.map((request) => request.bytes);
    expect(retriedBytes?.equals(firstBytes ?? Buffer.alloc(0))).toBe(true);
    expect(retried.body).toEqual(first.body);
  });

  it('reuses a given requestId for a different body', async () => {
    const client = new IdentityServerClient({ baseUrl, spec: 'default' });

    const answer = await client.call('persist-authorized-consent', { isApproved: false }, { requestId: 'fixed-id' });

    expect(answer.requestId).toBe('fixed-id');
    expect(lastRequest().bytes.toString('latin1')).toBe('{"data":{"isApproved":false},"requestId":"fixed-id"}');
  });

  it("writes a TPP body's keys in the identity server's HashMap order, or as given for a raw-body deployment", async () => {
    const body = {
      Data: { Permissions: ['ReadAccountsBasic'], ExpirationDateTime: '2030-01-01T00:00:00+00:00' },
      Risk: {},
    };
    await new IdentityServerClient({ baseUrl, spec: 'uk' }).call(
      'pre-process-consent-creation',
      { consentInitiationData: body },
      { requestId: 'r' },
    );
    expect(lastRequest().bytes.toString('latin1')).toBe(
      '{"data":{"consentInitiationData":{"Risk":{},"Data":{"ExpirationDateTime":"2030-01-01T00:00:00+00:00","Permissions":["ReadAccountsBasic"]}}},"requestId":"r"}',
    );
    await new IdentityServerClient({ baseUrl, spec: 'uk', keyOrder: 'as-given' }).call(
      'pre-process-consent-creation',
      { consentInitiationData: body },
      { requestId: 'r' },
    );
    expect(lastRequest().bytes.toString('latin1')).toBe(
      '{"requestId":"r","data":{"consentInitiationData":{"Data":{"Permissions":["ReadAccountsBasic"],"ExpirationDateTime":"2030-01-01T00:00:00+00:00"},"Risk":{}}}}',
    );
  });

  it('returns undefined as body and the raw text when the answer is not JSON', async () => {
    const client = new IdentityServerClient({ baseUrl, spec: 'default' });

    const answer = await client.sendRaw('persist-authorized-consent', '{"requestId":"x","data":');

    expect(lastRequest().bytes.toString('latin1')).toBe('{"requestId":"x","data":');
    expect(answer.httpStatus).toBe(400);
    expect(answer.body).toBeUndefined();
    expect(answer.rawText).toBe('not json');
    expect(answer.contentType).toBe('text/plain');
  });
});
