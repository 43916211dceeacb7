import {
  accountAccessConsentBody,
  buildRequestObjectClaims,
  domesticPaymentConsentBody,
  IdentityServerClient,
  IdentityServerSimulator,
  JOURNEY_CLIENT_ID,
  JOURNEY_USER,
  type JsonRecord,
} from '@app/testing';
import type { ExtensionName } from '@app/contract';
import { callChecked, checkedAnswer, type CheckedAnswer } from './support/checked-point-call.js';
import { TEST_PASSWORD, TEST_USER, startTestServer, type RunningTestServer } from './support/test-server.js';

/*
 * The 14 points of the `default` specification that the journey and the envelope tests check only for their shape
 * (DCR clients, API Manager applications, consent files, the admin search, event notifications), here with the bodies
 * the identity server really sends at each of them, the exact answer the accelerator's built-in logic gives, and one
 * call per point that the service must refuse. Also the journey points whose journey step checks only part of the
 * answer: the consent page's accounts, the refresh-token decision, the authorization-request check. Runs on SQLite,
 * or on MariaDB with TEST_DATABASE_URL.
 */

/** The TPP's DCR registration request (UK DCR v3.3 claims, after the identity server decoded the signed request). */
const registrationRequest: JsonRecord = {
  iss: 'oQ4KoaavpOuoE7rvQsZEOV',
  aud: '0015800001HQQrZAAX',
  client_name: 'Fresco Budgeting',
  redirect_uris: ['https://tpp.fresco.example/callback'],
  token_endpoint_auth_method: 'private_key_jwt',
  token_endpoint_auth_signing_alg: 'PS256',
  grant_types: ['authorization_code', 'client_credentials', 'refresh_token'],
  response_types: ['code id_token'],
  id_token_signed_response_alg: 'PS256',
  request_object_signing_alg: 'PS256',
  application_type: 'web',
  scope: 'accounts payments',
  software_statement:
    'eyJhbGciOiJQUzI1NiIsImtpZCI6IkRXNDJtUkVfRXZ5MnRCbXlsQWVRaVJQdWhRRSIsInR5cCI6IkpXVCJ9.eyJzb2Z0d2FyZV9pZCI6Im9RNEtvYWF2cE91b0U3cnZRc1pFT1YifQ.c2lnbmF0dXJl',
};

/** The decoded software statement the directory issued for that software. */
const softwareStatement: JsonRecord = {
  iss: 'OpenBanking Ltd',
  iat: 1_764_000_000,
  jti: '2f1f3c3c-0a6e-4d39-8d4e-3f0c5c7a9b21',
  software_environment: 'sandbox',
  software_mode: 'Test',
  software_id: 'oQ4KoaavpOuoE7rvQsZEOV',
  software_client_id: 'oQ4KoaavpOuoE7rvQsZEOV',
  software_client_name: 'Fresco Budgeting',
  software_version: '1.1',
  software_roles: ['AISP', 'PISP'],
  software_redirect_uris: ['https://tpp.fresco.example/callback'],
  software_jwks_endpoint: 'https://keystore.openbankingtest.org.uk/0015800001HQQrZAAX/oQ4KoaavpOuoE7rvQsZEOV.jwks',
  org_id: '0015800001HQQrZAAX',
  org_name: 'Fresco Ltd',
  org_status: 'Active',
};

/** What the identity server stored at registration, handed back on an update (service-provider attributes). */
const storedClient: JsonRecord = {
  client_id: 'oQ4KoaavpOuoE7rvQsZEOV',
  client_name: 'Fresco Budgeting',
  redirect_uris: ['https://tpp.fresco.example/callback'],
  grant_types: ['authorization_code', 'client_credentials', 'refresh_token'],
  software_statement: registrationRequest['software_statement'],
};

/** The properties an API Manager developer enters in the portal for an Open Banking application. */
const applicationProperties: JsonRecord = {
  regulatory: 'true',
  sp_certificate:
    '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEQ0VYQzANBgkqhkiG9w0BAQsFADBs\n-----END CERTIFICATE-----',
  jwksURI: 'https://keystore.openbankingtest.org.uk/0015800001HQQrZAAX/oQ4KoaavpOuoE7rvQsZEOV.jwks',
  tokenEndpointAuthMethod: 'private_key_jwt',
  tokenEndpointAuthSigningAlgorithm: 'PS256',
  idTokenSignatureAlgorithm: 'PS256',
  requestObjectSignatureAlgorithm: 'PS256',
};

