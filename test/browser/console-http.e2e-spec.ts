import { request as httpRequest } from 'node:http';
import { TEST_PASSWORD, TEST_USER } from '../e2e/support/test-server.js';
import { startConsoleServer, type ConsoleServer } from './support/console-server.js';

/*
 * The console over plain HTTP, no browser needed: who it serves under each CONSOLE setting, the headers of its pages,
 * that it never shows the service's credentials, and how it refuses bad input and actions started by another site.
 */

const CONSOLE_CREDENTIALS = { user: 'integrator', password: 'a long console secret' };
const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A GET with headers fetch does not let a caller set (Host). */
function rawGet(server: ConsoleServer, path: string, headers: Record<string, string>): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port: server.port, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    request.on('error', reject);
    request.end();
  });
}

function exampleBody(form: string): string {
  const textarea = /<textarea id="body"[^>]*>([^<]*)<\/textarea>/.exec(form)?.[1] ?? '';
  return textarea
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

describe('The console with CONSOLE=off', () => {
  let server: ConsoleServer;
  beforeAll(async () => {
    server = await startConsoleServer({ CONSOLE: 'off' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('has no route at all', async () => {
    for (const path of ['/console', '/console/preview', '/console/trace?id=x', '/console/assets/console.css']) {
      expect((await fetch(`${server.baseUrl}${path}`)).status).toBe(404);
    }
  });
});

describe('The console with CONSOLE=loopback (the default)', () => {
  let server: ConsoleServer;
  beforeAll(async () => {
    server = await startConsoleServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves HTML pages that run no script, cannot be framed and are not cached', async () => {
    const response = await fetch(server.consoleUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).not.toContain('<script');
    const css = await fetch(`${server.consoleUrl}/assets/console.css`);
    expect([css.status, css.headers.get('content-type')]).toEqual([200, 'text/css; charset=utf-8']);
  });

  it('refuses a page reached under another name (DNS rebinding) and a request relayed by a proxy', async () => {
    const rebound = await rawGet(server, '/console', { host: 'evil.example' });
    expect(rebound.status).toBe(403);
    expect(rebound.body).toContain('Open the console as http://127.0.0.1 or http://localhost (CONSOLE=loopback).');
    const proxied = await rawGet(server, '/console', {
      host: `127.0.0.1:${server.port}`,
      'x-forwarded-for': '203.0.113.9',
    });
    expect(proxied.status).toBe(403);
    expect(proxied.body).toContain('The console answers only browsers on this machine (CONSOLE=loopback).');
  });

  it('never shows the credentials it calls the service with', async () => {
    const form = await (await fetch(`${server.consoleUrl}/preview?example=uk%3Aaccount-access`)).text();
    const query = new URLSearchParams({
      example: 'uk:account-access',
      user: 'psu@wso2.com',
      resourcePath: 'account-access-consents',
      headers: '{}',
      body: exampleBody(form),
    });
    const run = await fetch(`${server.consoleUrl}/preview/run?${query.toString()}`, { redirect: 'manual' });
    expect(run.status).toBe(303);
    const result = await (await fetch(`${server.baseUrl}${run.headers.get('location')}`)).text();
    expect(result).toContain('Authorization: Basic (hidden)');
    expect(result).not.toContain(TEST_PASSWORD);
    expect(result).not.toContain(basic(TEST_USER, TEST_PASSWORD).slice(6));
    expect(result).not.toContain(Buffer.from(`${TEST_USER}:${TEST_PASSWORD}`, 'latin1').toString('base64'));
  });

  it('shows the form again with the reason when the body is not JSON', async () => {
    const query = new URLSearchParams({
      example: 'uk:account-access',
      user: 'psu@wso2.com',
      resourcePath: 'account-access-consents',
      headers: '{}',
      body: '{"Data": ',
    });
    const response = await fetch(`${server.consoleUrl}/preview/run?${query.toString()}`, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(
      /<div class="error-box" role="alert"><p><strong>Cannot show the consent page:<\/strong> The request body is not valid JSON: /,
    );
  });

  it('refuses an action another site started', async () => {
    const query = new URLSearchParams({ example: 'uk:account-access', user: 'psu@wso2.com', body: '{}' });
    const response = await fetch(`${server.consoleUrl}/preview/run?${query.toString()}`, {
      headers: { 'sec-fetch-site': 'cross-site' },
      redirect: 'manual',
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('The console runs calls only from its own pages.');
  });

  it('answers an unknown or expired preview with a page of its own', async () => {
    const response = await fetch(`${server.consoleUrl}/preview/${'0'.repeat(32)}`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('This preview is unknown or has expired');
  });

  it('traces an id nothing has used with an empty result, not an error', async () => {
    const response = await fetch(`${server.consoleUrl}/trace?id=no-such-request`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('No decision in the audit trail has this requestId or consentId.');
  });
});

describe('The console with CONSOLE=on', () => {
  let server: ConsoleServer;
  beforeAll(async () => {
    server = await startConsoleServer({
      CONSOLE: 'on',
      CONSOLE_USER: CONSOLE_CREDENTIALS.user,
      CONSOLE_PASSWORD: CONSOLE_CREDENTIALS.password,
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it("asks for its own credentials, and not for the identity server's", async () => {
    const anonymous = await fetch(server.consoleUrl);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Basic realm="consent-extensions console", charset="UTF-8"');
    expect(
      (await fetch(server.consoleUrl, { headers: { authorization: basic(TEST_USER, TEST_PASSWORD) } })).status,
    ).toBe(401);
    expect(
      (
        await fetch(server.consoleUrl, {
          headers: { authorization: basic(CONSOLE_CREDENTIALS.user, CONSOLE_CREDENTIALS.password) },
        })
      ).status,
    ).toBe(200);
  });

  it('serves them from any Host name', async () => {
    const answer = await rawGet(server, '/console/trace', {
      host: 'ext.bank.internal',
      authorization: basic(CONSOLE_CREDENTIALS.user, CONSOLE_CREDENTIALS.password),
    });
    expect(answer.status).toBe(200);
  });
});
