import {
  buildDataRequestPayload,
  buildRequestObjectClaims,
  ConsentStore,
  IdentityServerClient,
  IdentityServerSimulator,
  selectAccounts,
  type JsonRecord,
} from '@app/testing';
// The berlin journey files are not re-exported by @app/testing yet (barrel change requested in the report).
import {
  berlinConsentBody,
  BERLIN_CLIENT_ID,
  BERLIN_SECOND_APPROVER,
  BERLIN_USER,
  BUSINESS_ACCOUNT,
  berlinDataCallHeaders,
  EURO_ACCOUNT,
  FOREIGN_IBAN,
  berlinInitiationHeaders,
  berlinIsoDate,
  SALARY_ACCOUNT,
  berlinSepaPaymentBody,
} from '@app/testing';
// The berlin journey files are not re-exported by @app/testing yet (barrel change requested in the report).
import { createBerlinResource, type CreatedBerlinResource } from '@app/testing';
import { DEMO_BANK_DATA } from '@app/bank-backend';
import { BankDataRepository } from '@app/persistence';
import { startTestServer, TEST_PASSWORD, TEST_USER, type RunningTestServer } from '../support/test-server.js';
import {
  callPoint,
  checked,
  expectAccessRefused,
  expectTppError,
  type CheckedResult,
} from './support/berlin-harness.js';
import { berlinRootModule, MovableClock, startBerlinTestServer } from './support/berlin-test-specs.js';

/* Retrieval, the consent screen, persist, access, revocation, refresh tokens and error mapping (§B.4, §B.5, §B.7, BG-20 to BG-25). */

const DAY = 86_400_000;