const applicationData: JsonRecord = {
  applicationName: 'FrescoBudgeting',
  applicationOwner: 'tpp-developer@fresco.example',
  callbackUrl: 'https://tpp.fresco.example/callback',
  grantTypes: ['authorization_code', 'client_credentials', 'refresh_token'],
  keyType: 'PRODUCTION',
};

/** A TPP's event-notification subscription (UK Event Notification API v3.1). */
const subscription: JsonRecord = {
  callbackUrl: 'https://tpp.fresco.example/event-notifications',
  version: '3.1',
  eventTypes: [
    'urn:uk:org:openbanking:events:resource-update',
    'urn:uk:org:openbanking:events:consent-authorization-revoked',
  ],
  clientId: 'oQ4KoaavpOuoE7rvQsZEOV',
};

/** The Security Event Token a bank raises when a customer revokes a consent at the bank. */
const revokedEvent: JsonRecord = {
  notificationRequest: {
    'urn:uk:org:openbanking:events:consent-authorization-revoked': {
      subject: {
        subject_type: 'http://openbanking.org.uk/rid_http://openbanking.org.uk/rty',
        'http://openbanking.org.uk/rid': '5b2d1a9c-7a0a-4c5b-9a44-6d0f2f3d7e11',
        'http://openbanking.org.uk/rty': 'account-access-consent',
        'http://openbanking.org.uk/rlk': [
          { version: 'v3.1', link: 'https://api.bank.example/open-banking/v3.1/aisp/account-access-consents/5b2d1a9c' },
        ],
      },
      reason: 'Customer revoked the consent at the bank',
    },
  },
  clientId: 'oQ4KoaavpOuoE7rvQsZEOV',
  resourceId: '5b2d1a9c-7a0a-4c5b-9a44-6d0f2f3d7e11',
};

/** A TPP's aggregated polling call: acknowledges one event, reports an error on another, asks for up to 10 more. */
const pollingRequest: JsonRecord = {
  maxEvents: 10,
  returnImmediately: true,
  ack: ['3d8c1a2b-1111-4c0e-8e61-5b1f0c9a0a01'],
  setErrs: {
    '3d8c1a2b-2222-4c0e-8e61-5b1f0c9a0a02': {
      err: 'authentication_failed',
      description: 'The SET could not be authenticated',
    },
  },
  clientId: 'oQ4KoaavpOuoE7rvQsZEOV',
};

/** The events found for that poll: signed SETs by jti. */
const polledEvents: JsonRecord = {
  sets: {
    '3d8c1a2b-3333-4c0e-8e61-5b1f0c9a0a03':
      'eyJhbGciOiJQUzI1NiIsImtpZCI6ImJhbmsta2V5LTEifQ.eyJpc3MiOiJodHRwczovL2FwaS5iYW5rLmV4YW1wbGUifQ.c2ln',
  },
  moreAvailable: false,
};

/** A UK.OBIE.PaymentInitiation.3.1 payment file: two domestic payments, as the TPP uploads it. */
const paymentFile = JSON.stringify({
  Data: {
    DomesticPayments: [
      {
        InstructionIdentification: 'FRESCO-FILE-1',
        EndToEndIdentification: 'FRESCO.FILE.001',
        InstructedAmount: { Amount: '100.00', Currency: 'GBP' },
        CreditorAccount: {
          SchemeName: 'UK.OBIE.SortCodeAccountNumber',
          Identification: '08080021325698',
          Name: 'ACME Inc',
        },
      },
      {
        InstructionIdentification: 'FRESCO-FILE-2',
        EndToEndIdentification: 'FRESCO.FILE.002',
        InstructedAmount: { Amount: '65.88', Currency: 'GBP' },
        CreditorAccount: {
          SchemeName: 'UK.OBIE.SortCodeAccountNumber',
          Identification: '08080021325699',
          Name: 'Fresco Supplies',
        },
      },
    ],
  },
});

