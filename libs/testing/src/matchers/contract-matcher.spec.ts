import type { ExtensionName } from '@app/contract';
import { checkExtensionResponse } from './contract-matcher.js';
import { publishedContractPath } from './published-contract.js';
import './jest-setup.js';

const REQUEST_ID = '5b0e3c1a-8d2f-4c56-9a77-3c1f0f8a1b11';

const populateSuccess = {
  responseId: REQUEST_ID,
  status: 'SUCCESS',
  data: {
    consentData: {
      type: 'accounts',
      basicConsentData: { 'Expiration Date Time': ['2030-01-01T00:00:00+00:00'] },
      permissions: [{ uid: '6b1d', displayValues: ['ReadAccountsBasic'] }],
      allowMultipleAccounts: true,
    },
    // No `selected`: the published contract requires it, the identity server does not (a listed deviation).
    consumerData: { accounts: [{ displayName: 'Salary Saver Account', accountId: '30080012343456' }] },
  },
};

const accessRefused = {
  responseId: REQUEST_ID,
  status: 'ERROR',
  errorCode: 403,
  data: {
    errorMessage: 'Forbidden',
    errorDescription: 'Permission mismatch. Consent does not contain necessary permissions',
  },
};

const badRequest = {
  responseId: REQUEST_ID,
  status: 'ERROR',
  data: { errorMessage: 'invalid_request', errorDescription: 'data is missing' },
};

function violations(extension: ExtensionName, body: unknown, httpStatus = 200): string[] {
  return checkExtensionResponse(extension, REQUEST_ID, httpStatus, body);
}

/** Exactly one violation, mentioning `fragment`. */
function expectSingleViolation(found: string[], fragment: string | RegExp): void {
  expect(found).toHaveLength(1);
  expect(found[0]).toMatch(fragment);
}

