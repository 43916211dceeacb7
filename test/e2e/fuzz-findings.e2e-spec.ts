import type { ExtensionName } from '@app/contract';
import { checkExtensionResponse, uaeJourneyPiiDecryptionKey } from '@app/testing';
import {
  berlinAccountAccess,
  berlinCreatedConsent,
  uaeMultiPaymentSubmission,
  uaePaymentAccess,
  uaeRetrieval,
  ukFundsConfirmationAccess,
  ukPaymentFundsConfirmation,
  ukRetrieval,
} from './support/fuzz-finding-calls.js';
import { rawPost, startTestServer, type RunningTestServer } from './support/test-server.js';

/*
 * Each call here answered 500 before (a handler threw); `npm run fuzz` found them. They are answered by the contract
 * now: a 400 for what the identity server can never send, a business answer for the rest.
 */
describe('Calls the fuzzer found crashing a handler', () => {
  let server: RunningTestServer;
  beforeAll(async () => {
    // The UAE payment consents carry their PII encrypted to the demo bank key, which the service must hold.
    server = await startTestServer({ env: { UAE_PII_DECRYPTION_KEY: uaeJourneyPiiDecryptionKey() } });
  });
  afterAll(async () => {
    await server.close();
  });

  const call = async (spec: string, extension: ExtensionName, requestId: string, data: Record<string, unknown>) => {
    const res = await rawPost(`${server.baseUrl}/${spec}/${extension}`, JSON.stringify({ requestId, data }));
    expect(checkExtensionResponse(extension, requestId, res.status, res.json)).toEqual([]);
    return res;
  };

  it('refuses a lone surrogate in the consentId of a Berlin consent creation with 400 naming it (it built a link with it)', async () => {
    const res = await call('berlin', 'enrich-consent-creation-response', 'ff-1', berlinCreatedConsent('c-\ud800'));
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      responseId: 'ff-1',
      status: 'ERROR',
      data: {
        errorMessage: 'invalid_request',
        errorDescription:
          'data.consentResource.id holds a lone UTF-16 surrogate (U+D800): strings must be well-formed Unicode',
      },
    });
  });

  it('still answers the same Berlin call with a surrogate pair, which is well-formed', async () => {
    const res = await call('berlin', 'enrich-consent-creation-response', 'ff-2', berlinCreatedConsent('c-\u{1F600}'));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ responseId: 'ff-2', status: 'SUCCESS' });
  });

  it('reads a Berlin account path with a malformed percent-escape as an account outside the consent', async () => {
    const res = await call(
      'berlin',
      'validate-consent-access',
      'ff-3',
      berlinAccountAccess('/v1/accounts/DE89%ZZ/balances'),
    );
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ responseId: 'ff-3', status: 'ERROR' });
  });

  it('answers a UK consent retrieval whose path holds a malformed percent-escape from the consent the identity server found', async () => {
    const res = await call(
      'uk',
      'pre-process-consent-retrieval',
      'ff-7',
      ukRetrieval('account-access-consents/cf1df10c%ZZ'),
    );
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ responseId: 'ff-7', status: 'SUCCESS' });
  });

  it.each([12, false, ['POST'], { verb: 'POST' }])(
    'treats a UK httpMethod of %j as no method, not as a fault',
    async (httpMethod) => {
      const res = await call('uk', 'validate-consent-access', 'ff-4', ukFundsConfirmationAccess(httpMethod));
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ responseId: 'ff-4', status: 'ERROR' });
    },
  );

  it.each([
    ['httpMethod', { resource: '/open-finance/v2.1/payments', httpMethod: false }],
    ['resource', { resource: true, httpMethod: 'GET' }],
  ])('treats a UAE %s that is not a string as absent, not as a fault', async (_field, resourceParams) => {
    const res = await call('uae', 'validate-consent-access', 'ff-5', uaePaymentAccess(resourceParams));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ responseId: 'ff-5', status: 'SUCCESS', data: {} });
  });

  it('answers a UK funds confirmation on a consent whose stored amount is malformed as unable to check, not as a fault', async () => {
    const res = await call('uk', 'pre-process-consent-retrieval', 'ff-8', ukPaymentFundsConfirmation('165.88x'));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ responseId: 'ff-8', status: 'ERROR', errorCode: 500 });
  });

  it('reads a negative UAE per-period payment count as no payment allowed, not as a fault', async () => {
    const res = await call('uae', 'validate-consent-access', 'ff-9', uaeMultiPaymentSubmission(-6));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      responseId: 'ff-9',
      status: 'ERROR',
      errorCode: 400,
      data: {
        errorMessage: 'Consent.FailsControlParameters',
        errorDescription: 'The maximum number of payments in this period has been reached',
      },
    });
    const allowed = await call('uae', 'validate-consent-access', 'ff-10', uaeMultiPaymentSubmission(5));
    expect(allowed.json).toMatchObject({ responseId: 'ff-10', status: 'SUCCESS' });
  });

  it('writes a UAE creation time beyond what RFC 3339 can write as its last date-time, not a fault', async () => {
    const res = await call('uae', 'pre-process-consent-retrieval', 'ff-6', uaeRetrieval(1e300));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      responseId: 'ff-6',
      status: 'SUCCESS',
      data: { modifiedResponse: { Data: { CreationDateTime: '9999-12-31T23:59:59+00:00' } } },
    });
  });
});