/** Two consents of the admin consent search (`BULK_SEARCH`) as the identity server found them. */
const searchResult: JsonRecord[] = [
  {
    consentId: '5b2d1a9c-7a0a-4c5b-9a44-6d0f2f3d7e11',
    clientId: JOURNEY_CLIENT_ID,
    consentType: 'accounts',
    currentStatus: 'Authorised',
    consentFrequency: 0,
    validityPeriod: 1_780_000_000,
    recurringIndicator: false,
    createdTimestamp: 1_764_000_000,
    updatedTimestamp: 1_764_000_120,
    receipt: {
      Data: {
        Permissions: ['ReadAccountsBasic', 'ReadAccountsDetail'],
        ExpirationDateTime: '2026-05-28T10:00:00+00:00',
      },
      Risk: {},
    },
    consentAttributes: {},
    authorizationResources: [
      {
        authorizationId: 'b71c2c2a',
        userId: JOURNEY_USER,
        authorizationType: 'authorisation',
        authorizationStatus: 'Authorised',
      },
    ],
    consentMappingResources: [
      {
        mappingId: 'm-1',
        authorizationId: 'b71c2c2a',
        accountId: '30080012343456',
        permission: 'n/a',
        mappingStatus: 'active',
      },
    ],
  },
  {
    consentId: '9e0c8f1d-21aa-4f0a-a3b4-1c2d3e4f5a6b',
    clientId: JOURNEY_CLIENT_ID,
    consentType: 'payments',
    currentStatus: 'Rejected',
    consentFrequency: 0,
    validityPeriod: 0,
    recurringIndicator: false,
    createdTimestamp: 1_764_000_300,
    updatedTimestamp: 1_764_000_360,
    receipt: domesticPaymentConsentBody(),
    consentAttributes: {},
    authorizationResources: [
      {
        authorizationId: 'c82d3d3b',
        userId: JOURNEY_USER,
        authorizationType: 'authorisation',
        authorizationStatus: 'Rejected',
      },
    ],
    consentMappingResources: [],
  },
];

/** The ErrorResponse of a call whose data the identity server would never send (HTTP 400, contract §2.7). */
function malformed(requestId: string, errorDescription: string): JsonRecord {
  return { responseId: requestId, status: 'ERROR', data: { errorMessage: 'invalid_request', errorDescription } };
}

