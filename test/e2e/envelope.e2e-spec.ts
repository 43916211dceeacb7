import { randomUUID } from 'node:crypto';
import { EXTENSION_NAMES, ENVELOPE_KEYS } from '@app/contract';
import { checkExtensionResponse } from '@app/testing';
import { rawPost, startTestServer, type RunningTestServer } from './support/test-server.js';

const futureDate = new Date(Date.now() + 30 * 86400_000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
const accountConsentBody = {
  Data: { Permissions: ['ReadAccountsBasic', 'ReadAccountsDetail'], ExpirationDateTime: futureDate },
  Risk: {},
};

describe('The extension envelope (contract §1, §2.7, §2.8)', () => {
  let server: RunningTestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { EXTENSION_BODY_LIMIT: '64kb' } });
  });
  afterAll(async () => {
    await server.close();
  });

  const post = (path: string, body: unknown, headers?: Record<string, string>) =>
    rawPost(`${server.baseUrl}${path}`, typeof body === 'string' ? body : JSON.stringify(body), headers);

  it('answers a valid consent creation with HTTP 200, the echoed responseId and only the four envelope keys', async () => {
    const requestId = randomUUID();
    const res = await post('/default/pre-process-consent-creation', {
      requestId,
      data: {
        consentInitiationData: accountConsentBody,
        consentResourcePath: 'account-access-consents',
        requestHeaders: { 'x-wso2-client-id': 'tpp-1' },
      },
    });
    expect(res.status).toBe(200);
    expect(Object.keys(res.json as object).every((key) => (ENVELOPE_KEYS as readonly string[]).includes(key))).toBe(
      true,
    );
    expect(res.json).toMatchObject({
      responseId: requestId,
      status: 'SUCCESS',
      data: { consentResource: { type: 'accounts', status: 'AwaitingAuthorisation' } },
    });
    expect(checkExtensionResponse('pre-process-consent-creation', requestId, res.status, res.json)).toEqual([]);
  });

  it('reads a field the identity server may omit as absent when it arrives as null (authorizations[].userId: null)', async () => {
    const requestId = randomUUID();
    const res = await post('/default/pre-process-consent-retrieval', {
      requestId,
      data: {
        consentId: 'c-null',
        consentResourcePath: 'account-access-consents/c-null',
        requestHeaders: { 'x-wso2-client-id': 'tpp-1' },
        consentResource: {
          id: 'c-null',
          clientId: 'tpp-1',
          type: 'accounts',
          status: 'AwaitingAuthorisation',
          receipt: accountConsentBody,
          createdTime: 1_700_000_000,
          updatedTime: 1_700_000_000,
          authorizations: [{ id: 'a-1', userId: null, type: 'authorisation', status: 'Created', resources: [] }],
        },
      },
    });
    expect(res.json).toMatchObject({
      responseId: requestId,
      status: 'SUCCESS',
      data: { modifiedResponse: { Data: { ConsentId: 'c-null', Status: 'AwaitingAuthorisation' } } },
    });
    expect(res.status).toBe(200);
  });

  it('still refuses a null where a value is required, with the contract error', async () => {
    const requestId = randomUUID();
    const res = await post('/default/pre-process-consent-retrieval', { requestId, data: { consentId: 12 } });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      responseId: requestId,
      status: 'ERROR',
      data: {
        errorMessage: 'invalid_request',
        errorDescription: 'data.consentId must be string (pre-process-consent-retrieval)',
      },
    });
  });

  it('answers a business rejection with HTTP 200, status ERROR and the errorCode to relay', async () => {
    const requestId = randomUUID();
    const res = await post('/default/pre-process-consent-creation', {
      requestId,
      data: {
        consentInitiationData: { Data: { Permissions: ['ReadFoo'], ExpirationDateTime: futureDate } },
        consentResourcePath: 'account-access-consents',
      },
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      responseId: requestId,
      status: 'ERROR',
      errorCode: 400,
      data: { error: { code: 'Bad Request', message: 'consent_default', description: 'Permissions are invalid' } },
    });
  });

  it.each(EXTENSION_NAMES)(
    'answers %s with HTTP 200 and a contract-valid envelope even for an empty data object',
    async (extension) => {
      const requestId = randomUUID();
      const res = await post(`/default/${extension}`, { requestId, data: {} });
      expect(res.status).toBe(200);
      expect(checkExtensionResponse(extension, requestId, res.status, res.json)).toEqual([]);
    },
  );

  describe('malformed calls get HTTP 400 with the ErrorResponse shape and no stack trace', () => {
    // [label, body, description excerpt, the responseId the answer must carry (the requestId when there is one)]
    const cases: [string, string | object, string, string | undefined][] = [
      ['a body that is not JSON', '{"requestId": "r-1", "data": {', 'The request body is not valid JSON', 'r-1'],
      ['an empty body', '', 'The request body is empty', undefined],
      ['a JSON array', '[1,2]', 'The request body must be a JSON object', undefined],
      ['a JSON string', '"hello"', 'The request body must be a JSON object', undefined],
      ['no requestId', { data: {} }, 'requestId is required and must be a non-empty string', undefined],
      [
        'a numeric requestId',
        { requestId: 42, data: {} },
        'requestId is required and must be a non-empty string',
        undefined,
      ],
      ['no data', { requestId: 'r-2' }, 'data is required', 'r-2'],
      ['data that is an array', { requestId: 'r-3', data: [] }, 'data must be a JSON object', 'r-3'],
      [
        'data of the wrong type inside',
        { requestId: 'r-4', data: { consentResourcePath: 12 } },
        'data.consentResourcePath must be string (pre-process-consent-creation)',
        'r-4',
      ],
      [
        'a prototype-pollution key',
        '{"requestId":"r-5","data":{"__proto__":{"admin":true}}}',
        'The request body is not valid JSON',
        'r-5',
      ],
    ];
    it.each(cases)('%s', async (_label, body, message, responseId) => {
      const res = await post('/default/pre-process-consent-creation', body);
      expect(res.status).toBe(400);
      const json = res.json as {
        responseId?: string;
        status: string;
        data: { errorMessage: string; errorDescription: string };
      };
      expect(json.responseId).toBe(responseId);
      expect(json.status).toBe('ERROR');
      expect(json.data.errorMessage).toBe('invalid_request');
      expect(json.data.errorDescription).toContain(message);
      expect(checkExtensionResponse('pre-process-consent-creation', responseId ?? '', res.status, res.json)).toEqual(
        [],
      );
    });

    it('keeps the requestId of a body that is not valid JSON as responseId', async () => {
      const res = await post('/default/validate-consent-access', '{"requestId":"abc-123","data":{"x": }');
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ responseId: 'abc-123', status: 'ERROR' });
    });

    it('refuses a content type other than JSON with 400', async () => {
      const res = await post('/default/issue-refresh-token', '<xml/>', { 'content-type': 'application/xml' });
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        status: 'ERROR',
        data: {
          errorMessage: 'invalid_request',
          errorDescription: 'The request must be JSON sent as Content-Type: application/json',
        },
      });
    });
  });

  it('answers an unknown specification with 404 in the ErrorResponse shape', async () => {
    const res = await post('/nowhere/pre-process-consent-creation', { requestId: 'r-6', data: {} });
    expect(res.status).toBe(404);
    expect(res.json).toEqual({
      responseId: 'r-6',
      status: 'ERROR',
      data: {
        errorMessage: 'not_found',
        errorDescription: 'Specification "nowhere" is not served here (served: default, uk, berlin, uae)',
      },
    });
  });

  it('answers an unknown extension name with 404 in the ErrorResponse shape', async () => {
    const res = await post('/default/pre-process-consent-deletion', { requestId: 'r-7', data: {} });
    expect(res.status).toBe(404);
    expect(res.json).toEqual({
      responseId: 'r-7',
      status: 'ERROR',
      data: {
        errorMessage: 'not_found',
        errorDescription: 'No extension endpoint at POST /default/pre-process-consent-deletion',
      },
    });
  });

  it('answers a body over the configured limit with 413', async () => {
    const huge = JSON.stringify({ requestId: 'r-8', data: { fileContent: 'x'.repeat(70 * 1024) } });
    const res = await post('/default/pre-process-consent-file-upload', huge);
    expect(res.status).toBe(413);
    expect(res.json).toEqual({
      status: 'ERROR',
      data: {
        errorMessage: 'payload_too_large',
        errorDescription: 'The request body exceeds the limit of 65536 bytes',
      },
    });
  });
});
