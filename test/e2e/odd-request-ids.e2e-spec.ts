import { randomUUID } from 'node:crypto';
import { checkExtensionResponse } from '@app/testing';
import { rawPost, startTestServer, type RunningTestServer } from './support/test-server.js';
import { ANSWER_ATTRIBUTE, AnswerCounter, COUNTING_SPEC_ID, countingRootModule } from './support/counting-spec.js';

const futureDate = new Date(Date.now() + 30 * 86400_000).toISOString().replace(/\.\d{3}Z$/, '+00:00');

/** A consent creation: a point whose answer is recorded, in batches, for replay. */
function creationCall(requestIdJson: string, clientId = 'tpp-1'): string {
  const data = {
    consentInitiationData: { Data: { Permissions: ['ReadAccountsBasic'], ExpirationDateTime: futureDate }, Risk: {} },
    consentResourcePath: 'account-access-consents',
    requestHeaders: { 'x-wso2-client-id': clientId },
  };
  // The request id is spliced in as JSON text, so that escapes like \ud800 reach the service as the identity server
  // (or a gateway) would write them.
  return `{"requestId":${requestIdJson},"data":${JSON.stringify(data)}}`;
}

const unstorable = (requestId: string, what: string) => ({
  responseId: requestId,
  status: 'ERROR',
  data: {
    errorMessage: 'invalid_request',
    errorDescription: `requestId ${JSON.stringify(requestId)} holds ${what}, which cannot be stored as sent`,
  },
});

/** The number the counting specification gave its answer: a new one each time its handler runs. */
function answerNumber(json: unknown): string | undefined {
  return (json as { data?: { consentResource?: { attributes?: Record<string, string> } } }).data?.consentResource
    ?.attributes?.[ANSWER_ATTRIBUTE];
}

describe('Request ids the database would not store as sent', () => {
  let server: RunningTestServer;
  beforeAll(async () => {
    server = await startTestServer({ rootModule: countingRootModule(new AnswerCounter()) });
  });
  afterAll(async () => {
    await server.close();
  });

  const create = (body: string) => rawPost(`${server.baseUrl}/default/pre-process-consent-creation`, body);
  // Replays are tested on the counting specification: its answers change from call to call, so only a recorded
  // answer found again under the same key comes back unchanged.
  const createCounted = (body: string) =>
    rawPost(`${server.baseUrl}/${COUNTING_SPEC_ID}/pre-process-consent-creation`, body);

  it.each([
    ['a lone high surrogate', '"lone-\\ud800"', 'lone-\ud800', 'a lone UTF-16 surrogate (U+D800)'],
    ['a lone low surrogate', '"\\udfff-lone"', '\udfff-lone', 'a lone UTF-16 surrogate (U+DFFF)'],
    ['a NUL character', '"nul-\\u0000-id"', 'nul-\u0000-id', 'a NUL character (U+0000)'],
  ])('refuses a requestId with %s with 400 naming it', async (_label, json, requestId, what) => {
    const res = await create(creationCall(json));
    expect(res.status).toBe(400);
    expect(res.json).toEqual(unstorable(requestId, what));
    expect(checkExtensionResponse('pre-process-consent-creation', requestId, res.status, res.json)).toEqual([]);
  });

  it('accepts a character beyond the BMP (a surrogate pair) and replays it exactly', async () => {
    const requestId = `pair-${randomUUID()}-\u{1F600}`;
    const first = await createCounted(creationCall(JSON.stringify(requestId)));
    const retry = await createCounted(creationCall(JSON.stringify(requestId)));
    const fresh = await createCounted(creationCall(JSON.stringify(`pair-${randomUUID()}-\u{1F600}`)));
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ responseId: requestId, status: 'SUCCESS' });
    expect(retry.text).toBe(first.text);
    expect(answerNumber(first.json)).toEqual(expect.any(String));
    expect(answerNumber(fresh.json)).not.toBe(answerNumber(first.json));
  });

  it('keeps request ids that differ only by trailing spaces apart, even in one batch', async () => {
    const base = `space-${randomUUID()}`;
    // Different bodies: were the two one key, the second would be refused as a reused requestId.
    const [bare, spaced] = await Promise.all([
      createCounted(creationCall(JSON.stringify(base), 'tpp-1')),
      createCounted(creationCall(JSON.stringify(`${base}  `), 'tpp-2')),
    ]);
    expect(bare.status).toBe(200);
    expect(spaced.status).toBe(200);
    expect(bare.json).toMatchObject({ responseId: base, status: 'SUCCESS' });
    expect(spaced.json).toMatchObject({ responseId: `${base}  `, status: 'SUCCESS' });
    expect(answerNumber(spaced.json)).not.toBe(answerNumber(bare.json));
    const bareRetry = await createCounted(creationCall(JSON.stringify(base), 'tpp-1'));
    const spacedRetry = await createCounted(creationCall(JSON.stringify(`${base}  `), 'tpp-2'));
    expect(bareRetry.text).toBe(bare.text);
    expect(spacedRetry.text).toBe(spaced.text);
  });

  it('answers all 600 of a burst in which 1 call in 31 has an odd requestId: the odd ones 400, every other 200', async () => {
    const calls = Array.from({ length: 600 }, (_, index) => {
      const id = `burst-${index}-${randomUUID()}`;
      if (index % 31 === 7) {
        // Two ids a driver writes alike (U+FFFD for the surrogate), each sent several times, as retries would be.
        const surrogate = index % 2 === 0 ? 'd800' : 'dbff';
        return {
          kind: 'unstorable' as const,
          requestId: `odd-${String.fromCharCode(parseInt(surrogate, 16))}`,
          json: `"odd-\\u${surrogate}"`,
        };
      }
      if (index % 31 === 20) {
        // The same id as the call before it, with trailing spaces: distinct on both databases.
        return {
          kind: 'spaced' as const,
          requestId: `burst-${index - 1}-spaced `,
          json: `"burst-${index - 1}-spaced "`,
        };
      }
      if (index % 31 === 19) {
        return { kind: 'valid' as const, requestId: `burst-${index}-spaced`, json: `"burst-${index}-spaced"` };
      }
      return { kind: 'valid' as const, requestId: id, json: JSON.stringify(id) };
    });

    const answers = await Promise.all(calls.map((call) => create(creationCall(call.json))));

    const wrong = calls.flatMap((call, index) => {
      const answer = answers[index];
      const expected = call.kind === 'unstorable' ? 400 : 200;
      const violations = checkExtensionResponse(
        'pre-process-consent-creation',
        call.requestId,
        answer.status,
        answer.json,
      );
      return answer.status === expected && violations.length === 0
        ? []
        : [`${call.kind} ${JSON.stringify(call.requestId)}: HTTP ${answer.status} ${answer.text}`];
    });
    expect(wrong).toEqual([]);
    expect(answers.filter((answer) => answer.status === 400)).toHaveLength(
      calls.filter((call) => call.kind === 'unstorable').length,
    );
  });
});
