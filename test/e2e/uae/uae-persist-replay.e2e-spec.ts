import { SettingsReader } from '@app/contract';
import { createUaeSpec } from '@app/spec-uae';
import {
  buildAuthorizedResources,
  checkExtensionResponse,
  isJsonRecord,
  selectAccounts,
  type IdentityServerSimulator,
  type JsonRecord,
} from '@app/testing';
// The @app/testing barrel does not export the uae journey fixtures yet (the lead adds them with the journey).
import { uaeDataSharingItem, uaeJourneyPiiDecryptionKey, uaeRequestObjectClaims } from '@app/testing';
import { AdvancingClock } from '../support/advancing-clock.js';
import { rootModuleServing } from '../support/root-module.js';
import { startTestServer, type RunningTestServer } from '../support/test-server.js';
import { at, callChecked } from './support/uae-calls.js';
import { uaeSimulator } from './support/uae-simulator.js';
import { CUSTOMER } from './support/uae-stored-consents.js';

const DAY_MS = 86_400_000;
const EVERYDAY_CURRENT_ACCOUNT = '60161331926819';

/*
 * persist-authorized-consent is replayed to a resent requestId (contract §2.6). The UAE persister records the
 * ConsentId per requestId, so computing the same call again would answer the same: the test moves the UAE module's
 * clock past the consent's expiry, after which a computed answer is a refusal and only the recorded one is a success.
 */
describe('uae persist retried with the same requestId', () => {
  const clock = new AdvancingClock();
  let server: RunningTestServer;
  let simulator: IdentityServerSimulator;
  beforeAll(async () => {
    // A clock reaches a specification through no setting: the UAE module AppModule would build, on this clock.
    const settings = new SettingsReader({ UAE_PII_DECRYPTION_KEY: uaeJourneyPiiDecryptionKey() }, 'uae');
    server = await startTestServer({
      rootModule: (config) => rootModuleServing(config, createUaeSpec(settings, clock)),
    });
    simulator = uaeSimulator(server);
  });
  afterAll(async () => {
    await server.close();
  });

  /** The persist call of a customer who approves the data sharing consent on the Everyday Current Account. */
  async function approvalOf(claims: JsonRecord): Promise<JsonRecord> {
    const screen = await callChecked(simulator.client, 'populate-consent-authorize-screen', {
      userId: CUSTOMER,
      requestParameters: claims,
      consentResource: {},
    });
    expect(screen.status).toBe('SUCCESS');
    const accounts = at(screen.data, 'consumerData.accounts');
    const everyday = (Array.isArray(accounts) ? accounts.filter(isJsonRecord) : []).find(
      (account) => account['accountId'] === EVERYDAY_CURRENT_ACCOUNT,
    );
    const selection = selectAccounts(screen.data, [String(everyday?.['displayName'])]);
    const authorizedResources = buildAuthorizedResources(screen.data, { userId: CUSTOMER, approve: true, selection });
    return { isApproved: true, userGrantedData: { userId: CUSTOMER, requestParameters: claims, authorizedResources } };
  }

  it('gets the first answer byte for byte, though the consent has expired since; a new requestId is refused', async () => {
    const item = uaeDataSharingItem();
    const data = await approvalOf(uaeRequestObjectClaims(item));
    const first = await simulator.client.call('persist-authorized-consent', data);
    expect(checkExtensionResponse('persist-authorized-consent', first.requestId, first.httpStatus, first.body)).toEqual(
      [],
    );
    expect(first.body).toMatchObject({
      status: 'SUCCESS',
      data: { consentResource: { status: 'Authorized', attributes: { UaeConsentId: at(item, 'consent.ConsentId') } } },
    });

    // The fixture's consent expires in 180 days.
    clock.advance(181 * DAY_MS);
    const retried = await simulator.client.retry(first);
    expect(retried.rawText).toBe(first.rawText);
    const fresh = await simulator.client.call('persist-authorized-consent', data);
    expect(fresh.requestId).not.toBe(first.requestId);
    expect(checkExtensionResponse('persist-authorized-consent', fresh.requestId, fresh.httpStatus, fresh.body)).toEqual(
      [],
    );
    expect(fresh.body).toEqual({
      responseId: fresh.requestId,
      status: 'ERROR',
      errorCode: 400,
      data: {
        errorMessage:
          'Consent.BusinessRuleViolation: ExpirationDateTime must be in the future (authorization_details[0].consent.ExpirationDateTime)',
      },
    });
  });
});
