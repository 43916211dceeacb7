import { randomUUID } from 'node:crypto';
import type { IdentityServerSimulator, JsonRecord, SimulatedExchange } from '@app/testing';
import { checkExtensionResponse } from '@app/testing';
import type { RunningTestServer } from '../support/test-server.js';
import { authorisedConsent } from './support/uk-consent-setup.js';
import {
  UK_ACCOUNTS_API,
  UK_CURRENT_ACCOUNT,
  UK_FUNDS_API,
  UK_OTHER_CURRENT_ACCOUNT,
  UK_PAYMENTS_API,
  UK_SAVINGS_ACCOUNT,
  ukAccountAccessConsentBody,
  ukDomesticPaymentConsentBody,
  ukDomesticPaymentInitiation,
  ukDomesticPaymentSubmission,
  ukFundsConfirmationConsentBody,
  ukFundsConfirmationRequest,
  ukVrpConsentBody,
  ukVrpPayment,
} from '@app/testing';
import { startUkServerForFile, startUkTestServer, ukSimulator } from './support/uk-test-server.js';

/*
 * validate-consent-access (contract §4.11) for every UK family: the permission table of every v3.1.11 AISP resource,
 * the account mapping, payment submissions against their consent, funds confirmations, and VRP control parameters
 * with periodic limits that hold under concurrent payments on two service instances sharing one database.
 */

const ALL_PERMISSIONS = [
  'ReadAccountsBasic',
  'ReadAccountsDetail',
  'ReadBalances',
  'ReadBeneficiariesBasic',
  'ReadBeneficiariesDetail',
  'ReadDirectDebits',
  'ReadOffers',
  'ReadPAN',
  'ReadParty',
  'ReadPartyPSU',
  'ReadProducts',
  'ReadScheduledPaymentsBasic',
  'ReadScheduledPaymentsDetail',
  'ReadStandingOrdersBasic',
  'ReadStandingOrdersDetail',
  'ReadStatementsBasic',
  'ReadStatementsDetail',
  'ReadTransactionsBasic',
  'ReadTransactionsCredits',
  'ReadTransactionsDebits',
  'ReadTransactionsDetail',
];

/** Every AISP resource of v3.1.11 with one permission set that is enough and one that is not. */
const AISP_RESOURCES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['/accounts', ['ReadAccountsBasic']],
  ['/accounts/{AccountId}', ['ReadAccountsDetail']],
  ['/accounts/{AccountId}/balances', ['ReadBalances']],
  ['/accounts/{AccountId}/beneficiaries', ['ReadBeneficiariesBasic']],
  ['/accounts/{AccountId}/direct-debits', ['ReadDirectDebits']],
  ['/accounts/{AccountId}/offers', ['ReadOffers']],
  ['/accounts/{AccountId}/parties', ['ReadParty']],
  ['/accounts/{AccountId}/party', ['ReadParty']],
  ['/accounts/{AccountId}/product', ['ReadProducts']],
  ['/accounts/{AccountId}/scheduled-payments', ['ReadScheduledPaymentsDetail']],
  ['/accounts/{AccountId}/standing-orders', ['ReadStandingOrdersBasic']],
  ['/accounts/{AccountId}/statements', ['ReadStatementsBasic']],
  ['/accounts/{AccountId}/statements/{StatementId}', ['ReadStatementsDetail']],
  ['/accounts/{AccountId}/statements/{StatementId}/file', ['ReadStatementsDetail']],
  [
    '/accounts/{AccountId}/statements/{StatementId}/transactions',
    ['ReadStatementsBasic', 'ReadTransactionsBasic', 'ReadTransactionsDebits'],
  ],
  ['/accounts/{AccountId}/transactions', ['ReadTransactionsDetail', 'ReadTransactionsCredits']],
  ['/balances', ['ReadBalances']],
  ['/beneficiaries', ['ReadBeneficiariesDetail']],
  ['/direct-debits', ['ReadDirectDebits']],
  ['/offers', ['ReadOffers']],
  ['/party', ['ReadPartyPSU']],
  ['/products', ['ReadProducts']],
  ['/scheduled-payments', ['ReadScheduledPaymentsBasic']],
  ['/standing-orders', ['ReadStandingOrdersDetail']],
  ['/statements', ['ReadStatementsDetail']],
  ['/transactions', ['ReadTransactionsBasic', 'ReadTransactionsCredits']],
];