describe('Berlin Group consent lifecycle', () => {
  let server: RunningTestServer;
  let clock: MovableClock;
  // Creation times only move forward between tests, so that no test's consent is "earlier" than a recurring consent
  // another test made valid (§B.3 supersession is by creation time).
  let storeNow = 0;
  let simulator: IdentityServerSimulator;
  beforeAll(async () => {
    clock = new MovableClock();
    server = await startTestServer({ rootModule: berlinRootModule({ clock }) });
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    clock.set(Date.now());
    storeNow = Math.max(storeNow + 11, Math.floor(Date.now() / 1000));
    simulator = new IdentityServerSimulator(
      new IdentityServerClient({
        baseUrl: server.baseUrl,
        spec: 'berlin',
        credentials: { kind: 'basic', username: TEST_USER, password: TEST_PASSWORD },
      }),
      new ConsentStore({ now: () => storeNow }),
    );
  });

  const create = (path: string, body: JsonRecord): Promise<CreatedBerlinResource> =>
    createBerlinResource(simulator, path, body, berlinInitiationHeaders());

  async function populate(consent: CreatedBerlinResource, userId = BERLIN_USER): Promise<CheckedResult> {
    const claims = buildRequestObjectClaims({ clientId: BERLIN_CLIENT_ID, consentId: consent.consentId });
    return checked(
      'populate-consent-authorize-screen',
      await simulator.populateScreen(consent.consentId, userId, claims),
    );
  }

  async function approve(
    consent: CreatedBerlinResource,
    userId = BERLIN_USER,
    chosenAccountIds: readonly string[] = [],
  ): Promise<CheckedResult> {
    const screen = await populate(consent, userId);
    expect(screen.status).toBe('SUCCESS');
    const accounts = ((screen.data['consumerData'] as JsonRecord | undefined)?.['accounts'] ?? []) as JsonRecord[];
    const names = accounts
      .filter((account) => chosenAccountIds.includes(String(account['accountId'])))
      .map((account) => String(account['displayName']));
    return checked(
      'persist-authorized-consent',
      await simulator.persist(
        consent.consentId,
        userId,
        screen.data,
        names.length === 0 ? {} : selectAccounts(screen.data, names),
        true,
      ),
    );
  }

  async function access(
    consent: CreatedBerlinResource,
    subPath: string,
    options: {
      readonly customerPresent?: boolean;
      readonly headers?: Record<string, string>;
      readonly userId?: string;
    } = {},
  ): Promise<CheckedResult> {
    const answer = await simulator.validateAccess(consent.consentId, {
      electedResource: `/v1${subPath}`,
      resource: `/v1${subPath}`,
      httpMethod: 'GET',
      headers: options.headers ?? berlinDataCallHeaders(consent.consentId, options.customerPresent ?? false),
      userId: options.userId ?? BERLIN_USER,
    });
    return checked('validate-consent-access', answer);
  }

  const retrieve = (
    consentId: string,
    path: string,
    headers: Record<string, string> = berlinDataCallHeaders(consentId, true),
  ): Promise<CheckedResult> =>
    callPoint(simulator, 'pre-process-consent-retrieval', {
      consentId,
      consentResourcePath: path,
      requestHeaders: { 'x-wso2-client-id': BERLIN_CLIENT_ID, ...headers },
      consentResource: simulator.store.basicView(consentId, { withAttributes: true }),
    });

  const tppDelete = (
    consentId: string,
    path: string,
    headers: Record<string, string> = berlinDataCallHeaders(consentId, true),
  ): Promise<CheckedResult> =>
    callPoint(simulator, 'pre-process-consent-revoke', {
      consentId,
      consentResourcePath: path,
      requestHeaders: { 'x-wso2-client-id': BERLIN_CLIENT_ID, ...headers },
      consentResource: simulator.store.basicView(consentId, { withAttributes: true }),
    });

  const dedicated = (overrides: JsonRecord = {}): JsonRecord =>
    berlinConsentBody(
      { balances: [{ iban: EURO_ACCOUNT.iban }], accounts: [{ iban: SALARY_ACCOUNT.iban }] },
      { validUntil: berlinIsoDate(30), ...overrides },
    );

  describe('retrieval (§B.4)', () => {
    it('GET gives access, recurringIndicator, validUntil, frequencyPerDay, lastActionDate and consentStatus; /status only the status', async () => {
      const body = dedicated();
      const consent = await create('consents', body);
      const headers = berlinDataCallHeaders(consent.consentId, true);
      const result = await retrieve(consent.consentId, consent.path, headers);
      expect(result.data).toEqual({
        modifiedResponse: {
          access: body['access'],
          recurringIndicator: true,
          validUntil: berlinIsoDate(30),
          frequencyPerDay: 4,
          lastActionDate: berlinIsoDate(0),
          consentStatus: 'received',
        },
        responseHeaders: { 'X-Request-ID': headers['X-Request-ID'] },
      });
      expect((await retrieve(consent.consentId, `${consent.path}/status`)).data['modifiedResponse']).toEqual({
        consentStatus: 'received',
      });
    });

    it('BG-20 a path that is not this consent: 403 CONSENT_UNKNOWN with the id in the path', async () => {
      const consent = await create('consents', dedicated());
      expectTppError(await retrieve(consent.consentId, 'consents/another-id'), 403, 'CONSENT_UNKNOWN', 'consentId');
      expectTppError(
        await retrieve(consent.consentId, `consents/confirmation-of-funds/${consent.consentId}`),
        403,
        'CONSENT_UNKNOWN',
        'consentId',
      );
    });

    it('a payment under another product: 403 RESOURCE_UNKNOWN; its own path gives the payment with transactionStatus', async () => {
      const body = berlinSepaPaymentBody(EURO_ACCOUNT.iban);
      const payment = await create('payments/sepa-credit-transfers', body);
      expectTppError(
        await retrieve(payment.consentId, `payments/target-2-payments/${payment.consentId}`),
        403,
        'RESOURCE_UNKNOWN',
        'paymentId',
      );
      expect((await retrieve(payment.consentId, payment.path)).data['modifiedResponse']).toEqual({
        ...body,
        transactionStatus: 'RCVD',
      });
      expect((await retrieve(payment.consentId, `${payment.path}/status`)).data['modifiedResponse']).toEqual({
        transactionStatus: 'RCVD',
      });
    });

    it('a funds-confirmation consent gives its account and consentStatus', async () => {
      const consent = await create('consents/confirmation-of-funds', { account: { iban: EURO_ACCOUNT.iban } });
      expect((await retrieve(consent.consentId, consent.path)).data['modifiedResponse']).toMatchObject({
        account: { iban: EURO_ACCOUNT.iban },
        consentStatus: 'received',
      });
    });

    it('without X-Request-ID: 400 FORMAT_ERROR', async () => {
      const consent = await create('consents', dedicated());
      expectTppError(await retrieve(consent.consentId, consent.path, {}), 400, 'FORMAT_ERROR', 'X-Request-ID');
    });

    it('a valid consent past validUntil reads expired', async () => {
      const consent = await create('consents', dedicated());
      await approve(consent);
      clock.advanceDays(31);
      expect((await retrieve(consent.consentId, `${consent.path}/status`)).data['modifiedResponse']).toEqual({
        consentStatus: 'expired',
      });
    });
  });

  describe('the consent screen and persist (§B.5)', () => {
    it('refuses a dedicated account the customer does not hold, and rejects the consent', async () => {
      const consent = await create('consents', berlinConsentBody({ accounts: [{ iban: FOREIGN_IBAN }] }));
      const result = await populate(consent);
      expect(result).toMatchObject({ status: 'ERROR', data: { newConsentStatus: 'rejected' } });
      expect(simulator.store.get(consent.consentId).status).toBe('rejected');
    });

    it('shows per account what is shared', async () => {
      const consent = await create('consents', dedicated());
      const data = (await populate(consent)).data;
      expect(data['consentData']).toMatchObject({
        type: 'accounts',
        basicConsentData: {
          'Euro Travel Account (DE89370400440532013000)': ['Account details', 'Balances'],
          'Salary Saver Account (GB38LOYD30080012343456)': ['Account details'],
          'Valid until': [berlinIsoDate(30)],
        },
        initiatedAccountsForConsent: [
          { displayName: 'Salary Saver Account (GB38LOYD30080012343456)', accountId: SALARY_ACCOUNT.accountId },
          { displayName: 'Euro Travel Account (DE89370400440532013000)', accountId: EURO_ACCOUNT.accountId },
        ],
      });
    });

    it('approval makes it valid with one mapping per account and right; denial makes it rejected', async () => {
      const consent = await create('consents', dedicated());
      const approved = await approve(consent);
      expect(approved.data['consentResource']).toEqual({
        status: 'valid',
        authorizations: [
          {
            userId: BERLIN_USER,
            type: 'authorisation',
            status: 'finalised',
            resources: [
              { accountId: SALARY_ACCOUNT.accountId, permission: 'accounts', status: 'active' },
              { accountId: EURO_ACCOUNT.accountId, permission: 'accounts', status: 'active' },
              { accountId: EURO_ACCOUNT.accountId, permission: 'balances', status: 'active' },
            ],
          },
        ],
        attributes: { recurringGroup: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown },
      });
      const denied = await create('consents', dedicated());
      const screen = await populate(denied);
      const result = checked(
        'persist-authorized-consent',
        await simulator.persist(denied.consentId, BERLIN_USER, screen.data, {}, false),
      );
      expect(result.data['consentResource']).toEqual({
        status: 'rejected',
        authorizations: [{ userId: BERLIN_USER, type: 'authorisation', status: 'failed', resources: [] }],
      });
    });

    it('BG-24 a consent in a final state cannot be authorised again', async () => {
      const consent = await create('consents', dedicated());
      await tppDelete(consent.consentId, consent.path).then((result) => expect(result.status).toBe('SUCCESS'));
      simulator.store.applyRevocation(consent.consentId, {
        revocationStatusName: 'terminatedByTpp',
        requireTokenRevocation: false,
      });
      const result = await populate(consent);
      expect(result).toMatchObject({
        status: 'ERROR',
        data: { errorMessage: 'The consent is terminatedByTpp and cannot be authorised' },
      });
      expect(result.data['newConsentStatus']).toBeUndefined();
    });

    it('a resent persist gets the identical answer (idempotent per requestId), even once the bank would answer otherwise', async () => {
      const payment = await create('payments/sepa-credit-transfers', berlinSepaPaymentBody(EURO_ACCOUNT.iban));
      const screen = await populate(payment);
      const first = await simulator.persist(payment.consentId, BERLIN_USER, screen.data, {}, true);
      expect(checked('persist-authorized-consent', first).data['consentResource']).toMatchObject({ status: 'ACCP' });
      // The debtor account stops being payable in the bank: the same call computed again is refused, so only the
      // recorded answer can come back to the resent requestId.
      const bank = server.app.get(BankDataRepository);
      const customer = DEMO_BANK_DATA.customers.find(({ userId }) => userId === BERLIN_USER)!;
      const debtor = customer.accounts.find(({ accountId }) => accountId === EURO_ACCOUNT.accountId)!;
      await bank.importBankData({ customers: [{ ...customer, accounts: [{ ...debtor, payable: false }] }] });
      try {
        const replay = await simulator.resend(first);
        expect(replay.rawText).toBe(first.rawText);
        const fresh = await simulator.client.call('persist-authorized-consent', first.requestData);
        expect(fresh.requestId).not.toBe(first.requestId);
        expect(fresh.body).toEqual({
          responseId: fresh.requestId,
          status: 'ERROR',
          errorCode: 400,
          data: {
            errorMessage:
              'The debtor account iban DE89370400440532013000 is not an account of the customer that can be used here',
            newConsentStatus: 'RJCT',
          },
        });
      } finally {
        await bank.importBankData({ customers: [{ ...customer, accounts: [debtor] }] });
      }
    });

    it('a new recurring consent made valid ends the earlier one of the same customer and TPP (§B.3)', async () => {
      const earlier = await create('consents', dedicated());
      const neverAuthorised = await create('consents', dedicated());
      await approve(earlier);
      storeNow += 10;
      const newer = await create('consents', dedicated());
      expect(
        (await access(earlier, `/accounts/${EURO_ACCOUNT.accountId}/balances`, { customerPresent: true })).status,
      ).toBe('SUCCESS');
      await approve(newer);
      expectAccessRefused(
        await access(earlier, `/accounts/${EURO_ACCOUNT.accountId}/balances`, { customerPresent: true }),
        401,
        'CONSENT_EXPIRED',
      );
      expect((await retrieve(earlier.consentId, `${earlier.path}/status`)).data['modifiedResponse']).toEqual({
        consentStatus: 'expired',
      });
      expect(
        (await access(newer, `/accounts/${EURO_ACCOUNT.accountId}/balances`, { customerPresent: true })).status,
      ).toBe('SUCCESS');
      expectTppError(await tppDelete(earlier.consentId, earlier.path), 409, 'STATUS_INVALID');
      expect(await populate(neverAuthorised)).toMatchObject({
        status: 'ERROR',
        data: { newConsentStatus: 'rejected' },
      });
      expect(simulator.store.get(neverAuthorised.consentId).status).toBe('rejected');
    });

    it('two holders of a business account: partiallyAuthorised then valid; the same holder cannot approve twice', async () => {
      const payment = await create('payments/sepa-credit-transfers', berlinSepaPaymentBody(BUSINESS_ACCOUNT.iban));
      expect((await approve(payment)).data['consentResource']).toMatchObject({ status: 'PATC' });
      expect(await populate(payment)).toMatchObject({
        status: 'ERROR',
        data: { errorMessage: expect.stringContaining('already approved') as unknown },
      });
      expect((await approve(payment, BERLIN_SECOND_APPROVER)).data['consentResource']).toMatchObject({
        status: 'ACCP',
      });
    });
  });

  describe('access (§B.3 usage, §B.5)', () => {
    it('BG-21 a received consent: 401 CONSENT_INVALID', async () => {
      const consent = await create('consents', dedicated());
      expectAccessRefused(await access(consent, `/accounts/${EURO_ACCOUNT.accountId}`), 401, 'CONSENT_INVALID');
    });

    it('BG-22 after validUntil: 401 CONSENT_EXPIRED (validUntil itself is still valid)', async () => {
      const consent = await create('consents', dedicated({ validUntil: berlinIsoDate(1) }));
      await approve(consent);
      clock.advanceDays(1);
      expect((await access(consent, `/accounts/${EURO_ACCOUNT.accountId}`, { customerPresent: true })).status).toBe(
        'SUCCESS',
      );
      clock.advanceDays(1);
      expectAccessRefused(
        await access(consent, `/accounts/${EURO_ACCOUNT.accountId}`, { customerPresent: true }),
        401,
        'CONSENT_EXPIRED',
      );
    });

    it('BG-23 the 5th access of the day without the customer: 429 ACCESS_EXCEEDED; the next day counts again', async () => {
      const consent = await create('consents', dedicated());
      await approve(consent);
      for (let call = 1; call <= 4; call += 1) {
        expect((await access(consent, `/accounts/${EURO_ACCOUNT.accountId}/balances`)).status).toBe('SUCCESS');
      }
      expectAccessRefused(
        await access(consent, `/accounts/${EURO_ACCOUNT.accountId}/balances`),
        429,
        'ACCESS_EXCEEDED',
      );
      // With the customer present (PSU-IP-Address) a recurring consent is not counted.
      expect(
        (await access(consent, `/accounts/${EURO_ACCOUNT.accountId}/balances`, { customerPresent: true })).status,
      ).toBe('SUCCESS');
      clock.advanceDays(1);
      expect((await access(consent, `/accounts/${EURO_ACCOUNT.accountId}/balances`)).status).toBe('SUCCESS');
    });

    it('a resent call (same requestId) is not counted twice', async () => {
      const consent = await create('consents', dedicated({ frequencyPerDay: 1 }));
      await approve(consent);
      const first = await simulator.validateAccess(consent.consentId, {
        electedResource: '/v1/accounts/{account-id}',
        resource: `/v1/accounts/${EURO_ACCOUNT.accountId}`,
        httpMethod: 'GET',
        headers: berlinDataCallHeaders(consent.consentId, false),
      });
      const replay = await simulator.resend(first);
      expect(checked('validate-consent-access', replay).status).toBe('SUCCESS');
      expectAccessRefused(await access(consent, `/accounts/${EURO_ACCOUNT.accountId}`), 429, 'ACCESS_EXCEEDED');
    });

    it('a one-off consent works on the day of its first use only', async () => {
      const consent = await create('consents', dedicated({ recurringIndicator: false, frequencyPerDay: 1 }));
      await approve(consent);
      expect((await access(consent, `/accounts/${EURO_ACCOUNT.accountId}`, { customerPresent: true })).status).toBe(
        'SUCCESS',
      );
      clock.advanceDays(1);
      expectAccessRefused(
        await access(consent, `/accounts/${EURO_ACCOUNT.accountId}`, { customerPresent: true }),
        401,
        'CONSENT_EXPIRED',
      );
    });

    it('only the consented kind of data: balances without transactions', async () => {
      const consent = await create('consents', dedicated());
      await approve(consent);
      expectAccessRefused(
        await access(consent, `/accounts/${EURO_ACCOUNT.accountId}/transactions`, { customerPresent: true }),
        401,
        'CONSENT_INVALID',
      );
      expectAccessRefused(
        await access(consent, `/accounts/${SALARY_ACCOUNT.accountId}/balances`, { customerPresent: true }),
        401,
        'CONSENT_INVALID',
      );
    });

    it('a list-of-accounts consent opens the list only', async () => {
      const consent = await create(
        'consents',
        berlinConsentBody({ availableAccounts: 'allAccounts' }, { recurringIndicator: false, frequencyPerDay: 1 }),
      );
      await approve(consent);
      expect((await access(consent, '/accounts', { customerPresent: true })).status).toBe('SUCCESS');
      expectAccessRefused(
        await access(consent, `/accounts/${EURO_ACCOUNT.accountId}`, { customerPresent: true }),
        401,
        'CONSENT_INVALID',
      );
    });

    it('headers: X-Request-ID and Consent-ID are required, and Consent-ID must name the consent', async () => {
      const consent = await create('consents', dedicated());
      await approve(consent);
      const path = `/accounts/${EURO_ACCOUNT.accountId}`;
      expectAccessRefused(
        await access(consent, path, { headers: { 'Consent-ID': consent.consentId } }),
        400,
        'FORMAT_ERROR',
      );
      expectAccessRefused(
        await access(consent, path, { headers: { 'X-Request-ID': '1a5c2d3e-0000-4000-8000-000000000000' } }),
        400,
        'FORMAT_ERROR',
      );
      expectAccessRefused(
        await access(consent, path, {
          headers: { ...berlinDataCallHeaders(consent.consentId, true), 'Consent-ID': 'another' },
        }),
        400,
        'CONSENT_UNKNOWN',
      );
    });

    it('another service or an unknown resource is refused', async () => {
      const payment = await create('payments/sepa-credit-transfers', berlinSepaPaymentBody(EURO_ACCOUNT.iban));
      await approve(payment);
      expectAccessRefused(await access(payment, `/accounts/${EURO_ACCOUNT.accountId}`), 401, 'CONSENT_INVALID');
      expectAccessRefused(
        await access(payment, '/payments/sepa-credit-transfers/other-payment/status'),
        403,
        'RESOURCE_UNKNOWN',
      );
      expect((await access(payment, `/payments/sepa-credit-transfers/${payment.consentId}/status`)).status).toBe(
        'SUCCESS',
      );
      expectAccessRefused(await access(payment, '/card-transactions-report'), 404, 'RESOURCE_UNKNOWN');
    });
  });

  describe('revocation (§B.5)', () => {
    it('TPP DELETE of a received consent: terminatedByTpp without token revocation', async () => {
      const consent = await create('consents', dedicated());
      expect((await tppDelete(consent.consentId, consent.path)).data).toEqual({
        revocationStatusName: 'terminatedByTpp',
        requireTokenRevocation: false,
      });
    });

    it('DELETE at a path that is not this consent: 403 CONSENT_UNKNOWN; without X-Request-ID: 400 FORMAT_ERROR', async () => {
      const consent = await create('consents', dedicated());
      expectTppError(await tppDelete(consent.consentId, 'consents/other'), 403, 'CONSENT_UNKNOWN', 'consentId');
      expectTppError(await tppDelete(consent.consentId, consent.path, {}), 400, 'FORMAT_ERROR');
    });

    it('the customer revokes a valid consent (admin path): revokedByPsu; access is then refused', async () => {
      const consent = await create('consents', dedicated());
      await approve(consent);
      const result = checked('pre-process-consent-revoke', await simulator.adminRevoke(consent.consentId));
      expect(result.data).toEqual({ revocationStatusName: 'revokedByPsu', requireTokenRevocation: true });
      expectAccessRefused(
        await access(consent, `/accounts/${EURO_ACCOUNT.accountId}`, { customerPresent: true }),
        401,
        'CONSENT_INVALID',
      );
      expectTppError(
        checked('pre-process-consent-revoke', await simulator.adminRevoke(consent.consentId)),
        409,
        'STATUS_INVALID',
      );
    });

    it('a received payment is cancelled (CANC); an executed single payment cannot be: 405 CANCELLATION_INVALID', async () => {
      const payment = await create('payments/sepa-credit-transfers', berlinSepaPaymentBody(EURO_ACCOUNT.iban));
      expect((await tppDelete(payment.consentId, payment.path)).data).toEqual({
        revocationStatusName: 'CANC',
        requireTokenRevocation: false,
      });
      const executed = await create('payments/sepa-credit-transfers', berlinSepaPaymentBody(EURO_ACCOUNT.iban));
      await approve(executed);
      expectTppError(await tppDelete(executed.consentId, executed.path), 405, 'CANCELLATION_INVALID');
    });
  });

  describe('tokens', () => {
    it('a refresh token within validity, none after it', async () => {
      const consent = await create('consents', dedicated({ validUntil: berlinIsoDate(2) }));
      await approve(consent);
      const issued = checked('issue-refresh-token', await simulator.issueRefreshToken(consent.consentId));
      expect(issued.data['issueRefreshToken']).toBe(true);
      clock.set(Date.now() + 3 * DAY);
      const refused = checked('issue-refresh-token', await simulator.issueRefreshToken(consent.consentId));
      expect(refused).toMatchObject({ status: 'ERROR', errorCode: 400, data: { errorMessage: 'invalid_grant' } });
    });

    const nowSeconds = (): number => Math.floor(clock.now() / 1000);

    it('issue 9 #18 a consent valid 180 days: the refresh token lives 90 days', async () => {
      const consent = await create('consents', dedicated({ validUntil: '9999-12-31' }));
      await approve(consent);
      const issued = checked('issue-refresh-token', await simulator.issueRefreshToken(consent.consentId));
      expect(issued).toEqual({
        status: 'SUCCESS',
        errorCode: undefined,
        data: { issueRefreshToken: true, refreshTokenValidityPeriod: 90 * 86_400 },
      });
    });

    it('issue 9 #18 a consent valid 30 days: the refresh token ends with the consent', async () => {
      const consent = await create('consents', dedicated({ validUntil: berlinIsoDate(30) }));
      await approve(consent);
      const issued = checked('issue-refresh-token', await simulator.issueRefreshToken(consent.consentId));
      const consentEnd = simulator.store.get(consent.consentId).validityTime;
      expect(issued.data).toEqual({ issueRefreshToken: true, refreshTokenValidityPeriod: consentEnd - nowSeconds() });
      expect(issued.data['refreshTokenValidityPeriod']).toBeLessThan(31 * 86_400);
    });

    it('issue 9 #18 refreshing never goes past 90 days after the authorisation: 400 invalid_grant on day 90', async () => {
      const consent = await create('consents', dedicated({ validUntil: '9999-12-31' }));
      await approve(consent);
      const created = simulator.store.get(consent.consentId).createdTime;
      clock.set(Date.now() + 89 * DAY);
      const refreshed = checked(
        'issue-refresh-token',
        await simulator.issueRefreshToken(consent.consentId, 'refresh_token'),
      );
      expect(refreshed.data).toEqual({
        issueRefreshToken: true,
        refreshTokenValidityPeriod: created + 90 * 86_400 - nowSeconds(),
      });
      clock.set(Date.now() + 91 * DAY);
      const refused = checked(
        'issue-refresh-token',
        await simulator.issueRefreshToken(consent.consentId, 'refresh_token'),
      );
      expect(refused).toEqual({
        status: 'ERROR',
        errorCode: 400,
        data: {
          errorMessage: 'invalid_grant',
          errorDescription: 'The refresh token has reached its 90 days: a new authorisation is required',
        },
      });
    });

    it('a payment has no end: its refresh token is not limited', async () => {
      const payment = await create('payments/sepa-credit-transfers', berlinSepaPaymentBody(EURO_ACCOUNT.iban));
      const issued = checked('issue-refresh-token', await simulator.issueRefreshToken(payment.consentId));
      expect(issued.data).toEqual({ issueRefreshToken: true });
    });
  });

  describe("issue 9 #15 another TPP's consent is never read, changed or terminated", () => {
    const OTHER_TPP = 'another-tpp-client-id';
    const asOtherTpp = (consentId: string): Record<string, string> => ({
      ...berlinDataCallHeaders(consentId, true),
      'x-wso2-client-id': OTHER_TPP,
    });
    const otherTppClaims = (consentId: string): JsonRecord =>
      buildRequestObjectClaims({ clientId: OTHER_TPP, consentId });

    it('retrieval (GET and /status, consent and payment): 403 CONSENT_UNKNOWN on consentId; the owner reads it', async () => {
      const consent = await create('consents', dedicated());
      expectTppError(
        await retrieve(consent.consentId, consent.path, asOtherTpp(consent.consentId)),
        403,
        'CONSENT_UNKNOWN',
        'consentId',
      );
      expectTppError(
        await retrieve(consent.consentId, `${consent.path}/status`, asOtherTpp(consent.consentId)),
        403,
        'CONSENT_UNKNOWN',
        'consentId',
      );
      const payment = await create('payments/sepa-credit-transfers', berlinSepaPaymentBody(EURO_ACCOUNT.iban));
      expectTppError(
        await retrieve(payment.consentId, payment.path, asOtherTpp(payment.consentId)),
        403,
        'CONSENT_UNKNOWN',
        'consentId',
      );
      expect((await retrieve(consent.consentId, `${consent.path}/status`)).data['modifiedResponse']).toEqual({
        consentStatus: 'received',
      });
    });

    it('the same refusal as an unknown consent, whatever else is wrong with the call', async () => {
      const consent = await create('consents', dedicated());
      const withoutRequestId = { 'x-wso2-client-id': OTHER_TPP };
      expectTppError(
        await retrieve(consent.consentId, consent.path, withoutRequestId),
        403,
        'CONSENT_UNKNOWN',
        'consentId',
      );
      expectTppError(
        await tppDelete(consent.consentId, 'consents/another-id', withoutRequestId),
        403,
        'CONSENT_UNKNOWN',
        'consentId',
      );
    });

    it('TPP DELETE: 403 CONSENT_UNKNOWN and nothing changes; the owner terminates it', async () => {
      const consent = await create('consents', dedicated());
      await approve(consent);
      expectTppError(
        await tppDelete(consent.consentId, consent.path, asOtherTpp(consent.consentId)),
        403,
        'CONSENT_UNKNOWN',
        'consentId',
      );
      const payment = await create('payments/sepa-credit-transfers', berlinSepaPaymentBody(EURO_ACCOUNT.iban));
      expectTppError(
        await tppDelete(payment.consentId, payment.path, asOtherTpp(payment.consentId)),
        403,
        'CONSENT_UNKNOWN',
        'consentId',
      );
      expect(
        await access(consent, `/accounts/${EURO_ACCOUNT.accountId}/balances`, { customerPresent: true }),
      ).toMatchObject({ status: 'SUCCESS' });
      expect((await tppDelete(consent.consentId, consent.path)).data).toEqual({
        revocationStatusName: 'terminatedByTpp',
        requireTokenRevocation: true,
      });
    });

    it('file upload and file retrieval: 403 CONSENT_UNKNOWN for another TPP, 405 SERVICE_INVALID for the owner', async () => {
      const payment = await create('bulk-payments/sepa-credit-transfers', {
        debtorAccount: { iban: EURO_ACCOUNT.iban },
        payments: [
          {
            instructedAmount: { currency: 'EUR', amount: '10.00' },
            creditorAccount: { iban: FOREIGN_IBAN },
            creditorName: 'Merchant123',
          },
        ],
      });
      const call = (clientId: string): JsonRecord => ({
        consentId: payment.consentId,
        consentResourcePath: `${payment.path}/file`,
        requestHeaders: { ...berlinDataCallHeaders(payment.consentId, true), 'x-wso2-client-id': clientId },
        consentResource: simulator.store.detailedView(payment.consentId),
      });
      expectTppError(
        await callPoint(simulator, 'pre-process-consent-file-upload', { ...call(OTHER_TPP), fileContent: '<xml/>' }),
        403,
        'CONSENT_UNKNOWN',
        'consentId',
      );
      expectTppError(
        await callPoint(simulator, 'validate-consent-file-retrieval', call(OTHER_TPP)),
        403,
        'CONSENT_UNKNOWN',
        'consentId',
      );
      expectTppError(
        await callPoint(simulator, 'validate-consent-file-retrieval', call(BERLIN_CLIENT_ID)),
        405,
        'SERVICE_INVALID',
      );
    });

    it('the consent screen: 403 CONSENT_UNKNOWN without a new status, even for an expired consent; the owner sees it', async () => {
      const consent = await create('consents', dedicated({ validUntil: berlinIsoDate(0) }));
      clock.advanceDays(1);
      const refused = checked(
        'populate-consent-authorize-screen',
        await simulator.populateScreen(consent.consentId, BERLIN_USER, otherTppClaims(consent.consentId)),
      );
      expect(refused).toEqual({
        status: 'ERROR',
        errorCode: 403,
        data: { errorMessage: 'CONSENT_UNKNOWN: The consent id is unknown to this TPP' },
      });
      expect(simulator.store.get(consent.consentId).status).toBe('received');
      clock.set(Date.now());
      expect((await populate(consent)).status).toBe('SUCCESS');
    });

    it('persist: 403 CONSENT_UNKNOWN, neither approved nor rejected; the owner approves it', async () => {
      const consent = await create('consents', dedicated());
      const screen = await populate(consent);
      for (const approveIt of [true, false]) {
        const refused = checked(
          'persist-authorized-consent',
          await simulator.persist(consent.consentId, BERLIN_USER, screen.data, {}, approveIt, {
            requestParameters: otherTppClaims(consent.consentId),
          }),
        );
        expect(refused).toEqual({
          status: 'ERROR',
          errorCode: 403,
          data: { errorMessage: 'CONSENT_UNKNOWN: The consent id is unknown to this TPP' },
        });
      }
      expect(simulator.store.get(consent.consentId).status).toBe('received');
      expect((await approve(consent)).data['consentResource']).toMatchObject({ status: 'valid' });
    });

    it('access: 400 CONSENT_UNKNOWN for account data (Consent-ID header), 403 for a payment (id in the path); the owner passes', async () => {
      const consent = await create('consents', dedicated());
      await approve(consent);
      const stored = simulator.store.get(consent.consentId);
      const accessAs = async (clientId: string, path: string, consentId: string): Promise<CheckedResult> => {
        const resource = {
          electedResource: `/v1${path}`,
          resource: `/v1${path}`,
          httpMethod: 'GET',
          headers: berlinDataCallHeaders(consentId, true),
        };
        const payload = { ...buildDataRequestPayload(simulator.store.get(consentId), resource, BERLIN_USER), clientId };
        return callPoint(simulator, 'validate-consent-access', {
          consentId,
          consentResource: simulator.store.detailedView(consentId),
          dataRequestPayload: payload,
        });
      };
      expectAccessRefused(
        await accessAs(OTHER_TPP, `/accounts/${EURO_ACCOUNT.accountId}/balances`, stored.id),
        400,
        'CONSENT_UNKNOWN',
      );
      expect((await accessAs(BERLIN_CLIENT_ID, `/accounts/${EURO_ACCOUNT.accountId}/balances`, stored.id)).status).toBe(
        'SUCCESS',
      );
      const payment = await create('payments/sepa-credit-transfers', berlinSepaPaymentBody(EURO_ACCOUNT.iban));
      await approve(payment);
      expectAccessRefused(
        await accessAs(OTHER_TPP, `/${payment.path}/status`, payment.consentId),
        403,
        'CONSENT_UNKNOWN',
      );
    });
  });

  describe('accelerator errors (§B.7)', () => {
    it.each<[number, string, string, number, string, string | undefined]>([
      [400, 'Consent not found', 'consent_retrieve', 403, 'CONSENT_UNKNOWN', 'consentId'],
      [400, 'Consent not found', 'consent_delete', 403, 'CONSENT_UNKNOWN', 'consentId'],
      [400, 'Consent not found', 'consent_validate', 400, 'CONSENT_UNKNOWN', 'consentId'],
      [
        400,
        'Client Id in the request does not match with the client Id associated to the consent',
        'consent_retrieve',
        403,
        'CONSENT_UNKNOWN',
        'consentId',
      ],
      [401, 'Client ID missing in the request', 'consent_create', 401, 'TOKEN_INVALID', undefined],
      [405, 'Method not allowed', 'consent_create', 405, 'SERVICE_INVALID', undefined],
      [400, 'Request payload is invalid', 'consent_create', 400, 'FORMAT_ERROR', undefined],
      [500, 'Error while invoking external service extension', 'consent_create', 500, 'SERVICE_BLOCKED', undefined],
    ])('%s "%s" (%s) → %s %s', async (code, description, operation, status, berlinCode, path) => {
      const result = checked('map-accelerator-error-response', await simulator.mapError(code, description, operation));
      expect(result.errorCode).toBe(status);
      const message = (result.data['tppMessages'] as JsonRecord[])[0];
      expect(message).toMatchObject({ category: 'ERROR', code: berlinCode });
      expect(message?.['path']).toBe(path);
    });
  });
});