describe('The default specification at its points beyond the journey, with real data', () => {
  let server: RunningTestServer;
  let client: IdentityServerClient;
  let simulator: IdentityServerSimulator;
  beforeAll(async () => {
    server = await startTestServer();
    client = new IdentityServerClient({
      baseUrl: server.baseUrl,
      spec: 'default',
      credentials: { kind: 'basic', username: TEST_USER, password: TEST_PASSWORD },
    });
    simulator = new IdentityServerSimulator(client);
  });
  afterAll(async () => {
    await server.close();
  });

  const call = (extension: ExtensionName, data: JsonRecord): Promise<CheckedAnswer> =>
    callChecked(client, extension, data);

  /** A SUCCESS with exactly this data, and nothing the identity server would refuse. */
  const expectSuccess = (answer: CheckedAnswer, data: JsonRecord): void => {
    expect(answer.contractViolations).toEqual([]);
    expect(answer.httpStatus).toBe(200);
    expect(answer.body).toEqual({ responseId: answer.requestId, status: 'SUCCESS', data });
  };

  const expectMalformed = (answer: CheckedAnswer, errorDescription: string): void => {
    expect(answer.httpStatus).toBe(400);
    expect(answer.body).toEqual(malformed(answer.requestId, errorDescription));
  };

  describe('dynamic client registration', () => {
    it('pre-process-client-creation keeps the registration exactly as the TPP sent it', async () => {
      expectSuccess(await call('pre-process-client-creation', { clientData: registrationRequest, softwareStatement }), {
        clientData: registrationRequest,
      });
    });

    it('pre-process-client-creation refuses a registration that is not an object (400)', async () => {
      const answer = await call('pre-process-client-creation', {
        clientData: registrationRequest['software_statement'],
        softwareStatement,
      });
      expectMalformed(answer, 'data.clientData must be object (pre-process-client-creation)');
    });

    it('pre-process-client-update stores the updated registration as sent, not the stored one', async () => {
      const update = {
        ...registrationRequest,
        client_name: 'Fresco Budgeting Plus',
        redirect_uris: ['https://tpp.fresco.example/callback', 'https://tpp.fresco.example/v2/callback'],
      };
      const answer = await call('pre-process-client-update', {
        clientData: update,
        softwareStatement,
        existingClientData: storedClient,
      });
      expectSuccess(answer, { clientData: update });
    });

    it('pre-process-client-update refuses a software statement that is still a JWT string (400)', async () => {
      const answer = await call('pre-process-client-update', {
        clientData: registrationRequest,
        softwareStatement: registrationRequest['software_statement'],
        existingClientData: storedClient,
      });
      expectMalformed(answer, 'data.softwareStatement must be object (pre-process-client-update)');
    });

    it('pre-process-client-retrieval lets the retrieval through with nothing to change', async () => {
      expectSuccess(await call('pre-process-client-retrieval', { clientData: storedClient }), {});
    });

    it('pre-process-client-retrieval refuses a stored client sent as a list of strings (400)', async () => {
      expectMalformed(
        await call('pre-process-client-retrieval', { clientData: ['oQ4KoaavpOuoE7rvQsZEOV'] }),
        'data.clientData must be object (pre-process-client-retrieval)',
      );
    });
  });

  describe('API Manager applications', () => {
    it('pre-process-application-creation keeps the portal properties and names no client id (the key manager keeps its own)', async () => {
      const answer = await call('pre-process-application-creation', {
        appData: applicationData,
        additionalProperties: applicationProperties,
      });
      expectSuccess(answer, { additionalAppData: applicationProperties });
    });

    it('pre-process-application-creation refuses properties sent as one string (400)', async () => {
      const answer = await call('pre-process-application-creation', {
        appData: applicationData,
        additionalProperties: 'regulatory=true',
      });
      expectMalformed(answer, 'data.additionalProperties must be object (pre-process-application-creation)');
    });

    it('pre-process-application-update keeps the updated properties, not the existing application', async () => {
      const updated = {
        ...applicationProperties,
        jwksURI: 'https://keystore.openbankingtest.org.uk/0015800001HQQrZAAX/rotated.jwks',
      };
      const answer = await call('pre-process-application-update', {
        appData: applicationData,
        additionalProperties: updated,
        existingAppData: applicationProperties,
      });
      expectSuccess(answer, { additionalAppData: updated });
    });

    it('pre-process-application-update refuses existing application data that is not an object (400)', async () => {
      const answer = await call('pre-process-application-update', {
        appData: applicationData,
        additionalProperties: applicationProperties,
        existingAppData: 42,
      });
      expectMalformed(answer, 'data.existingAppData must be object (pre-process-application-update)');
    });
  });

  describe('a file payment consent: upload, upload response, download', () => {
    let consentId: string;
    beforeAll(async () => {
      const created = await simulator.createConsent(
        'file-payment-consents',
        domesticPaymentConsentBody(),
        JOURNEY_CLIENT_ID,
      );
      expect(created.creation.body).toMatchObject({
        status: 'SUCCESS',
        data: { consentResource: { type: 'payments', status: 'AwaitingUpload', validityTime: 0 } },
      });
      consentId = created.consentId!;
    });

    it('pre-process-consent-file-upload moves the consent awaiting its file to AwaitingAuthorisation, naming the uploading TPP, then enrich-consent-file-response leaves the body empty', async () => {
      const { upload, enrichment } = await simulator.uploadFile(consentId, paymentFile);
      expectSuccess(checkedAnswer('pre-process-consent-file-upload', upload), {
        consentStatus: 'AwaitingAuthorisation',
        userId: JOURNEY_CLIENT_ID,
      });
      expect(upload.reaction).toEqual({
        outcome: 'accepted',
        description: 'file stored, consent set to AwaitingAuthorisation',
      });
      expect(simulator.store.get(consentId).status).toBe('AwaitingAuthorisation');
      expect(enrichment).toBeDefined();
      expectSuccess(checkedAnswer('enrich-consent-file-response', enrichment!), { responseHeaders: {} });
    });

    it('pre-process-consent-file-upload refuses a second file once the consent awaits authorisation (400 consent_file_upload)', async () => {
      const { upload, enrichment } = await simulator.uploadFile(consentId, paymentFile);
      const answer = checkedAnswer('pre-process-consent-file-upload', upload);
      expect(answer.contractViolations).toEqual([]);
      expect(answer.body).toEqual({
        responseId: answer.requestId,
        status: 'ERROR',
        errorCode: 400,
        data: {
          error: {
            code: '400',
            message: 'consent_file_upload',
            description: 'The consent is not in required state to proceed',
          },
        },
      });
      expect(enrichment).toBeUndefined();
      expect(simulator.store.get(consentId).status).toBe('AwaitingAuthorisation');
    });

    it('enrich-consent-file-response gives the same empty body for the identity server upload time of another zone', async () => {
      expectSuccess(
        await call('enrich-consent-file-response', {
          consentId,
          fileUploadCreatedTime: '2026-12-07T20:15:30.123456+05:30',
        }),
        { responseHeaders: {} },
      );
    });

    it('enrich-consent-file-response refuses an upload time sent as epoch seconds (400)', async () => {
      expectMalformed(
        await call('enrich-consent-file-response', { consentId, fileUploadCreatedTime: 1_765_118_130 }),
        'data.fileUploadCreatedTime must be string (enrich-consent-file-response)',
      );
    });

    it('validate-consent-file-retrieval lets the TPP download the file on its payment path', async () => {
      const retrieval = await simulator.retrieveFile(consentId);
      expectSuccess(checkedAnswer('validate-consent-file-retrieval', retrieval.exchange), {});
      expect(retrieval.file).toBe(paymentFile);
    });

    it('validate-consent-file-retrieval refuses the file on an account-access path (400 Consent Type mismatch)', async () => {
      const retrieval = await simulator.retrieveFile(consentId, `account-access-consents/${consentId}/file`);
      const answer = checkedAnswer('validate-consent-file-retrieval', retrieval.exchange);
      expect(answer.contractViolations).toEqual([]);
      expect(answer.body).toEqual({
        responseId: answer.requestId,
        status: 'ERROR',
        errorCode: 400,
        data: { error: { code: '400', message: 'consent_file_retrieval', description: 'Consent Type mismatch' } },
      });
      expect(retrieval.file).toBeUndefined();
    });
  });

  describe('the admin consent search', () => {
    it('enrich-consent-search-response returns the consents found, in their order and unchanged', async () => {
      const answer = await call('enrich-consent-search-response', {
        searchType: 'BULK_SEARCH',
        searchResult,
        enrichmentParams: {
          consentTypes: ['accounts', 'payments'],
          userIds: [JOURNEY_USER],
          limit: ['25'],
          offset: ['0'],
        },
      });
      expectSuccess(answer, { enrichedSearchResult: searchResult });
    });

    it('enrich-consent-search-response answers an amendment history without entries with an empty array', async () => {
      expectSuccess(
        await call('enrich-consent-search-response', { searchType: 'AMENDMENT_HISTORY', searchResult: [] }),
        { enrichedSearchResult: [] },
      );
    });

    it('enrich-consent-search-response refuses a result that is one object, not an array (400)', async () => {
      const answer = await call('enrich-consent-search-response', {
        searchType: 'BULK_SEARCH',
        searchResult: searchResult[0],
      });
      expectMalformed(answer, 'data.searchResult must be array (enrich-consent-search-response)');
    });
  });

  describe('event notifications', () => {
    it('validate-event-subscription accepts a TPP subscription', async () => {
      expectSuccess(
        await call('validate-event-subscription', {
          eventType: 'SubscriptionCreation',
          eventSubscriptionData: subscription,
        }),
        {},
      );
    });

    it('validate-event-subscription refuses an event type sent as a number (400)', async () => {
      expectMalformed(
        await call('validate-event-subscription', { eventType: 1, eventSubscriptionData: subscription }),
        'data.eventType must be string (validate-event-subscription)',
      );
    });

    it('enrich-event-subscription-response answers the subscription as stored', async () => {
      const stored = { ...subscription, subscriptionId: 'a8b4f3c2-5d6e-4f70-8a91-b2c3d4e5f607' };
      expectSuccess(
        await call('enrich-event-subscription-response', {
          eventType: 'SubscriptionRetrieval',
          eventSubscriptionData: stored,
        }),
        { eventSubscriptionResponse: stored },
      );
    });

    it('enrich-event-subscription-response refuses subscription data that is a list (400)', async () => {
      const answer = await call('enrich-event-subscription-response', {
        eventType: 'SubscriptionRetrieval',
        eventSubscriptionData: [subscription],
      });
      expectMalformed(answer, 'data.eventSubscriptionData must be object (enrich-event-subscription-response)');
    });

    it('validate-event-creation accepts the event a bank raises', async () => {
      expectSuccess(await call('validate-event-creation', { eventData: revokedEvent }), {});
    });

    it('validate-event-creation refuses an event sent as its signed token string (400)', async () => {
      const token = (polledEvents['sets'] as Record<string, string>)['3d8c1a2b-3333-4c0e-8e61-5b1f0c9a0a03'];
      expectMalformed(
        await call('validate-event-creation', { eventData: token }),
        'data.eventData must be object (validate-event-creation)',
      );
    });

    it('validate-event-polling accepts an aggregated polling call', async () => {
      expectSuccess(await call('validate-event-polling', { eventPollingData: pollingRequest }), {});
    });

    it('validate-event-polling refuses polling data that is a list of acknowledgements (400)', async () => {
      expectMalformed(
        await call('validate-event-polling', { eventPollingData: pollingRequest['ack'] }),
        'data.eventPollingData must be object (validate-event-polling)',
      );
    });

    it('enrich-event-polling-response answers the events found, as they are', async () => {
      expectSuccess(await call('enrich-event-polling-response', { eventPollingData: polledEvents }), {
        eventPollingResponse: polledEvents,
      });
    });

    it('enrich-event-polling-response refuses events sent as a number (400)', async () => {
      expectMalformed(
        await call('enrich-event-polling-response', { eventPollingData: 0 }),
        'data.eventPollingData must be object (enrich-event-polling-response)',
      );
    });
  });

  describe('the consent page of the demo customer, of which the journey checks two accounts', () => {
    it('populate-consent-authorize-screen shows the consent as the accelerator does and offers the seven enabled accounts in display-name order', async () => {
      const body = accountAccessConsentBody();
      const { consentId } = await simulator.createConsent('account-access-consents', body, JOURNEY_CLIENT_ID);
      const claims = buildRequestObjectClaims({
        clientId: JOURNEY_CLIENT_ID,
        consentId: consentId!,
        scope: 'openid accounts',
      });
      const exchange = await simulator.populateScreen(consentId!, JOURNEY_USER, claims);
      const data = body['Data'] as JsonRecord;
      const offered = (displayName: string, accountId: string) => ({ displayName, accountId, selected: false });
      expectSuccess(checkedAnswer('populate-consent-authorize-screen', exchange), {
        consentData: {
          type: 'accounts',
          basicConsentData: {
            'Expiration Date Time': [data['ExpirationDateTime']],
            'Transaction From Date Time': [data['TransactionFromDateTime']],
            'Transaction To Date Time': [data['TransactionToDateTime']],
          },
          permissions: [{ uid: expect.any(String), displayValues: data['Permissions'] }],
          allowMultipleAccounts: true,
        },
        consumerData: {
          accounts: [
            offered('Business Current Account', '20000055779911'),
            offered('Dirham Current Account', 'AE070331234567890123456'),
            offered('Euro Travel Account', 'DE89370400440532013000'),
            offered('Everyday Current Account', '60161331926819'),
            offered('Max Bonus Account', '30080098763459'),
            offered('Platinum Credit Card', 'CC-5555555555554444'),
            offered('Salary Saver Account', '30080012343456'),
          ],
        },
      });
    });

    it('populate-consent-authorize-screen refuses the page of a consent the customer has already denied (ERROR, server_error message)', async () => {
      const { consentId } = await simulator.createConsent(
        'account-access-consents',
        accountAccessConsentBody(),
        JOURNEY_CLIENT_ID,
      );
      const claims = buildRequestObjectClaims({
        clientId: JOURNEY_CLIENT_ID,
        consentId: consentId!,
        scope: 'openid accounts',
      });
      const first = await simulator.populateScreen(consentId!, JOURNEY_USER, claims);
      const denial = await simulator.persist(consentId!, JOURNEY_USER, first, {}, false);
      expect(denial.reaction.outcome).toBe('accepted');
      expect(simulator.store.get(consentId!).status).toBe('Rejected');
      const answer = checkedAnswer(
        'populate-consent-authorize-screen',
        await simulator.populateScreen(consentId!, JOURNEY_USER, claims),
      );
      expect(answer.contractViolations).toEqual([]);
      expect(answer.body).toEqual({
        responseId: answer.requestId,
        status: 'ERROR',
        errorCode: 400,
        data: { errorMessage: 'Consent not in authorizable state' },
      });
    });
  });

  describe('the token and authorize points the journey checks only for their shape', () => {
    it('issue-refresh-token always issues a refresh token, with no validity of its own, for a consent valid until its ExpirationDateTime', async () => {
      const expiresAtSeconds = Math.floor(Date.now() / 1000) + 90 * 86_400;
      const created = await simulator.createConsent(
        'account-access-consents',
        accountConsent(expiresAtSeconds),
        JOURNEY_CLIENT_ID,
      );
      const consent = simulator.store.get(created.consentId!);
      // The validity the identity server sends back here is the one the creation computed from ExpirationDateTime.
      expect(consent.validityTime).toBe(expiresAtSeconds);
      const exchange = await simulator.issueRefreshToken(consent.id);
      expectSuccess(checkedAnswer('issue-refresh-token', exchange), { issueRefreshToken: true });
      expect(exchange.requestData).toEqual({
        grantType: 'authorization_code',
        consentCreatedTime: consent.createdTime,
        consentValidityPeriod: expiresAtSeconds,
        defaultRefreshTokenValidityPeriod: -1,
      });
      expect(exchange.reaction).toEqual({ outcome: 'accepted', description: 'a refresh token is issued' });
    });

    it('issue-refresh-token refuses a validity period sent as text (400)', async () => {
      const answer = await call('issue-refresh-token', {
        grantType: 'refresh_token',
        consentCreatedTime: 1_764_000_000,
        consentValidityPeriod: '1780000000',
      });
      expectMalformed(answer, 'data.consentValidityPeriod must be integer (issue-refresh-token)');
    });

    it('validate-authorization-request accepts the request object of a pre-initiated consent', async () => {
      const claims = buildRequestObjectClaims({
        clientId: JOURNEY_CLIENT_ID,
        consentId: '5b2d1a9c-7a0a-4c5b-9a44-6d0f2f3d7e11',
        scope: 'openid accounts',
      });
      const exchange = await simulator.validateAuthorizationRequest(claims);
      expectSuccess(checkedAnswer('validate-authorization-request', exchange), {});
      expect(exchange.reaction).toEqual({ outcome: 'accepted', description: 'the authorize request proceeds' });
    });

    it('validate-authorization-request refuses a request object still in its compact JWT form (400)', async () => {
      const answer = await call('validate-authorization-request', {
        requestObject: 'eyJhbGciOiJQUzI1NiJ9.eyJzY29wZSI6Im9wZW5pZCJ9.c2ln',
      });
      expectMalformed(answer, 'data.requestObject must be object (validate-authorization-request)');
    });
  });
});

/** An account-access consent that expires at the given epoch second, in the offset form the accelerator reads. */
function accountConsent(expiresAtSeconds: number): JsonRecord {
  const expiration = `${new Date(expiresAtSeconds * 1000).toISOString().slice(0, 19)}+00:00`;
  return {
    Data: { Permissions: ['ReadAccountsBasic', 'ReadAccountsDetail', 'ReadBalances'], ExpirationDateTime: expiration },
    Risk: {},
  };
}
