import { randomUUID } from 'node:crypto';
import { rawPost, startTestServer, type RunningTestServer } from './support/test-server.js';
import { ANSWER_ATTRIBUTE, AnswerCounter, COUNTING_SPEC_ID, countingRootModule } from './support/counting-spec.js';

const persistCall = (requestId: string, accountId: string) =>
  JSON.stringify({
    requestId,
    data: {
      consentId: 'c-1',
      isApproved: true,
      consentResource: {
        id: 'c-1',
        type: 'accounts',
        status: 'AwaitingAuthorisation',
        receipt: {},
        authorizations: [{ id: 'a-1', type: 'authorisation', status: 'Created', resources: [] }],
      },
      userGrantedData: {
        userId: 'psu@wso2.com',
        authorizedResources: {
          approval: 'true',
          authorizedData: [{ permissions: ['ReadAccountsBasic'], accounts: [{ displayName: 'Acc', accountId }] }],
        },
      },
    },
  });

/** The answer of the counting specification's persist numbered `answer`: what a recorded first answer looks like. */
const numberedPersistAnswer = (requestId: string, answer: number) => ({
  responseId: requestId,
  status: 'SUCCESS',
  data: { consentResource: { status: 'Authorised', attributes: { [ANSWER_ATTRIBUTE]: String(answer) } } },
});

/** The number the counting specification gave the answer: a new one each time its handler runs. */
function answerNumber(json: unknown): number {
  const attributes = (json as { data: { consentResource: { attributes: Record<string, string> } } }).data
    .consentResource.attributes;
  return Number(attributes[ANSWER_ATTRIBUTE]);
}

/*
 * The handler of the counting specification answers with a new number every time it runs, so a retry that gets the
 * first number back got the recorded answer, not a second computation that happens to look the same.
 */
describe('Retries with the same requestId (contract §2.6)', () => {
  let counter: AnswerCounter;
  let server: RunningTestServer;
  beforeEach(async () => {
    counter = new AnswerCounter();
    server = await startTestServer({ rootModule: countingRootModule(counter) });
  });
  afterEach(async () => {
    await server.close();
  });

  const persist = (body: string) => rawPost(`${server.baseUrl}/${COUNTING_SPEC_ID}/persist-authorized-consent`, body);

  it('replays the first answer byte for byte when the same call is retried, while a new requestId gets a new answer', async () => {
    const requestId = randomUUID();
    const first = await persist(persistCall(requestId, '30080012343456'));
    const retry = await persist(persistCall(requestId, '30080012343456'));
    const otherRequestId = randomUUID();
    const fresh = await persist(persistCall(otherRequestId, '30080012343456'));
    expect(first.status).toBe(200);
    expect(first.json).toEqual(numberedPersistAnswer(requestId, 1));
    expect(retry.status).toBe(200);
    expect(retry.text).toBe(first.text);
    expect(fresh.status).toBe(200);
    expect(fresh.json).toMatchObject({ responseId: otherRequestId, status: 'SUCCESS' });
    expect(answerNumber(fresh.json)).toBeGreaterThan(1);
  });

  it('treats a retry whose keys come in another order as the same call', async () => {
    const requestId = randomUUID();
    const body = JSON.parse(persistCall(requestId, '30080012343456')) as {
      requestId: string;
      data: Record<string, unknown>;
    };
    const reordered = JSON.stringify({ data: Object.fromEntries(Object.entries(body.data).reverse()), requestId });
    const first = await persist(JSON.stringify(body));
    const retry = await persist(reordered);
    expect(first.json).toEqual(numberedPersistAnswer(requestId, 1));
    expect(retry.status).toBe(200);
    expect(retry.text).toBe(first.text);
  });

  it('refuses the same requestId with a different body with 400', async () => {
    const requestId = randomUUID();
    const first = await persist(persistCall(requestId, '30080012343456'));
    expect(first.json).toEqual(numberedPersistAnswer(requestId, 1));
    const other = await persist(persistCall(requestId, '30080098763459'));
    expect(other.status).toBe(400);
    expect(other.json).toEqual({
      responseId: requestId,
      status: 'ERROR',
      data: {
        errorMessage: 'invalid_request',
        errorDescription: `requestId ${requestId} was already used with a different body`,
      },
    });
  });

  it('gives concurrent copies of one call the same answer (the first recorded)', async () => {
    const requestId = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => persist(persistCall(requestId, '30080012343456'))),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    // Each copy may have run the handler and got its own number; one number, the recorded one, is sent to all.
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(answers[0].json).toMatchObject({ responseId: requestId, status: 'SUCCESS' });
    const recorded = answerNumber(answers[0].json);
    const later = await persist(persistCall(requestId, '30080012343456'));
    expect(later.text).toBe(answers[0].text);
    expect(answerNumber(later.json)).toBe(recorded);
  });

  it('replays across a restart of the service', async () => {
    const requestId = randomUUID();
    const first = await persist(persistCall(requestId, '30080012343456'));
    expect(first.json).toEqual(numberedPersistAnswer(requestId, 1));
    // The counter goes on across the restart, so the restarted handler cannot produce answer 1 again.
    server = await server.restart();
    const retry = await persist(persistCall(requestId, '30080012343456'));
    expect(retry.status).toBe(200);
    expect(retry.text).toBe(first.text);
    const fresh = await persist(persistCall(randomUUID(), '30080012343456'));
    expect(answerNumber(fresh.json)).toBeGreaterThan(1);
    const conflict = await persist(persistCall(requestId, '30080098763459'));
    expect(conflict.status).toBe(400);
  });

  it('does not record points whose answers the identity server does not store', async () => {
    const requestId = randomUUID();
    const call = JSON.stringify({ requestId, data: { grantType: 'authorization_code', consentValidityPeriod: 0 } });
    const first = await rawPost(`${server.baseUrl}/${COUNTING_SPEC_ID}/issue-refresh-token`, call);
    const second = await rawPost(`${server.baseUrl}/${COUNTING_SPEC_ID}/issue-refresh-token`, call);
    expect(first.json).toEqual({
      responseId: requestId,
      status: 'SUCCESS',
      data: { issueRefreshToken: true, refreshTokenValidityPeriod: 1 },
    });
    // Computed again, not replayed: the same requestId and body get the handler's next answer.
    expect(second.json).toEqual({
      responseId: requestId,
      status: 'SUCCESS',
      data: { issueRefreshToken: true, refreshTokenValidityPeriod: 2 },
    });
  });
});