function pathOf(template: string, accountId: string): string {
  return `${UK_ACCOUNTS_API}${template.replace('{AccountId}', accountId).replace('{StatementId}', 'ST-1')}`;
}

function accountBody(permissions: readonly string[]): JsonRecord {
  const body = ukAccountAccessConsentBody();
  (body['Data'] as JsonRecord)['Permissions'] = [...permissions];
  return body;
}

function expectAllowed(exchange: SimulatedExchange): void {
  expect(checkExtensionResponse(exchange.extension, exchange.requestId, exchange.httpStatus, exchange.body)).toEqual(
    [],
  );
  expect(exchange.body).toMatchObject({ status: 'SUCCESS' });
}

function expectRefused(exchange: SimulatedExchange, errorCode: number, ukCode: string): void {
  expect(checkExtensionResponse(exchange.extension, exchange.requestId, exchange.httpStatus, exchange.body)).toEqual(
    [],
  );
  expect(exchange.body).toMatchObject({
    status: 'ERROR',
    errorCode,
    data: { errorMessage: ukCode, errorDescription: expect.any(String) },
  });
}

/** `key: null` sends no x-idempotency-key. */
const payments = (
  simulator: IdentityServerSimulator,
  consentId: string,
  body: unknown,
  key: string | null = randomUUID(),
  electedResource = '/domestic-payments',
) =>
  simulator.validateAccess(consentId, {
    electedResource,
    resource: `${UK_PAYMENTS_API}${electedResource}`,
    httpMethod: 'POST',
    body,
    ...(key === null ? {} : { headers: { 'x-idempotency-key': key } }),
  });

