import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MultipleAccountSelectionError } from './authorized-data.js';
import { IdentityServerClient } from './identity-server-client.js';
import { ADMIN_REVOKE_PATH, IdentityServerSimulator } from './identity-server.js';
import { buildRequestObjectClaims } from './request-object.js';

/** A scripted service: for each extension, the `data`-less envelope parts to answer; records what it received. */
type Script = Record<string, (data: Record<string, unknown>) => Record<string, unknown>>;

const creationResource = {
  type: 'accounts',
  status: 'AwaitingAuthorisation',
  frequency: 0,
  validityTime: 1_893_456_000,
  recurringIndicator: false,
  receipt: { Data: { Permissions: ['ReadAccountsBasic'] } },
  attributes: { bankRef: 'X1' },
  authorizations: [{ type: 'authorisation', status: 'Created', resources: [] }],
};

const populateData = {
  consentData: {
    type: 'accounts',
    allowMultipleAccounts: false,
    permissions: [{ uid: 'p-1', displayValues: ['ReadAccountsBasic'] }],
    consentMetadata: { bankRef: 'X1' },
  },
  consumerData: {
    accounts: [
      { displayName: 'Salary Saver Account', accountId: '30080012343456', selected: false },
      { displayName: 'Max Bonus Account', accountId: '30080098763459' },
    ],
  },
};