describe('Berlin Group refresh tokens with BERLIN_REFRESH_TOKEN_MAX_DAYS=7', () => {
  let server: RunningTestServer;
  beforeAll(async () => {
    server = await startBerlinTestServer({ BERLIN_REFRESH_TOKEN_MAX_DAYS: '7' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('issue 9 #18 answers the setting when the consent lasts longer, and the consent when it ends sooner', async () => {
    const simulator = new IdentityServerSimulator(
      new IdentityServerClient({
        baseUrl: server.baseUrl,
        spec: 'berlin',
        credentials: { kind: 'basic', username: TEST_USER, password: TEST_PASSWORD },
      }),
    );
    const now = Math.floor(Date.now() / 1000);
    const grant = (validity: number): Promise<CheckedResult> =>
      callPoint(simulator, 'issue-refresh-token', {
        grantType: 'authorization_code',
        consentCreatedTime: now,
        consentValidityPeriod: validity,
        defaultRefreshTokenValidityPeriod: -1,
      });
    const long = await grant(now + 180 * 86_400);
    expect(long.data['refreshTokenValidityPeriod']).toBeGreaterThan(7 * 86_400 - 5);
    expect(long.data['refreshTokenValidityPeriod']).toBeLessThanOrEqual(7 * 86_400);
    const short = await grant(now + 3 * 86_400);
    expect(short.data['refreshTokenValidityPeriod']).toBeGreaterThan(3 * 86_400 - 5);
    expect(short.data['refreshTokenValidityPeriod']).toBeLessThanOrEqual(3 * 86_400);
  });
});
