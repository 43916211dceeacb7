import type { IdentityServerSimulator, JsonRecord, SimulatedExchange } from '@app/testing';
import {
  UK_ACCOUNTS_API,
  UK_CURRENT_ACCOUNT,
  UK_JOURNEY_USER,
  UK_OTHER_CURRENT_ACCOUNT,
  UK_SAVINGS_ACCOUNT,
  checkExtensionResponse,
  selectAccounts,
  ukAccountAccessConsentBody,
  ukDomesticPaymentConsentBody,
  ukFundsConfirmationConsentBody,
  ukVrpConsentBody,
} from '@app/testing';
import { authorisedConsent, displayNameOf, requestObject } from './support/uk-consent-setup.js';
import { startUkServerForFile } from './support/uk-test-server.js';

/*
 * Re-authentication (account-and-transaction and confirmation-of-funds profiles, "Consent Re-authentication"; §A.5;
 * the identity server's isReauthorization): the customer who authorised a long-lived consent authenticates again on the
 * same consent id; it keeps its status and its expiry (re-derived from the receipt) and covers the accounts selected
 * now. Every answer through the contract matcher.
 */

function answerOf(exchange: SimulatedExchange): { status: unknown; data: JsonRecord } {
  expect(checkExtensionResponse(exchange.extension, exchange.requestId, exchange.httpStatus, exchange.body)).toEqual(
    [],
  );
  const body = exchange.body as JsonRecord;
  return { status: body['status'], data: (body['data'] ?? {}) as JsonRecord };
}

const epochOf = (dateTime: unknown): number => Math.floor(Date.parse(String(dateTime)) / 1000);

