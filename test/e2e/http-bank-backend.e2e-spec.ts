import {
  accountAccessConsentBody,
  buildRequestObjectClaims,
  domesticPaymentConsentBody,
  IdentityServerClient,
  IdentityServerSimulator,
  JOURNEY_CLIENT_ID,
  JOURNEY_USER,
  UK_CURRENT_ACCOUNT,
  UK_JOURNEY_CLIENT_ID,
  ukDomesticPaymentConsentBody,
  type JsonRecord,
} from '@app/testing';
import type { BankAccountData } from '@app/persistence';
import { AppModule } from '../../apps/extension-server/src/app.module.js';
import { checkedAnswer, type CheckedAnswer } from './support/checked-point-call.js';
import { startFakeCoreBanking, type FakeCoreBanking } from './support/fake-core-banking.js';
import { TEST_PASSWORD, TEST_USER, startTestServer, type RunningTestServer } from './support/test-server.js';
import { callPoint } from './uk/support/uk-calls.js';
import { authorisedConsent } from './uk/support/uk-consent-setup.js';

/*
 * BANK_BACKEND_URL: the service asks the bank's own core over HTTP (libs/bank-backend/README.md) instead of its
 * embedded database. A local core banking server answers from its own data, which differs from the embedded demo bank
 * (that is not even seeded here), so every account and every funds answer below can only have come from it. When the
 * core fails or does not answer in time, the call fails with the contract's HTTP 500 and the message the platform
 * documents for an unavailable bank, rather than guessing.
 */

const SORT_CODE_ACCOUNT_NUMBER = 'UK.OBIE.SortCodeAccountNumber';

function account(accountId: string, displayName: string, details: Partial<BankAccountData>): BankAccountData {
  return {
    accountId,
    displayName,
    currency: 'GBP',
    accountType: 'Retail',
    accountSubType: 'CurrentAccount',
    schemeName: SORT_CODE_ACCOUNT_NUMBER,
    identification: accountId,
    holderName: 'Alex Morgan',
    status: 'Enabled',
    payable: true,
    ...details,
  };
}

/** The customer's accounts at the core: two share a name, one is closed, and one cannot pay. */
const SALARY_SAVER = account('30080012343456', 'Salary Saver Account', {
  accountSubType: 'Savings',
  iban: 'GB38LOYD30080012343456',
  payable: false,
});
const MAX_BONUS = account(UK_CURRENT_ACCOUNT, 'Max Bonus Account', { iban: 'GB98LOYD30080098763459' });
const HOLIDAY_CURRENT = account('55667712345678', 'Holiday Fund', { secondaryIdentification: 'HOL-01' });
const HOLIDAY_SAVINGS = account('55667787654321', 'Holiday Fund', { accountSubType: 'Savings', payable: false });
const CLOSED_SAVER = account('11223344556677', 'Closed Saver', {
  accountSubType: 'Savings',
  status: 'Disabled',
  payable: false,
});

const CORE_DATA = {
  customers: { [JOURNEY_USER]: [SALARY_SAVER, MAX_BONUS, HOLIDAY_CURRENT, HOLIDAY_SAVINGS, CLOSED_SAVER] },
  // 300.00 GBP: a payment of 165.88 is covered, one of 500.00 is not (the embedded demo bank holds 2,500.00 here).
  balances: { [UK_CURRENT_ACCOUNT]: { currency: 'GBP', amount: '300.00' } },
};

const BANK_UNAVAILABLE = "The bank's core system did not answer; try again later";

