import type { DynamicModule } from '@nestjs/common';
import { SettingsReader, type Clock } from '@app/contract';
import type { AppConfig } from '@app/platform';
import { createUkSpec } from '@app/spec-uk';
import type { IdentityServerSimulator, JsonRecord } from '@app/testing';
import { buildRequestObjectClaims, selectAccounts } from '@app/testing';
import { AdvancingClock } from '../support/advancing-clock.js';
import { rootModuleServing } from '../support/root-module.js';
import { startTestServer, type RunningTestServer } from '../support/test-server.js';
import { callPoint, firstUkError, type CheckedCall } from './support/uk-calls.js';
import {
  authorisedConsent,
  displayNameOf,
  requestObject,
  screenOf,
  storedConsent,
} from './support/uk-consent-setup.js';
import {
  UK_CURRENT_ACCOUNT,
  UK_JOURNEY_CLIENT_ID,
  UK_JOURNEY_USER,
  UK_OTHER_CLIENT_ID,
  UK_OTHER_CURRENT_ACCOUNT,
  UK_SAVINGS_ACCOUNT,
  ukAccountAccessConsentBody,
  ukDomesticPaymentConsentBody,
  ukFundsConfirmationConsentBody,
  ukVrpConsentBody,
} from '@app/testing';
import { ukSimulator, writeJourneyTrustFile } from './support/uk-test-server.js';

/*
 * The consent after its creation: retrieval (§A.4, UK-13, UK-14, UK-31), revocation (§A.5), the consent page and the
 * customer's decision (contract §4.9, §4.10), refresh tokens, the request object and the accelerator's own errors.
 */

const HOUR_MS = 3_600_000;

/**
 * The application of startUkTestServer (signatures verified against the journey TPP's key) on a clock the tests move,
 * which no setting reaches: the UK module reads every "now" (expiry, validity) from its clock seam.
 */
function ukRootModuleOn(clock: Clock): (config: AppConfig) => DynamicModule {
  const uk = createUkSpec(
    new SettingsReader({ UK_SIGNATURE_VERIFICATION: 'on', UK_JWS_TRUST_FILE: writeJourneyTrustFile() }, 'uk'),
    clock,
  );
  return (config) => rootModuleServing(config, uk);
}

function expectUkError(call: CheckedCall, status: number, code: string): void {
  expect(call.contractViolations).toEqual([]);
  expect({ status: call.status, errorCode: call.errorCode }).toEqual({ status: 'ERROR', errorCode: status });
  expect(firstUkError(call)).toMatchObject({ ErrorCode: code });
}

function expectAuthorizeError(call: CheckedCall, errorMessage: RegExp, newConsentStatus?: string): void {
  expect(call.contractViolations).toEqual([]);
  expect(call.status).toBe('ERROR');
  expect(call.data['errorMessage']).toMatch(errorMessage);
  expect(call.data['newConsentStatus']).toBe(newConsentStatus);
}

