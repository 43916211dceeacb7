import { AuditTrailRepository } from '@app/persistence';
import { AuditTrailService } from '@app/platform';
import { rawPost, startTestServer, type RunningTestServer } from './support/test-server.js';

describe('The audit trail of decisions', () => {
  let server: RunningTestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('records every decision with the consent, the point, the outcome and the error code, and nothing else', async () => {
    const consentResource = {
      id: 'c-audit',
      type: 'accounts',
      status: 'AwaitingAuthorisation',
      receipt: { Data: { Permissions: ['ReadAccountsBasic'] } },
    };
    await rawPost(
      `${server.baseUrl}/default/validate-consent-access`,
      JSON.stringify({
        requestId: 'audit-1',
        data: {
          consentId: 'c-audit',
          consentResource,
          dataRequestPayload: {
            electedResource: '/accounts',
            consentId: 'c-audit',
            resourceParams: { resource: '/open-banking/v3.1/aisp/accounts' },
          },
        },
      }),
    );
    await rawPost(
      `${server.baseUrl}/default/pre-process-consent-revoke`,
      JSON.stringify({
        requestId: 'audit-2',
        data: {
          consentId: 'c-audit',
          consentResourcePath: 'account-access-consents/c-audit',
          requestHeaders: {},
          consentResource,
        },
      }),
    );
    await rawPost(
      `${server.baseUrl}/default/issue-refresh-token`,
      JSON.stringify({ requestId: 'audit-3', data: { grantType: 7 } }),
    );

    await server.app.get(AuditTrailService).flush();
    const records = await server.app.get(AuditTrailRepository).findByConsent('c-audit');
    expect(
      records.map((r) => ({
        requestId: r.requestId,
        spec: r.spec,
        extension: r.extension,
        outcome: r.outcome,
        errorCode: r.errorCode,
      })),
    ).toEqual([
      { requestId: 'audit-1', spec: 'default', extension: 'validate-consent-access', outcome: 'ERROR', errorCode: 400 },
      {
        requestId: 'audit-2',
        spec: 'default',
        extension: 'pre-process-consent-revoke',
        outcome: 'SUCCESS',
        errorCode: null,
      },
    ]);
    expect(records.every((r) => r.durationMs >= 0 && r.createdAt instanceof Date)).toBe(true);
  });

  it.each(['off', 'loopback'])(
    'writes the records still buffered when the service stops, before the database closes (CONSOLE=%s)',
    async (consoleSetting) => {
      // The image runs with the console off: the modules then shut down in another order, and the database closed
      // before the last records were written.
      const stopping = await startTestServer({ env: { CONSOLE: consoleSetting } });
      const consentId = `c-stop-${consoleSetting}`;
      const requestIds = Array.from({ length: 12 }, (_, index) => `audit-stop-${consoleSetting}-${index}`);
      const answers = await Promise.all(
        requestIds.map((requestId) =>
          rawPost(
            `${stopping.baseUrl}/default/pre-process-consent-revoke`,
            JSON.stringify({
              requestId,
              data: {
                consentId,
                consentResourcePath: `account-access-consents/${consentId}`,
                requestHeaders: {},
                consentResource: { id: consentId, type: 'accounts', status: 'Authorised', receipt: {} },
              },
            }),
          ),
        ),
      );
      expect(answers.map((answer) => answer.status)).toEqual(requestIds.map(() => 200));

      // restart() closes the service (its shutdown hooks, then the database) and starts it again on the same database.
      const restarted = await stopping.restart();
      try {
        const records = await restarted.app.get(AuditTrailRepository).findByConsent(consentId);
        expect(records.map((record) => record.requestId).sort()).toEqual([...requestIds].sort());
      } finally {
        await restarted.close();
      }
    },
  );
});