describe('UK re-authentication of long-lived consents', () => {
  let simulator: IdentityServerSimulator;
  startUkServerForFile((started) => {
    ({ simulator } = started);
  });

  const screen = (consentId: string, scope: string, userId = UK_JOURNEY_USER) =>
    simulator.populateScreen(consentId, userId, requestObject(consentId, scope));
  const reauthenticate = async (
    consentId: string,
    scope: string,
    accountIds: readonly string[],
    approve = true,
  ): Promise<SimulatedExchange> => {
    const page = answerOf(await screen(consentId, scope));
    expect(page.status).toBe('SUCCESS');
    return simulator.persist(
      consentId,
      UK_JOURNEY_USER,
      page.data,
      approve
        ? selectAccounts(
            page.data,
            accountIds.map((accountId) => displayNameOf(page.data, accountId)),
          )
        : {},
      approve,
    );
  };
  const readAccount = (consentId: string, accountId: string) =>
    simulator.validateAccess(consentId, {
      electedResource: '/accounts/{AccountId}',
      resource: `${UK_ACCOUNTS_API}/accounts/${accountId}`,
      httpMethod: 'GET',
    });
  const activeAccounts = (consentId: string): string[] =>
    [
      ...new Set(
        simulator.store
          .get(consentId)
          .authorizations.flatMap((authorization) => authorization.mappings)
          .filter((mapping) => mapping.status === 'active')
          .map((mapping) => mapping.accountId),
      ),
    ].sort();

  it('shows the page again as a re-authentication, with the accounts the consent covers already selected', async () => {
    const consentId = await authorisedConsent(
      simulator,
      'account-access-consents',
      ukAccountAccessConsentBody(),
      'openid accounts',
      UK_SAVINGS_ACCOUNT,
    );
    const page = answerOf(await screen(consentId, 'openid accounts'));
    expect(page.status).toBe('SUCCESS');
    const consentData = page.data['consentData'] as JsonRecord;
    expect(consentData).toMatchObject({
      isReauthorization: true,
      basicConsentData: { 'Re-authentication': ['You are confirming access you already gave: it keeps its end date'] },
    });
    const accounts = (page.data['consumerData'] as JsonRecord)['accounts'] as JsonRecord[];
    expect(accounts.filter((account) => account['selected'] === true).map((account) => account['accountId'])).toEqual([
      UK_SAVINGS_ACCOUNT,
    ]);
  });

  it('keeps the consent id, status and expiry, and covers the accounts selected now', async () => {
    const body = ukAccountAccessConsentBody();
    const consentId = await authorisedConsent(
      simulator,
      'account-access-consents',
      body,
      'openid accounts',
      UK_SAVINGS_ACCOUNT,
    );
    const before = simulator.store.get(consentId);
    const authorizationId = before.authorizations[0].id;

    const answer = answerOf(
      await reauthenticate(consentId, 'openid accounts', [UK_SAVINGS_ACCOUNT, UK_CURRENT_ACCOUNT]),
    );
    expect(answer).toEqual({
      status: 'SUCCESS',
      data: {
        consentResource: {
          status: 'Authorised',
          validityTime: epochOf((body['Data'] as JsonRecord)['ExpirationDateTime']),
          amendments: [
            {
              id: authorizationId,
              type: 'authorisation',
              status: 'Authorised',
              resources: ((body['Data'] as JsonRecord)['Permissions'] as string[]).map((permission) => ({
                accountId: UK_CURRENT_ACCOUNT,
                permission,
                status: 'active',
              })),
              amendedResources: [],
            },
          ],
          attributes: { 'Reauthenticated.1': expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/) },
        },
      },
    });
    const after = simulator.store.get(consentId);
    expect({
      id: after.id,
      status: after.status,
      validityTime: after.validityTime,
      authorizations: after.authorizations.length,
    }).toEqual({
      id: consentId,
      status: 'Authorised',
      validityTime: before.validityTime,
      authorizations: 1,
    });
    expect(activeAccounts(consentId)).toEqual([UK_SAVINGS_ACCOUNT, UK_CURRENT_ACCOUNT].sort());
    expect(answerOf(await readAccount(consentId, UK_CURRENT_ACCOUNT)).status).toBe('SUCCESS');

    // A second re-authentication to the current account alone: the savings account is no longer covered (403).
    const second = answerOf(await reauthenticate(consentId, 'openid accounts', [UK_CURRENT_ACCOUNT]));
    expect(second.data['consentResource']).toMatchObject({ attributes: { 'Reauthenticated.2': expect.any(String) } });
    expect(activeAccounts(consentId)).toEqual([UK_CURRENT_ACCOUNT]);
    expect(answerOf(await readAccount(consentId, UK_SAVINGS_ACCOUNT))).toMatchObject({
      status: 'ERROR',
      data: { errorMessage: 'UK.OBIE.Resource.ConsentMismatch' },
    });
  });

  it('gives back access the customer withdrew at the bank (the consent stayed Authorised, its mappings inactive)', async () => {
    const consentId = await authorisedConsent(
      simulator,
      'account-access-consents',
      ukAccountAccessConsentBody(),
      'openid accounts',
      UK_SAVINGS_ACCOUNT,
    );
    expect(answerOf(await simulator.adminRevoke(consentId)).status).toBe('SUCCESS');
    expect(activeAccounts(consentId)).toEqual([]);
    expect(answerOf(await reauthenticate(consentId, 'openid accounts', [UK_SAVINGS_ACCOUNT])).status).toBe('SUCCESS');
    expect(activeAccounts(consentId)).toEqual([UK_SAVINGS_ACCOUNT]);
    expect(answerOf(await readAccount(consentId, UK_SAVINGS_ACCOUNT)).status).toBe('SUCCESS');
  });

  it('leaves the consent as it was when the customer declines', async () => {
    const consentId = await authorisedConsent(
      simulator,
      'account-access-consents',
      ukAccountAccessConsentBody(),
      'openid accounts',
      UK_SAVINGS_ACCOUNT,
    );
    expect(answerOf(await reauthenticate(consentId, 'openid accounts', [], false))).toEqual({
      status: 'SUCCESS',
      data: { consentResource: {} },
    });
    expect(simulator.store.get(consentId).status).toBe('Authorised');
    expect(activeAccounts(consentId)).toEqual([UK_SAVINGS_ACCOUNT]);
  });

  it.each([
    [
      'domestic-vrp-consents',
      () => ukVrpConsentBody(),
      'openid payments',
      UK_OTHER_CURRENT_ACCOUNT,
      (body: JsonRecord) => ((body['Data'] as JsonRecord)['ControlParameters'] as JsonRecord)['ValidToDateTime'],
    ],
    [
      'funds-confirmation-consents',
      () => ukFundsConfirmationConsentBody(),
      'openid fundsconfirmations',
      UK_CURRENT_ACCOUNT,
      (body: JsonRecord) => (body['Data'] as JsonRecord)['ExpirationDateTime'],
    ],
  ])(
    're-authenticates a %s consent on its one account, keeping its expiry',
    async (path, bodyOf, scope, accountId, expiryOf) => {
      const body = bodyOf();
      const consentId = await authorisedConsent(simulator, path, body, scope, accountId);
      const answer = answerOf(await reauthenticate(consentId, scope, [accountId]));
      expect(answer.data['consentResource']).toMatchObject({
        status: 'Authorised',
        validityTime: epochOf(expiryOf(body)),
        amendments: [{ resources: [], amendedResources: [] }],
      });
      expect(activeAccounts(consentId)).toEqual([accountId]);
    },
  );

  it('refuses another customer, an expired consent and a payment consent, changing nothing', async () => {
    const consentId = await authorisedConsent(
      simulator,
      'account-access-consents',
      ukAccountAccessConsentBody(),
      'openid accounts',
      UK_SAVINGS_ACCOUNT,
    );
    expect(answerOf(await screen(consentId, 'openid accounts', 'admin@wso2.com'))).toEqual({
      status: 'ERROR',
      data: { errorMessage: 'Only the customer who authorised this consent can re-authenticate it' },
    });

    const expiring = await authorisedConsent(
      simulator,
      'account-access-consents',
      ukAccountAccessConsentBody(Date.now(), 2500),
      'openid accounts',
      UK_SAVINGS_ACCOUNT,
    );
    await new Promise((resolve) => setTimeout(resolve, 3600));
    expect(answerOf(await screen(expiring, 'openid accounts'))).toEqual({
      status: 'ERROR',
      data: { errorMessage: 'The consent has expired: it cannot be re-authenticated' },
    });

    const payment = await authorisedConsent(
      simulator,
      'domestic-payment-consents',
      ukDomesticPaymentConsentBody(),
      'openid payments',
      UK_CURRENT_ACCOUNT,
    );
    expect(answerOf(await screen(payment, 'openid payments'))).toEqual({
      status: 'ERROR',
      data: { errorMessage: 'The consent is Authorised, not awaiting authorisation' },
    });
    expect([
      simulator.store.get(consentId).status,
      simulator.store.get(expiring).status,
      simulator.store.get(payment).status,
    ]).toEqual(['Authorised', 'Authorised', 'Authorised']);
  });
});
