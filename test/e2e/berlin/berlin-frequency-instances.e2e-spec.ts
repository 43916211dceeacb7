import {
  buildRequestObjectClaims,
  ConsentStore,
  IdentityServerClient,
  IdentityServerSimulator,
  type JsonRecord,
} from '@app/testing';
// The berlin journey files are not re-exported by @app/testing yet (barrel change requested in the report).
import {
  berlinConsentBody,
  BERLIN_CLIENT_ID,
  BERLIN_USER,
  berlinDataCallHeaders,
  EURO_ACCOUNT,
  berlinInitiationHeaders,
} from '@app/testing';
import { createBerlinResource } from '@app/testing';
import { TEST_PASSWORD, TEST_USER, type RunningTestServer } from '../support/test-server.js';
import { checked } from './support/berlin-harness.js';
import { startBerlinTestServer } from './support/berlin-test-specs.js';

/*
 * frequencyPerDay across service instances (§B.3, BG-23): two instances on one database, one identity server whose
 * gateway spreads truly concurrent calls over both. Exactly frequencyPerDay of them may succeed.
 */
describe('Berlin Group frequencyPerDay on two service instances', () => {
  let first: RunningTestServer;
  let second: RunningTestServer;
  beforeAll(async () => {
    first = await startBerlinTestServer();
    second = await startBerlinTestServer({}, { databaseUrl: first.databaseUrl });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  const clientOf = (server: RunningTestServer): IdentityServerClient =>
    new IdentityServerClient({
      baseUrl: server.baseUrl,
      spec: 'berlin',
      credentials: { kind: 'basic', username: TEST_USER, password: TEST_PASSWORD },
    });

  it('lets exactly frequencyPerDay of 12 concurrent calls through, the rest 429 ACCESS_EXCEEDED', async () => {
    const store = new ConsentStore();
    const simulators = [
      new IdentityServerSimulator(clientOf(first), store),
      new IdentityServerSimulator(clientOf(second), store),
    ] as const;
    const body: JsonRecord = berlinConsentBody({ transactions: [{ iban: EURO_ACCOUNT.iban }] }, { frequencyPerDay: 3 });
    const consent = await createBerlinResource(simulators[0], 'consents', body, berlinInitiationHeaders());
    const claims = buildRequestObjectClaims({ clientId: BERLIN_CLIENT_ID, consentId: consent.consentId });
    const screen = checked(
      'populate-consent-authorize-screen',
      await simulators[0].populateScreen(consent.consentId, BERLIN_USER, claims),
    );
    expect(
      checked(
        'persist-authorized-consent',
        await simulators[1].persist(consent.consentId, BERLIN_USER, screen.data, {}, true),
      ).status,
    ).toBe('SUCCESS');

    const calls = Array.from({ length: 12 }, (_unused, index) =>
      simulators[index % 2].validateAccess(consent.consentId, {
        electedResource: '/v1/accounts/{account-id}/transactions',
        resource: `/v1/accounts/${EURO_ACCOUNT.accountId}/transactions`,
        httpMethod: 'GET',
        headers: berlinDataCallHeaders(consent.consentId, false),
      }),
    );
    const results = (await Promise.all(calls)).map((answer) => checked('validate-consent-access', answer));
    expect(results.filter((result) => result.status === 'SUCCESS')).toHaveLength(3);
    for (const refused of results.filter((result) => result.status !== 'SUCCESS')) {
      expect({ errorCode: refused.errorCode, errorMessage: refused.data['errorMessage'] }).toEqual({
        errorCode: 429,
        errorMessage: 'ACCESS_EXCEEDED',
      });
    }
  });
});
