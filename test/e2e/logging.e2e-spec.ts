import { rawPost, TEST_PASSWORD, type RunningTestServer } from './support/test-server.js';
import { startTestSpecsServer } from './support/test-specs.js';

const COOKIE_VALUE = 'commonAuthId-7f3a9c-SECRET';
const TPP_TOKEN = 'eyJTPP.ACCESS.TOKEN-SECRET';

describe('Logs never carry secrets', () => {
  const logLines: string[] = [];
  let server: RunningTestServer;
  beforeAll(async () => {
    server = await startTestSpecsServer({ env: { LOG_LEVEL: 'trace' }, logLines });
  });
  afterAll(async () => {
    await server.close();
  });

  it('keeps credentials, forwarded cookies and TPP tokens out of every log line, at trace level, faults included', async () => {
    await rawPost(
      `${server.baseUrl}/default/persist-authorized-consent`,
      JSON.stringify({
        requestId: 'log-1',
        data: {
          consentId: 'c-1',
          isApproved: true,
          userGrantedData: {
            userId: 'psu@wso2.com',
            authorizedResources: {
              approval: 'true',
              cookies: { commonAuthId: COOKIE_VALUE },
              authorizedData: [{ accounts: [{ displayName: 'A', accountId: '1' }] }],
            },
          },
        },
      }),
    );
    for (const spec of ['default', 'faulty']) {
      await rawPost(
        `${server.baseUrl}/${spec}/validate-consent-access`,
        JSON.stringify({
          requestId: `log-${spec}`,
          data: {
            consentId: 'c-1',
            dataRequestPayload: { headers: { Authorization: `Bearer ${TPP_TOKEN}`, Cookie: COOKIE_VALUE } },
          },
        }),
      );
    }
    await rawPost(`${server.baseUrl}/default/issue-refresh-token`, '{"requestId":"log-2","data":', {
      authorization: `Basic ${Buffer.from(`is-admin:${TEST_PASSWORD}`).toString('base64')}`,
    });

    expect(logLines.length).toBeGreaterThan(0);
    const everything = logLines.join('\n');
    expect(everything).toContain('requestId=log-faulty');
    for (const secret of [
      COOKIE_VALUE,
      TPP_TOKEN,
      TEST_PASSWORD,
      Buffer.from(`is-admin:${TEST_PASSWORD}`).toString('base64'),
    ]) {
      expect(everything).not.toContain(secret);
    }
  });
});