describe('IdentityServerSimulator', () => {
  let server: Server;
  let simulator: IdentityServerSimulator;
  const received: Array<{ extension: string; data: Record<string, unknown> }> = [];
  let script: Script = {};

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const extension = (request.url ?? '').split('/').at(-1) ?? '';
        const { requestId, data } = JSON.parse(Buffer.concat(chunks).toString('latin1')) as {
          requestId: string;
          data: Record<string, unknown>;
        };
        received.push({ extension, data });
        const answer = script[extension]?.(data) ?? { status: 'SUCCESS', data: {} };
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ responseId: requestId, ...answer }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  beforeEach(() => {
    received.length = 0;
    script = {
      'pre-process-consent-creation': () => ({ status: 'SUCCESS', data: { consentResource: creationResource } }),
      'enrich-consent-creation-response': () => ({ status: 'SUCCESS', data: { modifiedResponse: {} } }),
    };
    simulator = new IdentityServerSimulator(
      new IdentityServerClient({
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        spec: 'default',
      }),
    );
  });

  const sent = (extension: string): Record<string, unknown> => {
    const request = received.filter((candidate) => candidate.extension === extension).at(-1);
    if (request === undefined) {
      throw new Error(`${extension} was not called`);
    }
    return request.data;
  };

  async function createdConsentId(): Promise<string> {
    const { consentId } = await simulator.createConsent(
      'account-access-consents',
      { Data: { Permissions: ['ReadAccountsBasic'] } },
      'client-1',
      { idempotencyKey: 'idem-1' },
    );
    if (consentId === undefined) {
      throw new Error('the consent was not created');
    }
    return consentId;
  }

  it('creates a consent: TPP body, path and client header out; the detailed variant to the enrichment', async () => {
    const consentId = await createdConsentId();

    expect(sent('pre-process-consent-creation')).toEqual({
      consentInitiationData: { Data: { Permissions: ['ReadAccountsBasic'] } },
      consentResourcePath: 'account-access-consents',
      requestHeaders: { 'x-wso2-client-id': 'client-1' },
    });
    expect(sent('enrich-consent-creation-response')).toMatchObject({
      consentId,
      consentResourcePath: 'account-access-consents',
      consentResource: {
        id: consentId,
        clientId: 'client-1',
        attributes: { bankRef: 'X1', IdempotencyKey: 'idem-1' },
        authorizations: [{ type: 'authorisation', status: 'Created', resources: [] }],
      },
    });
  });

  it('sends the nulls of the TPP body (an org.json tree) and leaves out a body that is not JSON', async () => {
    await simulator.createConsent(
      'account-access-consents',
      { Data: { Permissions: ['ReadAccountsBasic'], TransactionFromDateTime: null } },
      'client-1',
    );
    const withNull = sent('pre-process-consent-creation');
    await simulator.createConsent('account-access-consents', '<xml/>', 'client-1');
    const withoutBody = sent('pre-process-consent-creation');

    expect(withNull.consentInitiationData).toEqual({
      Data: { Permissions: ['ReadAccountsBasic'], TransactionFromDateTime: null },
    });
    expect(withoutBody).not.toHaveProperty('consentInitiationData');
  });

  it('does not store a consent whose creation answer the identity server cannot use, and skips the enrichment', async () => {
    script['pre-process-consent-creation'] = () => ({
      status: 'SUCCESS',
      data: { consentResource: { ...creationResource, validityTime: undefined } },
    });

    const creation = await simulator.createConsent('account-access-consents', {}, 'client-1');

    expect(creation.consentId).toBeUndefined();
    expect(creation.creation.reaction).toEqual({
      outcome: 'failed',
      description: expect.stringContaining('validityTime is missing'),
    });
    expect(received.map((request) => request.extension)).toEqual(['pre-process-consent-creation']);
  });

  it('sends retrieval and TPP revocation the basic variant with attributes; admin revocation without attributes or headers', async () => {
    const consentId = await createdConsentId();
    script['pre-process-consent-revoke'] = () => ({ status: 'ERROR', errorCode: 400, data: { error: 'no' } });

    await simulator.retrieveConsent(consentId);
    await simulator.revoke(consentId);
    const retrieval = sent('pre-process-consent-retrieval');
    const tppRevocation = sent('pre-process-consent-revoke');
    await simulator.adminRevoke(consentId);
    const adminRevocation = sent('pre-process-consent-revoke');

    expect(retrieval).toMatchObject({
      consentResourcePath: `account-access-consents/${consentId}`,
      requestHeaders: { 'x-wso2-client-id': 'client-1' },
    });
    expect(retrieval.consentResource).toHaveProperty('attributes');
    expect(retrieval.consentResource).not.toHaveProperty('authorizations');
    expect(tppRevocation.consentResource).toHaveProperty('attributes');
    expect(adminRevocation).not.toHaveProperty('requestHeaders');
    expect(adminRevocation.consentResourcePath).toBe(ADMIN_REVOKE_PATH);
    expect(adminRevocation.consentResource).not.toHaveProperty('attributes');
  });

  it('sends persist the approval as a string, the rebuilt authorizedData and the populate claims, then stores the answer', async () => {
    const consentId = await createdConsentId();
    const claims = buildRequestObjectClaims({ clientId: 'client-1', consentId });
    script['populate-consent-authorize-screen'] = () => ({ status: 'SUCCESS', data: populateData });
    script['persist-authorized-consent'] = (data) => ({
      status: 'SUCCESS',
      data: {
        consentResource: {
          status: 'Authorised',
          authorizations: [
            {
              userId: (data.userGrantedData as { userId: string }).userId,
              type: 'authorisation',
              status: 'Authorised',
              resources: [{ accountId: '30080012343456', permission: 'primary', status: 'active' }],
            },
          ],
        },
      },
    });

    const populate = await simulator.populateScreen(consentId, 'psu@wso2.com', claims);
    const exchange = await simulator.persist(
      consentId,
      'psu@wso2.com',
      populate,
      { perPermission: { 'p-1': ['Salary Saver Account'] } },
      true,
    );

    const data = sent('persist-authorized-consent');
    expect(data).toMatchObject({
      consentId,
      isApproved: true,
      userGrantedData: { userId: 'psu@wso2.com', requestParameters: claims },
    });
    expect(data.consentResource).toHaveProperty('authorizations');
    expect((data.userGrantedData as { authorizedResources: unknown }).authorizedResources).toMatchObject({
      approval: 'true',
      type: 'accounts',
      userId: 'psu@wso2.com',
      isReauthorization: false,
      metadata: { bankRef: 'X1' },
      authorizedData: [
        {
          permissions: ['ReadAccountsBasic'],
          accounts: [
            {
              displayName: 'Salary Saver Account',
              accountId: '30080012343456',
              selected: false,
              title: null,
              description: null,
            },
          ],
        },
      ],
    });
    expect(exchange.reaction.outcome).toBe('accepted');
    expect(simulator.store.get(consentId)).toMatchObject({
      status: 'Authorised',
      authorizations: [{ userId: 'psu@wso2.com', status: 'Authorised' }],
    });
  });

  it('refuses to call persist for several accounts when only one is allowed', async () => {
    const consentId = await createdConsentId();

    await expect(
      simulator.persist(
        consentId,
        'psu@wso2.com',
        populateData,
        { perPermission: { 'p-1': ['Salary Saver Account', 'Max Bonus Account'] } },
        true,
      ),
    ).rejects.toThrow(MultipleAccountSelectionError);
    expect(received.map((request) => request.extension)).not.toContain('persist-authorized-consent');
  });

  it('applies newConsentStatus of a populate ERROR', async () => {
    const consentId = await createdConsentId();
    script['populate-consent-authorize-screen'] = () => ({
      status: 'ERROR',
      errorCode: 400,
      data: { errorMessage: 'Consent is expired', newConsentStatus: 'Expired' },
    });

    const exchange = await simulator.populateScreen(consentId, 'psu@wso2.com', {});

    expect(exchange.reaction).toEqual({
      outcome: 'business-error',
      description: 'consent set to Expired; the TPP is redirected with server_error: Consent is expired',
    });
    expect(simulator.store.get(consentId).status).toBe('Expired');
  });

  it('reports a persist answer that repeats an existing attribute key as a failure and stores nothing', async () => {
    const consentId = await createdConsentId();
    script['persist-authorized-consent'] = () => ({
      status: 'SUCCESS',
      data: { consentResource: { status: 'Authorised', attributes: { bankRef: 'again' } } },
    });

    const exchange = await simulator.persist(consentId, 'psu@wso2.com', populateData, {}, false);

    expect(exchange.reaction.outcome).toBe('failed');
    expect(exchange.reaction.description).toMatch(/bankRef.*primary-key violation/);
    expect(simulator.store.get(consentId).status).toBe('AwaitingAuthorisation');
  });

  it('sends validate-consent-access the gateway payload with resource parameters and query values', async () => {
    const consentId = await createdConsentId();
    script['persist-authorized-consent'] = () => ({
      status: 'SUCCESS',
      data: {
        consentResource: {
          status: 'Authorised',
          authorizations: [{ userId: 'psu@wso2.com', type: 'authorisation', status: 'Authorised', resources: [] }],
        },
      },
    });
    await simulator.persist(consentId, 'psu@wso2.com', populateData, {}, true);

    await simulator.validateAccess(consentId, {
      electedResource: '/accounts',
      resource: '/open-banking/v3.1/aisp/accounts?page=2',
      httpMethod: 'GET',
    });

    expect(sent('validate-consent-access')).toMatchObject({
      consentId,
      consentResource: { id: consentId },
      dataRequestPayload: {
        consentId,
        clientId: 'client-1',
        userId: 'psu@wso2.com',
        electedResource: '/accounts',
        resourceParams: {
          resource: '/open-banking/v3.1/aisp/accounts?page=2',
          httpMethod: 'GET',
          context: '/open-banking/v3.1/aisp',
          page: '2',
        },
      },
    });
    expect(sent('validate-consent-access').dataRequestPayload).not.toHaveProperty('body');
  });

  it('sends the refresh-token data from the stored consent and the error mapping code as a string', async () => {
    const consentId = await createdConsentId();

    await simulator.issueRefreshToken(consentId);
    await simulator.mapError(404, 'Consent not found', 'consent_retrieve');

    expect(sent('issue-refresh-token')).toEqual({
      grantType: 'authorization_code',
      consentCreatedTime: simulator.store.get(consentId).createdTime,
      consentValidityPeriod: 1_893_456_000,
      defaultRefreshTokenValidityPeriod: -1,
    });
    expect(sent('map-accelerator-error-response')).toEqual({
      error: { code: '404', description: 'Consent not found', operation: 'consent_retrieve' },
    });
  });
});