describe('UK consent access (validate-consent-access)', () => {
  let server: RunningTestServer;
  let simulator: IdentityServerSimulator;
  startUkServerForFile((started) => {
    ({ server, simulator } = started);
  });

  describe('account information', () => {
    let everything: string;
    beforeAll(async () => {
      everything = await authorisedConsent(
        simulator,
        'account-access-consents',
        accountBody(ALL_PERMISSIONS),
        'openid accounts',
        UK_SAVINGS_ACCOUNT,
      );
    });

    it.each(AISP_RESOURCES)(
      'allows %s with enough permissions, on the consented account',
      async (template, permissions) => {
        const consentId = await authorisedConsent(
          simulator,
          'account-access-consents',
          accountBody(['ReadAccountsBasic', ...permissions]),
          'openid accounts',
          UK_SAVINGS_ACCOUNT,
        );
        expectAllowed(
          await simulator.validateAccess(consentId, {
            electedResource: template,
            resource: pathOf(template, UK_SAVINGS_ACCOUNT),
            httpMethod: 'GET',
          }),
        );
      },
    );

    it.each(AISP_RESOURCES.filter(([template]) => template !== '/accounts' && template !== '/accounts/{AccountId}'))(
      'refuses %s without its permission (403)',
      async (template) => {
        const consentId = await authorisedConsent(
          simulator,
          'account-access-consents',
          accountBody(['ReadAccountsBasic']),
          'openid accounts',
          UK_SAVINGS_ACCOUNT,
        );
        expectRefused(
          await simulator.validateAccess(consentId, {
            electedResource: template,
            resource: pathOf(template, UK_SAVINGS_ACCOUNT),
            httpMethod: 'GET',
          }),
          403,
          'UK.OBIE.Resource.ConsentMismatch',
        );
      },
    );

    it('refuses statement files without ReadStatementsDetail', async () => {
      const consentId = await authorisedConsent(
        simulator,
        'account-access-consents',
        accountBody(['ReadAccountsBasic', 'ReadStatementsBasic']),
        'openid accounts',
        UK_SAVINGS_ACCOUNT,
      );
      const template = '/accounts/{AccountId}/statements/{StatementId}/file';
      expectRefused(
        await simulator.validateAccess(consentId, {
          electedResource: template,
          resource: pathOf(template, UK_SAVINGS_ACCOUNT),
          httpMethod: 'GET',
        }),
        403,
        'UK.OBIE.Resource.ConsentMismatch',
      );
    });

    it.each([
      [
        'an account not mapped to the consent',
        '/accounts/{AccountId}',
        pathOf('/accounts/{AccountId}', UK_CURRENT_ACCOUNT),
        'GET',
      ],
      [
        'a path that is not an instance of the template',
        '/accounts/{AccountId}',
        `${UK_ACCOUNTS_API}/elsewhere`,
        'GET',
      ],
      ['a resource outside the AISP API', '/domestic-payments', `${UK_PAYMENTS_API}/domestic-payments`, 'POST'],
      ['a write to an AISP resource', '/accounts', `${UK_ACCOUNTS_API}/accounts`, 'POST'],
    ])('refuses %s (403)', async (_label, electedResource, resource, httpMethod) => {
      expectRefused(
        await simulator.validateAccess(everything, { electedResource, resource, httpMethod }),
        403,
        'UK.OBIE.Resource.ConsentMismatch',
      );
    });

    it('reads the account from a path with a query string and a trailing slash', async () => {
      expectAllowed(
        await simulator.validateAccess(everything, {
          electedResource: '/accounts/{AccountId}/',
          resource: `${pathOf('/accounts/{AccountId}', UK_SAVINGS_ACCOUNT)}?page=2`,
          httpMethod: 'GET',
        }),
      );
    });

    it('refuses a consent that is not Authorised, and one of another TPP', async () => {
      const consentId = await authorisedConsent(
        simulator,
        'account-access-consents',
        accountBody(ALL_PERMISSIONS),
        'openid accounts',
        UK_SAVINGS_ACCOUNT,
      );
      const consentResource = { ...simulator.store.detailedView(consentId), status: 'Rejected' };
      const dataRequestPayload = {
        consentId,
        clientId: simulator.store.get(consentId).clientId,
        electedResource: '/accounts',
        resourceParams: { resource: `${UK_ACCOUNTS_API}/accounts`, httpMethod: 'GET' },
      };
      const notAuthorised = await simulator.client.call('validate-consent-access', {
        consentId,
        consentResource,
        dataRequestPayload,
      });
      expect(notAuthorised.body).toMatchObject({
        status: 'ERROR',
        errorCode: 400,
        data: { errorMessage: 'UK.OBIE.Resource.InvalidConsentStatus' },
      });
      const otherTpp = await simulator.client.call('validate-consent-access', {
        consentId,
        consentResource: simulator.store.detailedView(consentId),
        dataRequestPayload: { ...dataRequestPayload, clientId: 'another-tpp' },
      });
      expect(otherTpp.body).toMatchObject({
        status: 'ERROR',
        errorCode: 403,
        data: { errorMessage: 'UK.OBIE.Resource.NotFound' },
      });
    });

    it('refuses every call once the customer revoked the consent at the bank (mappings inactive)', async () => {
      const consentId = await authorisedConsent(
        simulator,
        'account-access-consents',
        accountBody(ALL_PERMISSIONS),
        'openid accounts',
        UK_SAVINGS_ACCOUNT,
      );
      await simulator.adminRevoke(consentId);
      expectRefused(
        await simulator.validateAccess(consentId, {
          electedResource: '/accounts',
          resource: `${UK_ACCOUNTS_API}/accounts`,
          httpMethod: 'GET',
        }),
        403,
        'UK.OBIE.Resource.ConsentMismatch',
      );
    });
  });

  describe('payment orders', () => {
    let consentId: string;
    beforeAll(async () => {
      consentId = await authorisedConsent(
        simulator,
        'domestic-payment-consents',
        ukDomesticPaymentConsentBody(),
        'openid payments',
        UK_CURRENT_ACCOUNT,
      );
    });

    it.each([
      [
        'a different Initiation',
        () =>
          ukDomesticPaymentSubmission('SELF', { ...ukDomesticPaymentInitiation(), EndToEndIdentification: 'OTHER' }),
      ],
      ['a different Risk', () => ({ ...ukDomesticPaymentSubmission('SELF'), Risk: {} })],
      ['another ConsentId', () => ukDomesticPaymentSubmission('another-consent')],
    ])('refuses %s with 400 UK.OBIE.Resource.ConsentMismatch', async (_label, body) => {
      const submission = JSON.parse(JSON.stringify(body()).replace('"SELF"', JSON.stringify(consentId))) as JsonRecord;
      expectRefused(await payments(simulator, consentId, submission), 400, 'UK.OBIE.Resource.ConsentMismatch');
    });

    it('refuses an order without x-idempotency-key (400 UK.OBIE.Header.Missing)', async () => {
      expectRefused(
        await payments(simulator, consentId, ukDomesticPaymentSubmission(consentId), null),
        400,
        'UK.OBIE.Header.Missing',
      );
    });

    it('allows the funds confirmation of the consent, and refuses other resources (403)', async () => {
      expectAllowed(
        await simulator.validateAccess(consentId, {
          electedResource: '/domestic-payment-consents/{ConsentId}/funds-confirmation',
          resource: `${UK_PAYMENTS_API}/domestic-payment-consents/${consentId}/funds-confirmation`,
          httpMethod: 'GET',
        }),
      );
      expectRefused(
        await payments(
          simulator,
          consentId,
          ukDomesticPaymentSubmission(consentId),
          randomUUID(),
          '/international-payments',
        ),
        403,
        'UK.OBIE.Resource.ConsentMismatch',
      );
    });

    it('allows one order (and its retries), then refuses any other: the consent is used up', async () => {
      expectAllowed(await payments(simulator, consentId, ukDomesticPaymentSubmission(consentId), 'order-A'));
      const retry = await payments(simulator, consentId, ukDomesticPaymentSubmission(consentId), 'order-A');
      expectAllowed(retry);
      expectAllowed({
        ...(await simulator.resend(retry)),
        extension: retry.extension,
        requestData: retry.requestData,
        reaction: retry.reaction,
      });
      expectRefused(
        await payments(simulator, consentId, ukDomesticPaymentSubmission(consentId), 'order-B'),
        400,
        'UK.OBIE.Resource.InvalidConsentStatus',
      );
    });

    it('refuses a Consumed consent (400 UK.OBIE.Resource.InvalidConsentStatus)', async () => {
      const consumed = await authorisedConsent(
        simulator,
        'domestic-payment-consents',
        ukDomesticPaymentConsentBody(),
        'openid payments',
        UK_CURRENT_ACCOUNT,
      );
      simulator.store.updateStatus(consumed, 'Consumed');
      expectRefused(
        await payments(simulator, consumed, ukDomesticPaymentSubmission(consumed)),
        400,
        'UK.OBIE.Resource.InvalidConsentStatus',
      );
    });
  });

  describe('funds confirmation', () => {
    it('checks the ConsentId, and refuses a Reference used before, but not a resend of the same call', async () => {
      const consentId = await authorisedConsent(
        simulator,
        'funds-confirmation-consents',
        ukFundsConfirmationConsentBody(),
        'openid fundsconfirmations',
        UK_CURRENT_ACCOUNT,
      );
      const check = (body: JsonRecord) =>
        simulator.validateAccess(consentId, {
          electedResource: '/funds-confirmations',
          resource: `${UK_FUNDS_API}/funds-confirmations`,
          httpMethod: 'POST',
          body,
        });
      expectRefused(
        await check(ukFundsConfirmationRequest('another', 'REF-1')),
        400,
        'UK.OBIE.Resource.ConsentMismatch',
      );
      const first = await check(ukFundsConfirmationRequest(consentId, 'REF-1'));
      expectAllowed(first);
      expect((await simulator.resend(first)).body).toMatchObject({ status: 'SUCCESS' });
      expectRefused(
        await check(ukFundsConfirmationRequest(consentId, 'REF-1')),
        400,
        'UK.OBIE.Rules.DuplicateReference',
      );
      expectAllowed(await check(ukFundsConfirmationRequest(consentId, 'REF-2')));
    });
  });

  describe('variable recurring payments', () => {
    let consentId: string;
    beforeAll(async () => {
      consentId = await authorisedConsent(
        simulator,
        'domestic-vrp-consents',
        ukVrpConsentBody(),
        'openid payments',
        UK_OTHER_CURRENT_ACCOUNT,
      );
    });
    const vrp = (body: JsonRecord, key: string = randomUUID(), target = simulator) =>
      payments(target, consentId, body, key, '/domestic-vrps');
    const change = (mutate: (payment: JsonRecord) => void): JsonRecord => {
      const payment = ukVrpPayment(consentId, '10.00', 'VRP-X');
      mutate(payment['Data'] as JsonRecord);
      return payment;
    };

    it.each([
      [
        'a VRPType the consent does not allow',
        (data: JsonRecord) => (data['VRPType'] = 'UK.OBIE.VRPType.Other'),
        'UK.OBIE.Rules.FailsControlParameters',
      ],
      [
        'a PSUAuthenticationMethod it does not allow',
        (data: JsonRecord) => (data['PSUAuthenticationMethod'] = 'UK.OBIE.SCA'),
        'UK.OBIE.Rules.FailsControlParameters',
      ],
      [
        'another currency',
        (data: JsonRecord) =>
          ((data['Instruction'] as JsonRecord)['InstructedAmount'] = { Amount: '10.00', Currency: 'EUR' }),
        'UK.OBIE.Rules.FailsControlParameters',
      ],
      [
        'more than MaximumIndividualAmount',
        (data: JsonRecord) =>
          ((data['Instruction'] as JsonRecord)['InstructedAmount'] = { Amount: '100.00001', Currency: 'GBP' }),
        'UK.OBIE.Rules.FailsControlParameters',
      ],
      [
        'another creditor',
        (data: JsonRecord) =>
          (((data['Instruction'] as JsonRecord)['CreditorAccount'] as JsonRecord)['Name'] = 'Someone Else'),
        'UK.OBIE.Resource.ConsentMismatch',
      ],
      [
        'another reference',
        (data: JsonRecord) => ((data['Instruction'] as JsonRecord)['RemittanceInformation'] = { Reference: 'OTHER' }),
        'UK.OBIE.Resource.ConsentMismatch',
      ],
      ['a changed Initiation', (data: JsonRecord) => (data['Initiation'] = {}), 'UK.OBIE.Resource.ConsentMismatch'],
    ])('refuses %s', async (_label, mutate, code) => {
      expectRefused(await vrp(change(mutate)), 400, code);
    });

    it('counts a retried payment (same x-idempotency-key) once', async () => {
      const retried = await authorisedConsent(
        simulator,
        'domestic-vrp-consents',
        ukVrpConsentBody(),
        'openid payments',
        UK_OTHER_CURRENT_ACCOUNT,
      );
      const pay = (amount: string, key: string) =>
        payments(simulator, retried, ukVrpPayment(retried, amount, 'VRP-R'), key, '/domestic-vrps');
      for (let attempt = 0; attempt < 5; attempt += 1) {
        expectAllowed(await pay('100.00', 'same-key'));
      }
      expectAllowed(await pay('100.00', 'key-2'));
      expectAllowed(await pay('50.00', 'key-3'));
      expectRefused(await pay('0.01', 'key-4'), 400, 'UK.OBIE.Rules.FailsControlParameters');
    });

    it('pro-rates a calendar-aligned limit in its first period to the remaining days (OBDomesticVRPControlParameters)', async () => {
      // A yearly limit of 0.10 a day, from today: this year's limit is 0.10 per day left in the year, today included.
      const today = new Date().toISOString().slice(0, 10);
      const year = Number(today.slice(0, 4));
      const daysInYear = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
      const daysLeft = (Date.UTC(year + 1, 0, 1) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
      const body = ukVrpConsentBody();
      Object.assign((body['Data'] as JsonRecord)['ControlParameters'] as JsonRecord, {
        ValidFromDateTime: `${today}T00:00:00+00:00`,
        PeriodicLimits: [
          { PeriodType: 'Year', PeriodAlignment: 'Calendar', Amount: (daysInYear / 10).toFixed(2), Currency: 'GBP' },
        ],
      });
      const yearly = await authorisedConsent(
        simulator,
        'domestic-vrp-consents',
        body,
        'openid payments',
        UK_OTHER_CURRENT_ACCOUNT,
      );
      const pay = (amount: string) =>
        payments(simulator, yearly, ukVrpPayment(yearly, amount, 'VRP-Y'), randomUUID(), '/domestic-vrps');
      expectRefused(await pay(((daysLeft + 0.1) / 10).toFixed(2)), 400, 'UK.OBIE.Rules.FailsControlParameters');
      expectAllowed(await pay((daysLeft / 10).toFixed(2)));
      expectRefused(await pay('0.01'), 400, 'UK.OBIE.Rules.FailsControlParameters');
    });

    it('VRP funds confirmation: names the consent and, when it has one, the Reference of the consent', async () => {
      const confirm = (data: JsonRecord) =>
        simulator.validateAccess(consentId, {
          electedResource: '/domestic-vrp-consents/{ConsentId}/funds-confirmation',
          resource: `${UK_PAYMENTS_API}/domestic-vrp-consents/${consentId}/funds-confirmation`,
          httpMethod: 'POST',
          body: { Data: { ConsentId: consentId, InstructedAmount: { Amount: '10.00', Currency: 'GBP' }, ...data } },
        });
      expectAllowed(await confirm({ Reference: 'SWEEP-0001' }));
      expectAllowed(await confirm({}));
      expectRefused(await confirm({ Reference: 'OTHER-REF' }), 400, 'UK.OBIE.Resource.ConsentMismatch');
      expectRefused(await confirm({ ConsentId: 'another-consent' }), 400, 'UK.OBIE.Resource.ConsentMismatch');
    });

    it('refuses payments before ValidFromDateTime', async () => {
      const body = ukVrpConsentBody();
      ((body['Data'] as JsonRecord)['ControlParameters'] as JsonRecord)['ValidFromDateTime'] =
        `${new Date(Date.now() + 86_400_000).toISOString().slice(0, 19)}+00:00`;
      const future = await authorisedConsent(
        simulator,
        'domestic-vrp-consents',
        body,
        'openid payments',
        UK_OTHER_CURRENT_ACCOUNT,
      );
      expectRefused(
        await payments(simulator, future, ukVrpPayment(future, '1.00', 'VRP-F'), randomUUID(), '/domestic-vrps'),
        400,
        'UK.OBIE.Rules.FailsControlParameters',
      );
    });

    it('never passes the daily limit under concurrent payments on two instances sharing the database', async () => {
      const second = await startUkTestServer(
        { UK_SIGNATURE_VERIFICATION: undefined },
        { databaseUrl: server.databaseUrl },
      );
      try {
        const other = ukSimulator(second);
        const shared = await authorisedConsent(
          simulator,
          'domestic-vrp-consents',
          ukVrpConsentBody(),
          'openid payments',
          UK_OTHER_CURRENT_ACCOUNT,
        );
        // The second instance's simulator must know the consent: the identity server sends it with every call.
        const view = simulator.store.detailedView(shared);
        const pay = (target: IdentityServerSimulator, index: number) =>
          target.client.call('validate-consent-access', {
            consentId: shared,
            consentResource: view,
            dataRequestPayload: {
              headers: { 'x-idempotency-key': `concurrent-${index}` },
              consentId: shared,
              clientId: simulator.store.get(shared).clientId,
              userId: 'psu@wso2.com',
              electedResource: '/domestic-vrps',
              resourceParams: { resource: `${UK_PAYMENTS_API}/domestic-vrps`, httpMethod: 'POST' },
              body: ukVrpPayment(shared, '30.00', `VRP-C${index}`),
            },
          });
        const answers = await Promise.all(
          Array.from({ length: 20 }, (_unused, index) => pay(index % 2 === 0 ? simulator : other, index)),
        );
        const statuses = answers.map((answer) => (answer.body as JsonRecord)['status']);
        // 250.00 a day at 30.00 a payment: 8 payments (240.00), whatever the interleaving.
        expect(statuses.filter((status) => status === 'SUCCESS')).toHaveLength(8);
        for (const answer of answers.filter((candidate) => (candidate.body as JsonRecord)['status'] === 'ERROR')) {
          expect(answer.body).toMatchObject({
            errorCode: 400,
            data: { errorMessage: 'UK.OBIE.Rules.FailsControlParameters' },
          });
        }
      } finally {
        await second.close();
      }
    });
  });
});