describe('The HTTP bank backend (BANK_BACKEND_URL) against a core banking server', () => {
  let core: FakeCoreBanking;
  let server: RunningTestServer;
  let defaultSimulator: IdentityServerSimulator;
  let ukSimulator: IdentityServerSimulator;

  beforeAll(async () => {
    core = await startFakeCoreBanking(CORE_DATA);
    const env = {
      BANK_BACKEND_URL: core.origin,
      BANK_BACKEND_TIMEOUT_MS: '1000',
      SEED_DEMO_DATA: 'false',
      UK_SIGNATURE_VERIFICATION: 'off',
    };
    // AppModule as main.ts builds it, its specifications reading these settings only (not the shell's environment).
    server = await startTestServer({ env, rootModule: (config) => AppModule.forRoot(config, [], env) });
    const credentials = { kind: 'basic', username: TEST_USER, password: TEST_PASSWORD } as const;
    defaultSimulator = new IdentityServerSimulator(
      new IdentityServerClient({ baseUrl: server.baseUrl, spec: 'default', credentials }),
    );
    // UK_SIGNATURE_VERIFICATION is off, so the identity server's own key order is what reaches the service.
    ukSimulator = new IdentityServerSimulator(
      new IdentityServerClient({ baseUrl: server.baseUrl, spec: 'uk', credentials, keyOrder: 'java-hash-map' }),
    );
  });
  afterEach(() => {
    core.mode = 'serving';
  });
  afterAll(async () => {
    await server.close();
    await core.close();
  });

  const coreCalls = (): string[] => core.requests.map((request) => `${request.method} ${request.url}`);

  /** A default-specification consent awaiting authorisation, and its consent page for the given user. */
  async function defaultScreen(
    path: string,
    body: JsonRecord,
    scope: string,
    userId: string = JOURNEY_USER,
  ): Promise<CheckedAnswer> {
    const created = await defaultSimulator.createConsent(path, body, JOURNEY_CLIENT_ID);
    const consentId = created.consentId!;
    const claims = buildRequestObjectClaims({ clientId: JOURNEY_CLIENT_ID, consentId, scope });
    return checkedAnswer(
      'populate-consent-authorize-screen',
      await defaultSimulator.populateScreen(consentId, userId, claims),
    );
  }

  const consumerAccountsOf = (answer: CheckedAnswer): unknown =>
    ((answer.body as JsonRecord)['data'] as JsonRecord)['consumerData'];

  const expectBankUnavailable = (answer: CheckedAnswer): void => {
    expect(answer.contractViolations).toEqual([]);
    expect(answer.httpStatus).toBe(500);
    expect(answer.body).toEqual({
      responseId: answer.requestId,
      status: 'ERROR',
      data: { errorMessage: 'server_error', errorDescription: BANK_UNAVAILABLE },
    });
  };

  const fundsConfirmation = (consentId: string) =>
    callPoint(ukSimulator, 'pre-process-consent-retrieval', {
      consentId,
      consentResourcePath: `domestic-payment-consents/${consentId}/funds-confirmation`,
      requestHeaders: { 'x-wso2-client-id': UK_JOURNEY_CLIENT_ID },
      consentResource: ukSimulator.store.basicView(consentId, { withAttributes: true }),
    });

  const withAmount = (amount: string): JsonRecord => {
    const body = ukDomesticPaymentConsentBody();
    ((body['Data'] as JsonRecord)['Initiation'] as JsonRecord)['InstructedAmount'] = {
      Amount: amount,
      Currency: 'GBP',
    };
    return body;
  };

  it("offers on the account consent page the customer's enabled accounts as the core lists them, with shared names made unique", async () => {
    const answer = await defaultScreen('account-access-consents', accountAccessConsentBody(), 'openid accounts');
    expect(answer.contractViolations).toEqual([]);
    expect(answer.httpStatus).toBe(200);
    expect(answer.body).toMatchObject({
      responseId: answer.requestId,
      status: 'SUCCESS',
      data: { consentData: { type: 'accounts', allowMultipleAccounts: true } },
    });
    expect(consumerAccountsOf(answer)).toEqual({
      accounts: [
        { displayName: 'Salary Saver Account', accountId: '30080012343456', selected: false },
        { displayName: 'Max Bonus Account', accountId: UK_CURRENT_ACCOUNT, selected: false },
        { displayName: 'Holiday Fund (5678)', accountId: '55667712345678', selected: false },
        { displayName: 'Holiday Fund (4321)', accountId: '55667787654321', selected: false },
      ],
    });
    expect(coreCalls()).toContain('GET /customers/psu%40wso2.com/accounts');
  });

  it('asks the core for the user without the tenant domain the identity server appends', async () => {
    const before = core.requests.length;
    const answer = await defaultScreen(
      'account-access-consents',
      accountAccessConsentBody(),
      'openid accounts',
      `${JOURNEY_USER}@carbon.super`,
    );
    expect(answer.httpStatus).toBe(200);
    expect((consumerAccountsOf(answer) as { accounts: unknown[] }).accounts).toHaveLength(4);
    expect(coreCalls().slice(before)).toEqual(['GET /customers/psu%40wso2.com/accounts']);
  });

  it('offers only the accounts the core marks payable on a payment consent page', async () => {
    const answer = await defaultScreen('domestic-payment-consents', domesticPaymentConsentBody(), 'openid payments');
    expect(answer.contractViolations).toEqual([]);
    expect(answer.body).toMatchObject({ status: 'SUCCESS', data: { consentData: { type: 'payments' } } });
    expect(consumerAccountsOf(answer)).toEqual({
      accounts: [
        { displayName: 'Max Bonus Account', accountId: UK_CURRENT_ACCOUNT, selected: false },
        { displayName: 'Holiday Fund', accountId: '55667712345678', selected: false },
      ],
    });
  });

  it('offers no account to a customer the core does not know (404)', async () => {
    const answer = await defaultScreen(
      'account-access-consents',
      accountAccessConsentBody(),
      'openid accounts',
      'walk-in@wso2.com',
    );
    expect(answer.httpStatus).toBe(200);
    expect(consumerAccountsOf(answer)).toEqual({ accounts: [] });
    expect(coreCalls()).toContain('GET /customers/walk-in%40wso2.com/accounts');
  });

  it("answers a UK funds confirmation from the core's funds check of the approved account", async () => {
    const covered = await authorisedConsent(
      ukSimulator,
      'domestic-payment-consents',
      withAmount('165.88'),
      'openid payments',
      UK_CURRENT_ACCOUNT,
    );
    const notCovered = await authorisedConsent(
      ukSimulator,
      'domestic-payment-consents',
      withAmount('500.00'),
      'openid payments',
      UK_CURRENT_ACCOUNT,
    );
    for (const [consentId, available] of [
      [covered, true],
      [notCovered, false],
    ] as const) {
      const answer = await fundsConfirmation(consentId);
      expect(answer.contractViolations).toEqual([]);
      expect(answer).toMatchObject({ httpStatus: 200, status: 'SUCCESS' });
      expect(answer.data['modifiedResponse']).toEqual({
        Data: {
          FundsAvailableResult: {
            FundsAvailableDateTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/),
            FundsAvailable: available,
          },
        },
        Links: {
          Self: `https://localhost:8243/open-banking/v3.1/pisp/domestic-payment-consents/${consentId}/funds-confirmation`,
        },
        Meta: {},
      });
    }
    expect(coreCalls()).toEqual(
      expect.arrayContaining([
        `GET /customers/psu%40wso2.com/accounts/${UK_CURRENT_ACCOUNT}`,
        `GET /accounts/${UK_CURRENT_ACCOUNT}`,
        `GET /accounts/${UK_CURRENT_ACCOUNT}/funds-availability?amount=165.88&currency=GBP`,
        `GET /accounts/${UK_CURRENT_ACCOUNT}/funds-availability?amount=500.00&currency=GBP`,
      ]),
    );
  });

  it('fails the consent page with HTTP 500 and the unavailable-bank message while the core answers 500, and serves it again once the core is back', async () => {
    core.mode = 'failing';
    expectBankUnavailable(
      await defaultScreen('account-access-consents', accountAccessConsentBody(), 'openid accounts'),
    );
    core.mode = 'serving';
    const recovered = await defaultScreen('account-access-consents', accountAccessConsentBody(), 'openid accounts');
    expect(recovered.httpStatus).toBe(200);
    expect((consumerAccountsOf(recovered) as { accounts: unknown[] }).accounts).toHaveLength(4);
  });

  it('fails a UK funds confirmation with HTTP 500 and the unavailable-bank message while the core answers 500', async () => {
    const consentId = await authorisedConsent(
      ukSimulator,
      'domestic-payment-consents',
      withAmount('165.88'),
      'openid payments',
      UK_CURRENT_ACCOUNT,
    );
    core.mode = 'failing';
    const answer = await ukSimulator.client.call('pre-process-consent-retrieval', {
      consentId,
      consentResourcePath: `domestic-payment-consents/${consentId}/funds-confirmation`,
      requestHeaders: { 'x-wso2-client-id': UK_JOURNEY_CLIENT_ID },
      consentResource: ukSimulator.store.basicView(consentId, { withAttributes: true }),
    });
    expectBankUnavailable(checkedAnswer('pre-process-consent-retrieval', answer));
  });

  it('fails the consent page with HTTP 500 and the unavailable-bank message when the core does not answer within BANK_BACKEND_TIMEOUT_MS', async () => {
    core.mode = 'silent';
    const before = core.requests.length;
    expectBankUnavailable(
      await defaultScreen('account-access-consents', accountAccessConsentBody(), 'openid accounts'),
    );
    // The core was asked and never answered: the timeout, not a refused connection, ended the call.
    expect(coreCalls().slice(before)).toEqual(['GET /customers/psu%40wso2.com/accounts']);
  });
});