describe('UK consent lifecycle', () => {
  const clock = new AdvancingClock();
  let server: RunningTestServer;
  let simulator: IdentityServerSimulator;
  beforeAll(async () => {
    server = await startTestServer({ rootModule: ukRootModuleOn(clock) });
    simulator = ukSimulator(server);
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    clock.reset();
  });

  const retrieve = (consentId: string, path: string, clientId = UK_JOURNEY_CLIENT_ID) =>
    callPoint(simulator, 'pre-process-consent-retrieval', {
      consentId,
      consentResourcePath: path,
      requestHeaders: { 'x-wso2-client-id': clientId },
      consentResource: simulator.store.basicView(consentId, { withAttributes: true }),
    });
  const deleteConsent = (consentId: string, path: string) =>
    callPoint(simulator, 'pre-process-consent-revoke', {
      consentId,
      consentResourcePath: path,
      requestHeaders: { 'x-wso2-client-id': UK_JOURNEY_CLIENT_ID },
      consentResource: simulator.store.basicView(consentId, { withAttributes: true }),
    });
  const adminRevoke = (consentId: string) =>
    callPoint(simulator, 'pre-process-consent-revoke', {
      consentId,
      consentResourcePath: '/api/fs/consent/admin/revoke',
      consentResource: simulator.store.basicView(consentId, { withAttributes: false }),
    });

  describe('retrieval', () => {
    it('answers the UK consent response, with Links.Self and Meta, and Risk except for funds confirmation', async () => {
      const accounts = await storedConsent(simulator, 'account-access-consents', ukAccountAccessConsentBody());
      const call = await retrieve(accounts, `account-access-consents/${accounts}`);
      expect(call.contractViolations).toEqual([]);
      const response = call.data['modifiedResponse'] as JsonRecord;
      expect(response).toMatchObject({
        Data: {
          ConsentId: accounts,
          Status: 'AwaitingAuthorisation',
          CreationDateTime: expect.stringMatching(/\+00:00$/),
          Permissions: expect.any(Array),
        },
        Risk: {},
        Links: { Self: `https://localhost:8243/open-banking/v3.1/aisp/account-access-consents/${accounts}` },
        Meta: { TotalPages: 1 },
      });
      const funds = await storedConsent(simulator, 'funds-confirmation-consents', ukFundsConfirmationConsentBody());
      const fundsResponse = (await retrieve(funds, `funds-confirmation-consents/${funds}`)).data[
        'modifiedResponse'
      ] as JsonRecord;
      expect(fundsResponse).not.toHaveProperty('Risk');
      expect(fundsResponse).toMatchObject({
        Links: { Self: expect.stringContaining('/cbpii/funds-confirmation-consents/') },
      });
    });

    it('echoes x-fapi-interaction-id when the bank forwards it', async () => {
      const consentId = await storedConsent(simulator, 'account-access-consents', ukAccountAccessConsentBody());
      const call = await callPoint(simulator, 'pre-process-consent-retrieval', {
        consentId,
        consentResourcePath: `account-access-consents/${consentId}`,
        requestHeaders: {
          'x-wso2-client-id': UK_JOURNEY_CLIENT_ID,
          'X-Fapi-Interaction-Id': '93bac548-d2de-4546-b106-880a5018460d',
        },
        consentResource: simulator.store.basicView(consentId, { withAttributes: true }),
      });
      expect(call.data['responseHeaders']).toEqual({ 'x-fapi-interaction-id': '93bac548-d2de-4546-b106-880a5018460d' });
    });

    it('UK-30 answers an idempotent replay (enrich-consent-creation-response again) with the same consent', async () => {
      const consentId = await storedConsent(simulator, 'domestic-payment-consents', ukDomesticPaymentConsentBody());
      const enrich = () =>
        callPoint(simulator, 'enrich-consent-creation-response', {
          consentId,
          consentResourcePath: 'domestic-payment-consents',
          consentResource: simulator.store.detailedView(consentId),
        });
      const first = await enrich();
      const replay = await enrich();
      expect(first.contractViolations).toEqual([]);
      expect(replay.data['modifiedResponse']).toEqual(first.data['modifiedResponse']);
      expect(first.data['modifiedResponse']).toMatchObject({
        Data: { ConsentId: consentId, Status: 'AwaitingAuthorisation', Initiation: expect.any(Object) },
        Risk: { PaymentContextCode: 'EcommerceGoods' },
      });
    });

    it('UK-14 refuses another TPP with 403', async () => {
      const consentId = await storedConsent(simulator, 'account-access-consents', ukAccountAccessConsentBody());
      expectUkError(
        await retrieve(consentId, `account-access-consents/${consentId}`, UK_OTHER_CLIENT_ID),
        403,
        'UK.OBIE.Resource.NotFound',
      );
    });

    it('does not find a consent under another endpoint (400, never 404)', async () => {
      const consentId = await storedConsent(simulator, 'account-access-consents', ukAccountAccessConsentBody());
      expectUkError(
        await retrieve(consentId, `funds-confirmation-consents/${consentId}`),
        400,
        'UK.OBIE.Resource.NotFound',
      );
    });

    it('UK-31 refuses funds confirmation on a payment consent that is not Authorised (U009)', async () => {
      const consentId = await storedConsent(simulator, 'domestic-payment-consents', ukDomesticPaymentConsentBody());
      expectUkError(
        await retrieve(consentId, `domestic-payment-consents/${consentId}/funds-confirmation`),
        400,
        'UK.OBIE.Resource.InvalidConsentStatus',
      );
    });
  });

  describe('revocation', () => {
    it('deletes an account consent awaiting authorisation without token revocation; a second DELETE finds nothing', async () => {
      const consentId = await storedConsent(simulator, 'account-access-consents', ukAccountAccessConsentBody());
      const call = await deleteConsent(consentId, `account-access-consents/${consentId}`);
      expect(call).toMatchObject({
        status: 'SUCCESS',
        data: { revocationStatusName: 'Deleted', requireTokenRevocation: false },
        contractViolations: [],
      });
      simulator.store.updateStatus(consentId, 'Deleted');
      expectUkError(
        await deleteConsent(consentId, `account-access-consents/${consentId}`),
        400,
        'UK.OBIE.Resource.NotFound',
      );
    });

    it('deletes an Authorised VRP consent with its tokens', async () => {
      const consentId = await authorisedConsent(
        simulator,
        'domestic-vrp-consents',
        ukVrpConsentBody(),
        'openid payments',
        UK_OTHER_CURRENT_ACCOUNT,
      );
      expect(await deleteConsent(consentId, `domestic-vrp-consents/${consentId}`)).toMatchObject({
        data: { revocationStatusName: 'Deleted', requireTokenRevocation: true },
      });
    });

    it('refuses to DELETE a payment-order consent (405)', async () => {
      const consentId = await storedConsent(simulator, 'domestic-payment-consents', ukDomesticPaymentConsentBody());
      expectUkError(
        await deleteConsent(consentId, `domestic-payment-consents/${consentId}`),
        405,
        'UK.OBIE.Resource.InvalidConsentStatus',
      );
    });

    it('at the bank: an account consent keeps its status and loses its tokens; a funds-confirmation consent becomes Revoked', async () => {
      const accounts = await authorisedConsent(
        simulator,
        'account-access-consents',
        ukAccountAccessConsentBody(),
        'openid accounts',
        UK_SAVINGS_ACCOUNT,
      );
      expect(await adminRevoke(accounts)).toMatchObject({
        status: 'SUCCESS',
        data: { revocationStatusName: 'Authorised', requireTokenRevocation: true },
      });
      const funds = await authorisedConsent(
        simulator,
        'funds-confirmation-consents',
        ukFundsConfirmationConsentBody(),
        'openid fundsconfirmations',
        UK_CURRENT_ACCOUNT,
      );
      expect(await adminRevoke(funds)).toMatchObject({
        status: 'SUCCESS',
        data: { revocationStatusName: 'Revoked', requireTokenRevocation: true },
      });
    });

    it('at the bank: refuses payment-order consents and consents that are not Authorised', async () => {
      const payment = await authorisedConsent(
        simulator,
        'domestic-payment-consents',
        ukDomesticPaymentConsentBody(),
        'openid payments',
        UK_CURRENT_ACCOUNT,
      );
      expectUkError(await adminRevoke(payment), 400, 'UK.OBIE.Resource.InvalidConsentStatus');
      const awaiting = await storedConsent(simulator, 'account-access-consents', ukAccountAccessConsentBody());
      expectUkError(await adminRevoke(awaiting), 400, 'UK.OBIE.Resource.InvalidConsentStatus');
    });
  });

  describe('the consent page', () => {
    const populate = (
      consentId: string,
      scope: string,
      consentResource: unknown = simulator.store.detailedView(consentId),
      userId = UK_JOURNEY_USER,
    ) =>
      callPoint(simulator, 'populate-consent-authorize-screen', {
        consentId,
        userId,
        requestParameters: requestObject(consentId, scope),
        consentResource: consentResource,
      });

    it('refuses a consent that is not awaiting authorisation, or whose authorization was used', async () => {
      const consentId = await storedConsent(simulator, 'account-access-consents', ukAccountAccessConsentBody());
      expectAuthorizeError(
        await populate(consentId, 'openid accounts', {
          ...simulator.store.detailedView(consentId),
          status: 'Rejected',
        }),
        /not awaiting authorisation/,
      );
      const view = simulator.store.detailedView(consentId) as JsonRecord;
      const usedAuthorization = {
        ...view,
        authorizations: [{ ...(view['authorizations'] as JsonRecord[])[0], status: 'Authorised' }],
      };
      expectAuthorizeError(await populate(consentId, 'openid accounts', usedAuthorization), /already been used/);
    });

    it('rejects an expired consent (newConsentStatus Rejected)', async () => {
      const consentId = await storedConsent(
        simulator,
        'account-access-consents',
        ukAccountAccessConsentBody(Date.now(), HOUR_MS),
      );
      expect(await populate(consentId, 'openid accounts')).toMatchObject({ status: 'SUCCESS', contractViolations: [] });
      clock.advance(HOUR_MS + 1000);
      expectAuthorizeError(await populate(consentId, 'openid accounts'), /expired/, 'Rejected');
    });

    it('refuses a flow without a pre-initiated consent', async () => {
      const call = await callPoint(simulator, 'populate-consent-authorize-screen', {
        userId: UK_JOURNEY_USER,
        requestParameters: { scope: 'openid accounts' },
        consentResource: {},
      });
      expectAuthorizeError(call, /openbanking_intent_id/);
    });

    it('pre-selects a debtor account the customer holds, and rejects one they do not', async () => {
      const named = ukDomesticPaymentConsentBody();
      ((named['Data'] as JsonRecord)['Initiation'] as JsonRecord)['DebtorAccount'] = {
        SchemeName: 'UK.OBIE.SortCodeAccountNumber',
        Identification: UK_OTHER_CURRENT_ACCOUNT,
        Name: 'Alex Morgan',
      };
      const consentId = await storedConsent(simulator, 'domestic-payment-consents', named);
      const screen = await screenOf(simulator, consentId, 'openid payments');
      expect(screen).toMatchObject({
        consentData: {
          allowMultipleAccounts: false,
          initiatedAccountsForConsent: [{ accountId: UK_OTHER_CURRENT_ACCOUNT, selected: true }],
        },
      });
      expect(screen).not.toHaveProperty('consumerData');
      const foreign = ukDomesticPaymentConsentBody();
      ((foreign['Data'] as JsonRecord)['Initiation'] as JsonRecord)['DebtorAccount'] = {
        SchemeName: 'UK.OBIE.SortCodeAccountNumber',
        Identification: '30080012345678',
      };
      const foreignId = await storedConsent(simulator, 'domestic-payment-consents', foreign);
      expectAuthorizeError(await populate(foreignId, 'openid payments'), /not one of your accounts/, 'Rejected');
    });

    it('offers a customer without a payable account nothing to pay from', async () => {
      const consentId = await storedConsent(simulator, 'domestic-payment-consents', ukDomesticPaymentConsentBody());
      expectAuthorizeError(
        await populate(consentId, 'openid payments', undefined, 'nobody@example.com'),
        /no account/,
        'Rejected',
      );
    });
  });

  describe("the customer's decision", () => {
    const persist = (consentId: string, authorizedData: JsonRecord[], approve = true, userId = UK_JOURNEY_USER) =>
      callPoint(simulator, 'persist-authorized-consent', {
        consentId,
        isApproved: approve,
        consentResource: simulator.store.detailedView(consentId),
        userGrantedData: {
          userId,
          requestParameters: requestObject(consentId, 'openid payments'),
          authorizedResources: { approval: approve ? 'true' : 'false', type: 'x', userId, authorizedData },
        },
      });
    const account = (accountId: string) => ({
      displayName: accountId,
      accountId,
      selected: null,
      title: null,
      description: null,
    });

    it('maps every consented account once per permission and echoes the user id exactly', async () => {
      const consentId = await storedConsent(simulator, 'account-access-consents', ukAccountAccessConsentBody());
      const userId = 'PRIMARY/psu@wso2.com@carbon.super';
      const call = await callPoint(simulator, 'persist-authorized-consent', {
        consentId,
        isApproved: true,
        consentResource: simulator.store.detailedView(consentId),
        userGrantedData: {
          userId,
          authorizedResources: {
            approval: 'true',
            authorizedData: [
              { permissions: ['x'], accounts: [account(UK_SAVINGS_ACCOUNT), account(UK_SAVINGS_ACCOUNT)] },
            ],
          },
        },
      });
      // The bank knows the customer as psu@wso2.com: the decorated id owns no account.
      expectAuthorizeError(call, /not one of your accounts/);
      const approved = await persist(consentId, [
        {
          permissions: ['x'],
          accounts: [account(UK_SAVINGS_ACCOUNT), account(UK_CURRENT_ACCOUNT), account(UK_SAVINGS_ACCOUNT)],
        },
      ]);
      expect(approved.contractViolations).toEqual([]);
      const authorization = ((approved.data['consentResource'] as JsonRecord)['authorizations'] as JsonRecord[])[0];
      expect(authorization).toMatchObject({ userId: UK_JOURNEY_USER, status: 'Authorised', type: 'authorisation' });
      expect(authorization['resources']).toHaveLength(2 * 5);
      expect(authorization['resources']).toContainEqual({
        accountId: UK_CURRENT_ACCOUNT,
        permission: 'ReadTransactionsDebits',
        status: 'active',
      });
    });

    it.each([
      ['no account', [] as JsonRecord[], /No account/],
      [
        'two accounts for a payment',
        [
          {
            accounts: [
              { displayName: 'a', accountId: UK_CURRENT_ACCOUNT },
              { displayName: 'b', accountId: UK_OTHER_CURRENT_ACCOUNT },
            ],
          },
        ],
        /Only one account/,
      ],
      [
        'an account the customer does not hold',
        [{ accounts: [{ displayName: 'a', accountId: '30080012345678' }] }],
        /not one of your accounts/,
      ],
      [
        'an account that cannot pay',
        [{ accounts: [{ displayName: 'a', accountId: UK_SAVINGS_ACCOUNT }] }],
        /cannot be used/,
      ],
    ])('refuses an approval of a payment with %s', async (_label, authorizedData, message) => {
      const consentId = await storedConsent(simulator, 'domestic-payment-consents', ukDomesticPaymentConsentBody());
      expectAuthorizeError(await persist(consentId, authorizedData), message);
    });

    it('rejects a consent that expired while the customer was on the page', async () => {
      const consentId = await storedConsent(
        simulator,
        'account-access-consents',
        ukAccountAccessConsentBody(Date.now(), HOUR_MS),
      );
      await screenOf(simulator, consentId, 'openid accounts');
      clock.advance(HOUR_MS + 1000);
      expectAuthorizeError(
        await persist(consentId, [{ accounts: [account(UK_SAVINGS_ACCOUNT)] }]),
        /expired/,
        'Rejected',
      );
    });

    it('rejects the consent when the customer denies', async () => {
      const consentId = await storedConsent(simulator, 'domestic-payment-consents', ukDomesticPaymentConsentBody());
      const call = await persist(consentId, [], false);
      expect(call).toMatchObject({
        status: 'SUCCESS',
        contractViolations: [],
        data: {
          consentResource: {
            status: 'Rejected',
            authorizations: [{ userId: UK_JOURNEY_USER, status: 'Rejected', resources: [] }],
          },
        },
      });
    });

    it('is answered identically when the identity server retries the same requestId, even once the answer would change', async () => {
      const consentId = await storedConsent(
        simulator,
        'account-access-consents',
        ukAccountAccessConsentBody(Date.now(), HOUR_MS),
      );
      const screen = await screenOf(simulator, consentId, 'openid accounts');
      const first = await simulator.persist(
        consentId,
        UK_JOURNEY_USER,
        screen,
        selectAccounts(screen, [displayNameOf(screen, UK_SAVINGS_ACCOUNT)]),
        true,
      );
      expect(first.body).toMatchObject({ status: 'SUCCESS', data: { consentResource: { status: 'Authorised' } } });
      // Past the consent's expiry the same call computed again is refused: only the recorded answer can come back.
      clock.advance(HOUR_MS + 1000);
      const retry = await simulator.resend(first);
      expect(retry.rawText).toBe(first.rawText);
      const fresh = await simulator.client.call('persist-authorized-consent', first.requestData);
      expect(fresh.requestId).not.toBe(first.requestId);
      expect(fresh.body).toEqual({
        responseId: fresh.requestId,
        status: 'ERROR',
        errorCode: 400,
        data: { errorMessage: 'The consent has expired', newConsentStatus: 'Rejected' },
      });
    });
  });

  describe("issue 9 #15 another TPP's consent is never read, changed or deleted", () => {
    const FOREIGN = { status: 403, code: 'UK.OBIE.Resource.NotFound', path: 'ConsentId' };
    const FOREIGN_AUTHORIZE = {
      errorMessage: 'UK.OBIE.Resource.NotFound: No consent with this ConsentId exists for this TPP',
    };
    const expectForeign = (call: CheckedCall): void => {
      expectUkError(call, FOREIGN.status, FOREIGN.code);
      expect(firstUkError(call)['Path']).toBe(FOREIGN.path);
    };
    const manage = (
      extension: 'pre-process-consent-retrieval' | 'pre-process-consent-revoke',
      consentId: string,
      path: string,
      clientId: string,
    ) =>
      callPoint(simulator, extension, {
        consentId,
        consentResourcePath: path,
        requestHeaders: { 'x-wso2-client-id': clientId },
        consentResource: simulator.store.basicView(consentId, { withAttributes: true }),
      });
    const authorizeCall = (consentId: string, clientId: string) =>
      buildRequestObjectClaims({ clientId, consentId, scope: 'openid accounts' });

    it('GET: 403 Resource.NotFound on ConsentId at any endpoint (before the endpoint check); the owner reads it', async () => {
      const consentId = await storedConsent(simulator, 'account-access-consents', ukAccountAccessConsentBody());
      expectForeign(
        await manage(
          'pre-process-consent-retrieval',
          consentId,
          `account-access-consents/${consentId}`,
          UK_OTHER_CLIENT_ID,
        ),
      );
      expectForeign(
        await manage(
          'pre-process-consent-retrieval',
          consentId,
          `funds-confirmation-consents/${consentId}`,
          UK_OTHER_CLIENT_ID,
        ),
      );
      expect(
        await manage(
          'pre-process-consent-retrieval',
          consentId,
          `account-access-consents/${consentId}`,
          UK_JOURNEY_CLIENT_ID,
        ),
      ).toMatchObject({ status: 'SUCCESS' });
    });

    it('DELETE: 403 Resource.NotFound and the consent stays; the owner deletes it', async () => {
      const consentId = await authorisedConsent(
        simulator,
        'domestic-vrp-consents',
        ukVrpConsentBody(),
        'openid payments',
        UK_OTHER_CURRENT_ACCOUNT,
      );
      expectForeign(
        await manage('pre-process-consent-revoke', consentId, `domestic-vrp-consents/${consentId}`, UK_OTHER_CLIENT_ID),
      );
      expect(simulator.store.get(consentId).status).toBe('Authorised');
      const owner = await manage(
        'pre-process-consent-revoke',
        consentId,
        `domestic-vrp-consents/${consentId}`,
        UK_JOURNEY_CLIENT_ID,
      );
      expect(owner).toMatchObject({
        status: 'SUCCESS',
        data: { revocationStatusName: 'Deleted', requireTokenRevocation: true },
      });
    });

    it('consent page: 403 without newConsentStatus, even when the consent has expired; the owner sees it', async () => {
      const consentId = await storedConsent(simulator, 'account-access-consents', ukAccountAccessConsentBody());
      const expired = { ...simulator.store.detailedView(consentId), validityTime: 1 };
      const call = await callPoint(simulator, 'populate-consent-authorize-screen', {
        consentId,
        userId: UK_JOURNEY_USER,
        requestParameters: authorizeCall(consentId, UK_OTHER_CLIENT_ID),
        consentResource: expired,
      });
      expect(call.contractViolations).toEqual([]);
      expect(call).toMatchObject({ status: 'ERROR', errorCode: 403, data: FOREIGN_AUTHORIZE });
      expect(call.data).not.toHaveProperty('newConsentStatus');
      await expect(screenOf(simulator, consentId, 'openid accounts')).resolves.toHaveProperty('consentData');
    });

    it("persist: 403 without newConsentStatus, so another TPP neither approves nor rejects; the owner's approval passes", async () => {
      const consentId = await storedConsent(simulator, 'account-access-consents', ukAccountAccessConsentBody());
      const screen = await screenOf(simulator, consentId, 'openid accounts');
      const selection = selectAccounts(screen, [displayNameOf(screen, UK_SAVINGS_ACCOUNT)]);
      for (const approve of [true, false]) {
        const exchange = await simulator.persist(consentId, UK_JOURNEY_USER, screen, selection, approve, {
          requestParameters: authorizeCall(consentId, UK_OTHER_CLIENT_ID),
        });
        expect(exchange.body).toEqual({
          responseId: exchange.requestId,
          status: 'ERROR',
          errorCode: 403,
          data: FOREIGN_AUTHORIZE,
        });
      }
      expect(simulator.store.get(consentId).status).toBe('AwaitingAuthorisation');
      const owner = await simulator.persist(consentId, UK_JOURNEY_USER, screen, selection, true);
      expect(owner.body).toMatchObject({ status: 'SUCCESS', data: { consentResource: { status: 'Authorised' } } });
    });
  });

  describe('tokens and authorization requests', () => {
    const refresh = (consentValidityPeriod: number) =>
      callPoint(simulator, 'issue-refresh-token', {
        grantType: 'refresh_token',
        consentCreatedTime: 1_700_000_000,
        consentValidityPeriod,
        defaultRefreshTokenValidityPeriod: -1,
      });

    it('issues a refresh token only while the consent is valid', async () => {
      const now = Math.floor(Date.now() / 1000);
      expect(await refresh(0)).toMatchObject({
        status: 'SUCCESS',
        data: { issueRefreshToken: true },
        contractViolations: [],
      });
      expect((await refresh(now + 3600)).data).toMatchObject({
        issueRefreshToken: true,
        refreshTokenValidityPeriod: expect.any(Number),
      });
      expect(await refresh(now - 1)).toMatchObject({
        status: 'ERROR',
        errorCode: 400,
        data: { errorMessage: 'invalid_grant' },
        contractViolations: [],
      });
    });

    const claims = (changes: JsonRecord): JsonRecord => {
      const base = buildRequestObjectClaims({
        clientId: UK_JOURNEY_CLIENT_ID,
        consentId: 'c-1',
        scope: 'openid accounts',
      });
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined) {
          delete base[key];
        } else {
          base[key] = value;
        }
      }
      return base;
    };
    const now = () => Math.floor(Date.now() / 1000);

    it.each<[string, () => JsonRecord, RegExp]>([
      ['no openbanking_intent_id', () => claims({ claims: undefined }), /openbanking_intent_id/],
      ['no consent scope', () => claims({ scope: 'openid' }), /scope/],
      ['two consent scopes', () => claims({ scope: 'openid accounts payments' }), /scope/],
      ['no openid scope', () => claims({ scope: 'accounts' }), /scope/],
      ['an implicit response type', () => claims({ response_type: 'token' }), /response_type/],
      ['no nonce in the hybrid flow', () => claims({ nonce: undefined }), /nonce/],
      ['an issuer other than the client', () => claims({ iss: 'someone-else' }), /iss/],
      ['an expired request object', () => claims({ exp: now() - 10, nbf: now() - 100 }), /expired/],
      ['a request object valid later', () => claims({ nbf: now() + 600, exp: now() + 1200 }), /nbf/],
      ['a lifetime over 60 minutes', () => claims({ nbf: now() - 10, exp: now() + 3600 }), /60 minutes/],
    ])('refuses a request object with %s', async (_label, requestObject, message) => {
      const call = await callPoint(simulator, 'validate-authorization-request', { requestObject: requestObject() });
      expect(call).toMatchObject({
        status: 'ERROR',
        errorCode: 400,
        data: { errorMessage: 'invalid_request', errorDescription: expect.stringMatching(message) },
        contractViolations: [],
      });
    });

    it('accepts a valid request object', async () => {
      expect(await callPoint(simulator, 'validate-authorization-request', { requestObject: claims({}) })).toMatchObject(
        { status: 'SUCCESS', contractViolations: [] },
      );
    });
  });

  describe("the accelerator's own errors", () => {
    it.each([
      ['400', 'Consent not found', 400, 'UK.OBIE.Resource.NotFound'],
      [
        '400',
        'Client Id in the request does not match with the client Id associated to the consent',
        403,
        'UK.OBIE.Resource.NotFound',
      ],
      ['400', 'Consent Type mismatch', 400, 'UK.OBIE.Resource.NotFound'],
      ['400', 'Consent is already in revoked or rejected state', 400, 'UK.OBIE.Resource.InvalidConsentStatus'],
      ['500', 'Error while invoking external service extension', 500, 'UK.OBIE.UnexpectedError'],
    ])('maps %s "%s" to %i %s (UK-13 for an unknown consent)', async (code, description, status, ukCode) => {
      const call = await callPoint(simulator, 'map-accelerator-error-response', {
        error: { code, description, operation: 'consent_retrieve' },
      });
      expect(call.contractViolations).toEqual([]);
      expect(call).toMatchObject({
        status: 'SUCCESS',
        errorCode: status,
        data: { Code: expect.stringMatching(new RegExp(`^${status} `)), Errors: [{ ErrorCode: ukCode }] },
      });
    });
  });
});
