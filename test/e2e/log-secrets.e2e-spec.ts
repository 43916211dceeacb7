import type { AddressInfo } from 'node:net';
import { rawExchange } from './support/raw-http.js';
import { basicAuth, rawPost, TEST_PASSWORD, TEST_USER, type RunningTestServer } from './support/test-server.js';
import { startTestSpecsServer } from './support/test-specs.js';

/* Values that must never reach a log line, whatever the level and however malformed the request that carried them. */
const PERSON_NAME = 'Zoë Privatperson';
const PERSON_EMAIL = 'zoe.privatperson@example.org';
const PERSON_IBAN = 'GB33BUKB20201555555555';
const COOKIE_VALUE = 'commonAuthId-2b8e41-COOKIE';
const TPP_TOKEN = 'eyJTPP.BEARER.TOKEN-9f1c';
const WRONG_PASSWORD = 'wrong-password-4d7a';

const SECRETS = [
  PERSON_NAME,
  PERSON_EMAIL,
  PERSON_IBAN,
  COOKIE_VALUE,
  TPP_TOKEN,
  TEST_PASSWORD,
  WRONG_PASSWORD,
  Buffer.from(`${TEST_USER}:${TEST_PASSWORD}`, 'latin1').toString('base64'),
  Buffer.from(`${TEST_USER}:${WRONG_PASSWORD}`, 'latin1').toString('base64'),
];

/**
 * The text of the log lines, with every serialised Buffer (`{"type":"Buffer","data":[...]}`, how pino writes raw bytes)
 * decoded, so that bytes of a secret count as the secret.
 */
function readableLog(lines: readonly string[]): string {
  const decoded: string[] = [];
  for (const line of lines) {
    decoded.push(line);
    const pending: unknown[] = [JSON.parse(line)];
    while (pending.length > 0) {
      const value = pending.pop();
      if (typeof value !== 'object' || value === null) {
        continue;
      }
      const { type, data } = value as { type?: unknown; data?: unknown };
      if (type === 'Buffer' && Array.isArray(data)) {
        const bytes = Buffer.from(data as number[]);
        decoded.push(bytes.toString('latin1'), bytes.toString('utf8'));
      }
      pending.push(...Object.values(value));
    }
  }
  return decoded.join('\n');
}

/** A persist call full of personal data, as the identity server sends it. */
const personalData = (requestId: string) =>
  JSON.stringify({
    requestId,
    data: {
      consentId: 'c-1',
      isApproved: true,
      userGrantedData: {
        userId: PERSON_EMAIL,
        authorizedResources: {
          approval: 'true',
          cookies: { commonAuthId: COOKIE_VALUE },
          authorizedData: [{ accounts: [{ displayName: PERSON_NAME, accountId: PERSON_IBAN }] }],
        },
      },
      dataRequestPayload: { headers: { Authorization: `Bearer ${TPP_TOKEN}`, Cookie: COOKIE_VALUE } },
    },
  });

describe('No log line holds a credential, a token, a cookie or personal data, at trace level', () => {
  const logLines: string[] = [];
  let server: RunningTestServer;
  let port: number;
  beforeAll(async () => {
    server = await startTestSpecsServer({ env: { LOG_LEVEL: 'trace' }, logLines });
    port = (server.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(async () => {
    await server.close();
  });

  const head = (requestLine: string, extra = '') =>
    `${requestLine}\r\nHost: ext\r\nAuthorization: ${basicAuth()}\r\nCookie: commonAuthId=${COOKIE_VALUE}\r\nContent-Type: application/json\r\n${extra}`;

  it('for well-formed calls, faults, refusals and malformed HTTP alike', async () => {
    const body = personalData('log-1');
    // Well-formed calls: a success, a handler fault, malformed JSON, an over-limit body, wrong credentials.
    await rawPost(`${server.baseUrl}/default/persist-authorized-consent`, body);
    await rawPost(`${server.baseUrl}/faulty/validate-consent-access`, personalData('log-2'));
    await rawPost(`${server.baseUrl}/default/persist-authorized-consent`, body.slice(0, -3));
    await rawPost(
      `${server.baseUrl}/default/persist-authorized-consent`,
      `${body.slice(0, -1)},"padding":"${'x'.repeat(11 * 1024 * 1024)}"}`,
    );
    await rawPost(`${server.baseUrl}/default/persist-authorized-consent`, body, {
      authorization: basicAuth(TEST_USER, WRONG_PASSWORD),
    });
    await rawPost(`${server.baseUrl}/default/persist-authorized-consent`, body, {
      authorization: `Bearer ${TPP_TOKEN}`,
    });
    // Malformed HTTP carrying the same credentials and body: Node's parser refuses each, with the raw bytes at hand.
    const malformed = [
      `${head('post /default/persist-authorized-consent HTTP/1.1', `Content-Length: ${Buffer.byteLength(body)}\r\n`)}\r\n${body}`,
      `${head('POST /default/persist-authorized-consent HTTP/1.1', `X-Padding: ${'p'.repeat(20_000)}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`)}\r\n${body}`,
      `${head('POST /default/persist-authorized-consent HTTP/1.1', 'Transfer-Encoding: chunked\r\n')}\r\nZZ\r\n${body}\r\n0\r\n\r\n`,
      `${head('POST /default/persist-authorized-consent HTTP/1.1', 'Bad Header: x\r\n')}\r\n${body}`,
      `${head('POST /default/%E0%A4%A HTTP/1.1', `Content-Length: ${Buffer.byteLength(body)}\r\n`)}\r\n${body}`,
      `${head('POST /default/persist-authorized-consent HTTP/1.1', `Content-Length: ${Buffer.byteLength(body) + 10}\r\n`)}\r\n${body}`,
    ];
    for (const request of malformed) {
      const answer = await rawExchange(port, request, { halfClose: true });
      expect(answer.status).toBeGreaterThanOrEqual(400);
    }

    const everything = readableLog(logLines);
    // The log did see these calls (at trace level Fastify and Nest are verbose), just not their secrets.
    expect(everything).toContain('requestId=log-2');
    expect(everything).toContain('HPE_INVALID_METHOD');
    expect(SECRETS.filter((secret) => everything.includes(secret))).toEqual([]);
  });
});
