import { randomUUID } from 'node:crypto';
import { rawPost, startTestServer, type RunningTestServer } from './support/test-server.js';

const persistCall = (requestId: string, accountId: string) =>
  JSON.stringify({
    requestId,
    data: {
      consentId: 'c-1',
      isApproved: true,
      consentResource: { id: 'c-1', type: 'accounts', status: 'AwaitingAuthorisation', receipt: {}, authorizations: [{ id: 'a-1', type: 'authorisation', status: 'Created', resources: [] }] },
      userGrantedData: {
        userId: 'psu@wso2.com',
        authorizedResources: { approval: 'true', authorizedData: [{ permissions: ['ReadAccountsBasic'], accounts: [{ displayName: 'Acc', accountId }] }] },
      },
    },
  });

describe('Retries with the same requestId (contract §2.6)', () => {
  let server: RunningTestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  const persist = (body: string) => rawPost(`${server.baseUrl}/default/persist-authorized-consent`, body);

  it('replays the first answer byte for byte when the same call is retried', async () => {
    const requestId = randomUUID();
    const first = await persist(persistCall(requestId, '30080012343456'));
    const retry = await persist(persistCall(requestId, '30080012343456'));
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.text).toBe(first.text);
  });

  it('treats a retry whose keys come in another order as the same call', async () => {
    const requestId = randomUUID();
    const body = JSON.parse(persistCall(requestId, '30080012343456')) as { requestId: string; data: Record<string, unknown> };
    const reordered = JSON.stringify({ data: Object.fromEntries(Object.entries(body.data).reverse()), requestId });
    const first = await persist(JSON.stringify(body));
    const retry = await persist(reordered);
    expect(retry.status).toBe(200);
    expect(retry.text).toBe(first.text);
  });

  it('refuses the same requestId with a different body with 400', async () => {
    const requestId = randomUUID();
    await persist(persistCall(requestId, '30080012343456'));
    const other = await persist(persistCall(requestId, '30080098763459'));
    expect(other.status).toBe(400);
    expect(other.json).toEqual({
      responseId: requestId,
      status: 'ERROR',
      data: { errorMessage: 'invalid_request', errorDescription: `requestId ${requestId} was already used with a different body` },
    });
  });

  it('gives concurrent copies of one call the same answer (the first recorded)', async () => {
    const requestId = randomUUID();
    const answers = await Promise.all(Array.from({ length: 8 }, () => persist(persistCall(requestId, '30080012343456'))));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
  });

  it('replays across a restart of the service', async () => {
    const requestId = randomUUID();
    const first = await persist(persistCall(requestId, '30080012343456'));
    const databaseUrl = server.databaseUrl;
    await server.app.close();
    server = await startTestServer({ databaseUrl });
    const retry = await persist(persistCall(requestId, '30080012343456'));
    expect(retry.text).toBe(first.text);
    const conflict = await persist(persistCall(requestId, '30080098763459'));
    expect(conflict.status).toBe(400);
  });

  it('does not record points whose answers the identity server does not store', async () => {
    const requestId = randomUUID();
    const call = (accountId: string) =>
      JSON.stringify({ requestId, data: { grantType: 'authorization_code', consentValidityPeriod: accountId === 'a' ? 0 : 1 } });
    const first = await rawPost(`${server.baseUrl}/default/issue-refresh-token`, call('a'));
    const second = await rawPost(`${server.baseUrl}/default/issue-refresh-token`, call('b'));
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
  });
});