describe('checkExtensionResponse', () => {
  it('reads the copy of the published contract the harness carries', () => {
    expect(publishedContractPath()).toMatch(/libs\/testing\/assets\/accelerator-extensions-v1\.0\.4\.yaml$/);
  });

  describe('good answers pass', () => {
    it.each<[string, ExtensionName, unknown, number]>([
      ['a populate SUCCESS relying on a listed deviation', 'populate-consent-authorize-screen', populateSuccess, 200],
      [
        'a validate-consent-access SUCCESS without data (ignored by the caller)',
        'validate-consent-access',
        { responseId: REQUEST_ID, status: 'SUCCESS' },
        200,
      ],
      ['an access refusal', 'validate-consent-access', accessRefused, 200],
      [
        'a revocation with a boolean requireTokenRevocation (a listed deviation)',
        'pre-process-consent-revoke',
        {
          responseId: REQUEST_ID,
          status: 'SUCCESS',
          data: { revocationStatusName: 'Revoked', requireTokenRevocation: true },
        },
        200,
      ],
      [
        'an error mapping with its errorCode',
        'map-accelerator-error-response',
        {
          responseId: REQUEST_ID,
          status: 'SUCCESS',
          errorCode: 400,
          data: { Code: '400', Message: 'Consent not found' },
        },
        200,
      ],
      [
        'a consent creation (contract §4.1)',
        'pre-process-consent-creation',
        {
          responseId: REQUEST_ID,
          status: 'SUCCESS',
          data: {
            consentResource: {
              type: 'accounts',
              status: 'AwaitingAuthorisation',
              frequency: 0,
              validityTime: 1798675200,
              recurringIndicator: false,
              receipt: { Data: {} },
              attributes: {},
              authorizations: [{ type: 'authorisation', status: 'Created', resources: [] }],
            },
          },
        },
        200,
      ],
      [
        'a persist with amendments (contract §3.4)',
        'persist-authorized-consent',
        {
          responseId: REQUEST_ID,
          status: 'SUCCESS',
          data: {
            consentResource: {
              status: 'Authorised',
              authorizations: [
                {
                  userId: 'psu@wso2.com',
                  type: 'authorisation',
                  status: 'Authorised',
                  resources: [{ accountId: '1', permission: 'primary', status: 'active' }],
                },
              ],
              amendments: [
                { id: 'a', type: 'authorisation', status: 'Authorised', resources: [], amendedResources: [] },
              ],
            },
          },
        },
        200,
      ],
      [
        'a persist refusal with newConsentStatus',
        'persist-authorized-consent',
        {
          responseId: REQUEST_ID,
          status: 'ERROR',
          errorCode: 400,
          data: { errorMessage: 'Consent is not in an authorisable state', newConsentStatus: 'Rejected' },
        },
        200,
      ],
      [
        'a refresh-token decision',
        'issue-refresh-token',
        {
          responseId: REQUEST_ID,
          status: 'SUCCESS',
          data: { issueRefreshToken: true, refreshTokenValidityPeriod: 7776000 },
        },
        200,
      ],
      [
        'an enriched search result as an array (a listed deviation)',
        'enrich-consent-search-response',
        { responseId: REQUEST_ID, status: 'SUCCESS', data: { enrichedSearchResult: [{ consentId: 'c' }] } },
        200,
      ],
      ['a malformed-request answer', 'persist-authorized-consent', badRequest, 400],
      [
        'an authentication failure without responseId',
        'persist-authorized-consent',
        { status: 'ERROR', data: { errorMessage: 'unauthorized', errorDescription: 'Invalid credentials' } },
        401,
      ],
    ])('%s', (_label, extension, body, httpStatus) => {
      expect(violations(extension, body, httpStatus)).toEqual([]);
    });
  });

  describe('each rule of an HTTP 200 answer', () => {
    it('refuses a top-level key outside the envelope', () => {
      expectSingleViolation(
        violations('validate-consent-access', { ...accessRefused, message: 'x' }),
        /top-level key "message" is not allowed/,
      );
    });

    it('refuses a responseId that does not echo the requestId', () => {
      expectSingleViolation(
        violations('validate-consent-access', { ...accessRefused, responseId: 'other' }),
        /responseId must echo the requestId/,
      );
    });

    it('refuses a status that is not exactly SUCCESS or ERROR', () => {
      expectSingleViolation(
        violations('validate-consent-access', { responseId: REQUEST_ID, status: 'Success' }),
        /status must be exactly "SUCCESS" or "ERROR", got "Success"/,
      );
    });

    it('refuses an ERROR whose errorCode the identity server cannot relay', () => {
      expectSingleViolation(
        violations('validate-consent-access', { ...accessRefused, errorCode: 418 }),
        /errorCode among 400, 401.*got 418/,
      );
    });

    it('refuses a non-integer errorCode', () => {
      const found = violations('validate-consent-access', { ...accessRefused, errorCode: '403' });
      expect(found).toEqual(expect.arrayContaining([expect.stringMatching(/errorCode must be an integer, got "403"/)]));
    });

    it('refuses an ERROR whose data is not an object', () => {
      const found = violations('pre-process-consent-creation', { ...accessRefused, data: ['Permissions are invalid'] });
      expect(found[0]).toMatch(/an ERROR needs data as a JSON object/);
    });

    it("refuses data that does not match the point's shape as the caller reads it", () => {
      const found = violations('populate-consent-authorize-screen', {
        ...populateSuccess,
        data: { ...populateSuccess.data, extra: true },
      });
      expect(found).toEqual(expect.arrayContaining([expect.stringMatching(/data has the unknown key "extra"/)]));
    });

    it('refuses a SUCCESS without data where the caller reads it', () => {
      expectSingleViolation(
        violations('issue-refresh-token', { responseId: REQUEST_ID, status: 'SUCCESS' }),
        /data is missing/,
      );
    });

    it('refuses data the published contract rejects where it is right', () => {
      const found = violations('enrich-consent-creation-response', {
        responseId: REQUEST_ID,
        status: 'SUCCESS',
        data: { modifiedResponse: 'plain text' },
      });
      expectSingleViolation(found, /data\.modifiedResponse must be object \(published contract\)/);
    });

    it('requires an errorCode in 100-599 from map-accelerator-error-response even on SUCCESS', () => {
      expectSingleViolation(
        violations('map-accelerator-error-response', {
          responseId: REQUEST_ID,
          status: 'SUCCESS',
          data: { Code: '400' },
        }),
        /needs an integer errorCode in 100-599/,
      );
    });
  });

  describe('each rule of an error answer (400, 401, 404, 413, 500)', () => {
    it('refuses any other status, 201 included', () => {
      expectSingleViolation(
        violations('pre-process-consent-creation', populateSuccess, 201),
        /HTTP 201 is not an answer the service may give/,
      );
    });

    it('refuses keys outside {responseId, status, data}', () => {
      expectSingleViolation(
        violations('persist-authorized-consent', { ...badRequest, statusCode: 400 }, 400),
        /top-level key "statusCode"/,
      );
    });

    it('refuses a status other than ERROR', () => {
      expectSingleViolation(
        violations('persist-authorized-consent', { ...badRequest, status: 'SUCCESS' }, 500),
        /status must be "ERROR"/,
      );
    });

    it('refuses a missing data object', () => {
      expectSingleViolation(
        violations('persist-authorized-consent', { responseId: REQUEST_ID, status: 'ERROR' }, 400),
        /data must be an object/,
      );
    });

    it('refuses an empty errorDescription', () => {
      expectSingleViolation(
        violations(
          'persist-authorized-consent',
          { ...badRequest, data: { errorMessage: 'invalid_request', errorDescription: '' } },
          400,
        ),
        /data\.errorDescription must be a non-empty string/,
      );
    });

    it('refuses extra keys inside data', () => {
      expectSingleViolation(
        violations(
          'persist-authorized-consent',
          { ...badRequest, data: { ...badRequest.data, path: '/default/x' } },
          404,
        ),
        /data key "path" is not allowed/,
      );
    });

    it('refuses a responseId that does not echo the requestId', () => {
      expectSingleViolation(
        violations('persist-authorized-consent', { ...badRequest, responseId: 'other' }, 413),
        /responseId, when present, must echo/,
      );
    });

    it.each([
      'TypeError: x is undefined\n    at PersistHandler.handle (/app/dist/libs/spec-default/src/persist.js:42:13)',
      'Cannot find module /app/node_modules/fastify/lib/x',
      'failed in persist-handler.ts:42',
    ])('refuses stack-trace-like text: %s', (leak) => {
      expectSingleViolation(
        violations(
          'persist-authorized-consent',
          { ...badRequest, data: { errorMessage: 'server_error', errorDescription: leak } },
          500,
        ),
        /looks like a stack trace/,
      );
    });
  });
});

describe('toSatisfyExtensionContract', () => {
  it('passes a good answer and takes the requestId from it by default', () => {
    expect({ httpStatus: 200, body: accessRefused, requestId: REQUEST_ID }).toSatisfyExtensionContract(
      'validate-consent-access',
    );
    expect({ httpStatus: 200, body: accessRefused }).toSatisfyExtensionContract('validate-consent-access', REQUEST_ID);
  });

  it('fails a bad answer with the list of violations', () => {
    const bad = { httpStatus: 200, body: { ...accessRefused, errorCode: 418, extra: 1 }, requestId: REQUEST_ID };

    expect(bad).not.toSatisfyExtensionContract('validate-consent-access');
    expect(() => expect(bad).toSatisfyExtensionContract('validate-consent-access')).toThrow(
      /violates the contract:\n {2}- top-level key "extra"[\s\S]*errorCode among/,
    );
  });
});
