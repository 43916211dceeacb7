import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { loadOfficialOpenApiDocument, OfficialSchemaValidators } from '@app/openapi-schemas';
import type { IdentityServerSimulator, JsonRecord } from '@app/testing';
import type { RunningTestServer } from '../support/test-server.js';
// The @app/testing barrel does not export the uae journey fixtures yet (the lead adds them with the journey).
import {
  uaeDataSharingItem,
  uaePaymentSubmission,
  uaeSingleInstantPaymentItem,
  uaeToday,
  uaeVariableMultiPaymentItem,
} from '@app/testing';
import { at, callChecked, checkedBody, mutated, remove, set, type Mutation } from './support/uae-calls.js';
import { uaeSimulator } from './support/uae-simulator.js';
import { storeUaeConsent, TPP, type StoredUaeConsent } from './support/uae-stored-consents.js';
import { startUaeTestServer } from './support/uae-test-specs.js';

const API = '/open-finance/v2.1';
const paymentConsentBody = new OfficialSchemaValidators(
  loadOfficialOpenApiDocument(
    join(process.cwd(), 'libs', 'spec-uae', 'assets', 'openapi', 'uae-bank-initiation-openapi.yaml'),
  ),
).schema('AEBankServiceInitiationConsentStatusV21.AEBankServiceInitiationConsentProperties');
const SHARED_ACCOUNT = '60161331926819';
const DIRHAM_ACCOUNT = 'AE070331234567890123456';

/* validate-consent-access (contract §4.11) under the UAE rules: spec-rules §C.3, §C.4, AE-25 to AE-27. */
describe('uae validate-consent-access', () => {
  let server: RunningTestServer;
  let simulator: IdentityServerSimulator;
  beforeAll(async () => {
    server = await startUaeTestServer();
    simulator = uaeSimulator(server);
  });
  afterAll(async () => {
    await server.close();
  });

  async function access(
    consent: StoredUaeConsent,
    electedResource: string,
    resource: string,
    httpMethod = 'GET',
    extra: Partial<{ body: unknown; headers: Record<string, string> }> = {},
  ) {
    const answer = await simulator.validateAccess(consent.isConsentId, {
      electedResource,
      resource: `${API}${resource}`,
      httpMethod,
      ...extra,
    });
    return checkedBody(answer) as {
      status: string;
      errorCode?: number;
      data?: { errorMessage?: string; errorDescription?: string };
    };
  }

  /** A POST /payments; `null` sends no x-idempotency-key. */
  const pay = (
    consent: StoredUaeConsent,
    amount: string,
    idempotencyKey: string | null = randomUUID(),
    body: JsonRecord = uaePaymentSubmission(consent.tppConsentId, amount),
  ) =>
    access(consent, '/payments', '/payments', 'POST', {
      body,
      headers: idempotencyKey === null ? {} : { 'x-idempotency-key': idempotencyKey },
    });

  const refusedWith = (httpCode: number, code: string) => ({
    status: 'ERROR',
    errorCode: httpCode,
    data: { errorMessage: code },
  });

  describe('data sharing', () => {
    it('serves the consented account for a granted permission', async () => {
      const consent = storeUaeConsent(simulator, uaeDataSharingItem());
      expect(
        await access(consent, '/accounts/{AccountId}/balances', `/accounts/${SHARED_ACCOUNT}/balances`),
      ).toMatchObject({ status: 'SUCCESS' });
      expect(await access(consent, '/accounts', '/accounts')).toMatchObject({ status: 'SUCCESS' });
    });

    it.each<[string, number, string]>([
      ['AwaitingAuthorization', 403, 'Consent.TransientAccountAccessFailure'],
      ['Suspended', 403, 'Consent.AccountTemporarilyBlocked'],
      ['Rejected', 403, 'Consent.PermanentAccountAccessFailure'],
      ['Revoked', 403, 'Consent.PermanentAccountAccessFailure'],
      ['Expired', 403, 'Consent.PermanentAccountAccessFailure'],
      ['Consumed', 403, 'Consent.PermanentAccountAccessFailure'],
      ['Unknown', 403, 'Consent.PermanentAccountAccessFailure'],
    ])('refuses a consent in %s with %i %s (AE-25 for Suspended)', async (status, httpCode, code) => {
      const consent = storeUaeConsent(simulator, uaeDataSharingItem(), { status });
      expect(await access(consent, '/accounts/{AccountId}', `/accounts/${SHARED_ACCOUNT}`)).toMatchObject(
        refusedWith(httpCode, code),
      );
    });

    it('refuses an Authorized consent past its ExpirationDateTime', async () => {
      const consent = storeUaeConsent(simulator, uaeDataSharingItem(), {
        validityTime: Math.floor(Date.now() / 1000) - 1,
      });
      expect(await access(consent, '/accounts', '/accounts')).toMatchObject(
        refusedWith(403, 'Consent.PermanentAccountAccessFailure'),
      );
    });

    it('refuses a resource the permissions do not cover with 403 AccessToken.InvalidScope', async () => {
      const consent = storeUaeConsent(simulator, uaeDataSharingItem());
      expect(
        await access(consent, '/accounts/{AccountId}/statements', `/accounts/${SHARED_ACCOUNT}/statements`),
      ).toMatchObject(refusedWith(403, 'AccessToken.InvalidScope'));
      expect(await access(consent, '/parties', '/parties')).toMatchObject(refusedWith(403, 'AccessToken.InvalidScope'));
      expect(await access(consent, '/payments', '/payments', 'POST')).toMatchObject(
        refusedWith(403, 'AccessToken.InvalidScope'),
      );
    });

    it('refuses an account that is not mapped to the consent', async () => {
      const consent = storeUaeConsent(simulator, uaeDataSharingItem());
      expect(await access(consent, '/accounts/{AccountId}', '/accounts/30080098763459')).toMatchObject(
        refusedWith(403, 'Consent.PermanentAccountAccessFailure'),
      );
    });
  });

  describe('the query filters, the API version and the permissions of a resource (issue 9, rules 12 to 14)', () => {
    const item = () =>
      mutated(
        uaeDataSharingItem(),
        set('consent.Permissions', ['ReadAccountsBasic', 'ReadTransactionsBasic', 'ReadStatements']),
      );
    const iso = (millis: number) => new Date(millis).toISOString().slice(0, 19);
    const transactions = (consent: StoredUaeConsent, query: string) =>
      access(consent, '/accounts/{AccountId}/transactions', `/accounts/${SHARED_ACCOUNT}/transactions${query}`);
    const statements = (consent: StoredUaeConsent, query: string) =>
      access(consent, '/accounts/{AccountId}/statements', `/accounts/${SHARED_ACCOUNT}/statements${query}`);

    it.each<[string, string]>([
      ['no filter', ''],
      ['a past window', `?fromBookingDateTime=2026-01-01T00:00:00&toBookingDateTime=${iso(Date.now() - 60_000)}`],
      [
        'dates without a time, and a URL-encoded zone (ignored)',
        `?fromBookingDateTime=2026-01-01&toBookingDateTime=${iso(Date.now() - 60_000)}%2B04%3A00`,
      ],
    ])('serves transactions with %s', async (_label, query) => {
      expect(await transactions(storeUaeConsent(simulator, item()), query)).toMatchObject({ status: 'SUCCESS' });
    });

    it.each<[string, string, string]>([
      [
        'a toBookingDateTime in the future',
        `?toBookingDateTime=${iso(Date.now() + 3_600_000)}`,
        'toBookingDateTime must not be in the future',
      ],
      [
        'a fromBookingDateTime after the toBookingDateTime',
        '?fromBookingDateTime=2026-03-02T00:00:00&toBookingDateTime=2026-03-01T23:59:59',
        'fromBookingDateTime must not be after toBookingDateTime',
      ],
      [
        'a fromBookingDateTime that is not a date-time',
        '?fromBookingDateTime=last-week',
        'fromBookingDateTime must be an ISO 8601 date-time (the time is optional)',
      ],
    ])('12: refuses transactions with %s with 400 Resource.InvalidFormat', async (_label, query, description) => {
      expect(await transactions(storeUaeConsent(simulator, item()), query)).toMatchObject({
        status: 'ERROR',
        errorCode: 400,
        data: { errorMessage: 'Resource.InvalidFormat', errorDescription: description },
      });
    });

    it('13: serves statements of a past window, and refuses a future or inverted one with 400 Resource.InvalidFormat', async () => {
      const consent = storeUaeConsent(simulator, item());
      expect(await statements(consent, `?fromStatementDate=2026-01-01&toStatementDate=${uaeToday()}`)).toMatchObject({
        status: 'SUCCESS',
      });
      expect(await statements(consent, `?toStatementDate=${uaeToday(Date.now(), 1)}`)).toMatchObject({
        status: 'ERROR',
        errorCode: 400,
        data: { errorMessage: 'Resource.InvalidFormat', errorDescription: 'toStatementDate must not be in the future' },
      });
      expect(await statements(consent, '?fromStatementDate=2026-02-02&toStatementDate=2026-02-01')).toMatchObject({
        status: 'ERROR',
        errorCode: 400,
        data: {
          errorMessage: 'Resource.InvalidFormat',
          errorDescription: 'fromStatementDate must not be after toStatementDate',
        },
      });
    });

    it('14: refuses a call under another version of the standards than the consent with 403 AccessToken.InvalidScope', async () => {
      const consent = storeUaeConsent(simulator, uaeDataSharingItem());
      const call = (version: string) =>
        simulator
          .validateAccess(consent.isConsentId, {
            electedResource: '/accounts/{AccountId}',
            resource: `/open-finance/${version}/accounts/${SHARED_ACCOUNT}`,
            httpMethod: 'GET',
          })
          .then(checkedBody);
      expect(await call('v1.2')).toMatchObject({
        status: 'ERROR',
        errorCode: 403,
        data: {
          errorMessage: 'AccessToken.InvalidScope',
          errorDescription: 'The consent was given under v2.1 of the standards; it cannot be used under v1.2',
        },
      });
      expect(await call('v2.1')).toMatchObject({ status: 'SUCCESS' });
    });

    it('opens transactions only with a transactions permission, and the parties with any party permission', async () => {
      const fxOnly = storeUaeConsent(
        simulator,
        mutated(uaeDataSharingItem(), set('consent.Permissions', ['ReadAccountsBasic', 'ReadFXTransactionsDetail'])),
      );
      expect(await transactions(fxOnly, '')).toMatchObject(refusedWith(403, 'AccessToken.InvalidScope'));
      const party = storeUaeConsent(
        simulator,
        mutated(uaeDataSharingItem(), set('consent.Permissions', ['ReadAccountsBasic', 'ReadParty'])),
      );
      expect(await access(party, '/parties', '/parties')).toMatchObject({ status: 'SUCCESS' });
      expect(await access(party, '/accounts/{AccountId}/parties', `/accounts/${SHARED_ACCOUNT}/parties`)).toMatchObject(
        { status: 'SUCCESS' },
      );
    });
  });

  describe("another TPP's consent (issue 9, rule 15)", () => {
    it('is never opened by a token of another TPP: 400 Consent.Invalid, while its own TPP passes', async () => {
      const consent = storeUaeConsent(simulator, uaeDataSharingItem());
      const asClient = (clientId: string) =>
        callChecked(simulator.client, 'validate-consent-access', {
          consentId: consent.isConsentId,
          consentResource: simulator.store.detailedView(consent.isConsentId),
          dataRequestPayload: {
            consentId: consent.isConsentId,
            clientId,
            userId: 'psu@wso2.com',
            electedResource: '/accounts',
            resourceParams: { resource: `${API}/accounts`, httpMethod: 'GET' },
          },
        });
      expect(await asClient('another-tpp')).toMatchObject({
        httpStatus: 200,
        status: 'ERROR',
        errorCode: 400,
        data: {
          errorMessage: 'Consent.Invalid',
          errorDescription: 'The ConsentId does not identify a UAE consent of this TPP',
        },
      });
      expect(await asClient(TPP)).toMatchObject({ status: 'SUCCESS' });
    });
  });

  describe('a single instant payment', () => {
    it('allows exactly one payment (AE-27), replays a resend of it, and shows the consent Consumed', async () => {
      const consent = storeUaeConsent(simulator, uaeSingleInstantPaymentItem(), { accountIds: [DIRHAM_ACCOUNT] });
      const key = randomUUID();
      expect(await pay(consent, '100.00', key)).toMatchObject({ status: 'SUCCESS' });
      // The same x-idempotency-key is the same payment: it is not counted twice.
      expect(await pay(consent, '100.00', key)).toMatchObject({ status: 'SUCCESS' });
      expect(await pay(consent, '100.00')).toMatchObject(refusedWith(400, 'Consent.BusinessRuleViolation'));
      const retrieved = await simulator.retrieveConsent(consent.isConsentId, `payment-consents/${consent.isConsentId}`);
      expect(checkedBody(retrieved)).toMatchObject({ data: { modifiedResponse: { Data: { Status: 'Consumed' } } } });
    });

    it('lets exactly one of several concurrent payments through', async () => {
      const consent = storeUaeConsent(simulator, uaeSingleInstantPaymentItem(), { accountIds: [DIRHAM_ACCOUNT] });
      const answers = await Promise.all(Array.from({ length: 5 }, () => pay(consent, '100.00')));
      expect(answers.filter((answer) => answer.status === 'SUCCESS')).toHaveLength(1);
      for (const answer of answers.filter((each) => each.status === 'ERROR')) {
        expect(answer).toMatchObject(refusedWith(400, 'Consent.BusinessRuleViolation'));
      }
    });

    it.each<[string, Mutation, string, number]>([
      ['another amount', set('Data.Instruction.Amount.Amount', '99.99'), 'Consent.FailsControlParameters', 400],
      ['another currency', set('Data.Instruction.Amount.Currency', 'USD'), 'Consent.FailsControlParameters', 400],
      ['another ConsentId', set('Data.ConsentId', randomUUID()), 'Consent.Invalid', 400],
      ['another PaymentPurposeCode', set('Data.PaymentPurposeCode', 'XYZ'), 'Consent.BusinessRuleViolation', 400],
      ['another DebtorReference', set('Data.DebtorReference', 'Other'), 'Consent.BusinessRuleViolation', 400],
      ['a body the schema refuses', remove('Data.OpenFinanceBilling'), 'Body.InvalidFormat', 400],
      ['no body', remove('Data'), 'Body.InvalidFormat', 400],
    ])('refuses a submission with %s', async (_label, mutate, code, httpCode) => {
      const consent = storeUaeConsent(simulator, uaeSingleInstantPaymentItem(), { accountIds: [DIRHAM_ACCOUNT] });
      const body = mutated(uaePaymentSubmission(consent.tppConsentId, '100.00'), mutate);
      expect(await pay(consent, '100.00', randomUUID(), body)).toMatchObject(refusedWith(httpCode, code));
      // A refused submission does not use the consent up.
      expect(await pay(consent, '100.00')).toMatchObject({ status: 'SUCCESS' });
    });

    it.each([
      ['AE-26 without x-idempotency-key', null],
      ['with a key of 41 characters', 'k'.repeat(41)],
      ['with a key containing whitespace', 'a key'],
    ])('refuses a payment %s with 400 GenericError', async (_label, key) => {
      const consent = storeUaeConsent(simulator, uaeSingleInstantPaymentItem(), { accountIds: [DIRHAM_ACCOUNT] });
      expect(await pay(consent, '100.00', key)).toMatchObject(refusedWith(400, 'GenericError'));
    });

    it("opens the debtor account's balances only when the payment consent grants ReadBalances", async () => {
      const granted = storeUaeConsent(
        simulator,
        mutated(uaeSingleInstantPaymentItem(), set('consent.Permissions', ['ReadAccountsBasic', 'ReadBalances'])),
        {
          accountIds: [DIRHAM_ACCOUNT],
        },
      );
      expect(
        await access(granted, '/accounts/{AccountId}/balances', `/accounts/${DIRHAM_ACCOUNT}/balances`),
      ).toMatchObject({ status: 'SUCCESS' });
      expect(
        await access(granted, '/accounts/{AccountId}/transactions', `/accounts/${DIRHAM_ACCOUNT}/transactions`),
      ).toMatchObject(refusedWith(403, 'AccessToken.InvalidScope'));
      const without = storeUaeConsent(simulator, uaeSingleInstantPaymentItem(), { accountIds: [DIRHAM_ACCOUNT] });
      expect(
        await access(without, '/accounts/{AccountId}/balances', `/accounts/${DIRHAM_ACCOUNT}/balances`),
      ).toMatchObject(refusedWith(403, 'AccessToken.InvalidScope'));
    });

    it('refuses payments on a Suspended payment consent and on a Consumed one', async () => {
      expect(
        await pay(storeUaeConsent(simulator, uaeSingleInstantPaymentItem(), { status: 'Suspended' }), '100.00'),
      ).toMatchObject(refusedWith(403, 'Consent.AccountTemporarilyBlocked'));
      expect(
        await pay(storeUaeConsent(simulator, uaeSingleInstantPaymentItem(), { status: 'Consumed' }), '100.00'),
      ).toMatchObject(refusedWith(400, 'Consent.BusinessRuleViolation'));
    });
  });

  describe('multi-payments', () => {
    it('enforces the maximum individual amount', async () => {
      const consent = storeUaeConsent(simulator, uaeVariableMultiPaymentItem());
      expect(await pay(consent, '100.01')).toMatchObject(refusedWith(400, 'Consent.FailsControlParameters'));
      expect(await pay(consent, '100.00')).toMatchObject({ status: 'SUCCESS' });
    });

    it('never exceeds the cumulative value under concurrent payments', async () => {
      const item = mutated(
        uaeVariableMultiPaymentItem(),
        set(
          'consent.ControlParameters.ConsentSchedule.MultiPayment.PeriodicSchedule.Controls.MaximumCumulativeNumberOfPaymentsPerPeriod',
          20,
        ),
      );
      const consent = storeUaeConsent(simulator, item);
      const answers = await Promise.all(Array.from({ length: 10 }, () => pay(consent, '30.00')));
      // 200.00 allows six payments of 30.00 (180.00); the seventh would pass the limit.
      expect(answers.filter((answer) => answer.status === 'SUCCESS')).toHaveLength(6);
      for (const answer of answers.filter((each) => each.status === 'ERROR')) {
        expect(answer).toMatchObject(refusedWith(400, 'Consent.FailsControlParameters'));
        expect(answer.data?.errorDescription).toMatch(/maximum cumulative value of payments of the consent/);
      }
    });

    it('reports the payments made in the consent (PaymentConsumption), as the official schema allows', async () => {
      const consent = storeUaeConsent(simulator, uaeVariableMultiPaymentItem());
      expect(await pay(consent, '30.00')).toMatchObject({ status: 'SUCCESS' });
      expect(await pay(consent, '12.50')).toMatchObject({ status: 'SUCCESS' });
      const response = at(
        checkedBody(await simulator.retrieveConsent(consent.isConsentId, `payment-consents/${consent.isConsentId}`)),
        'data.modifiedResponse',
      );
      expect(paymentConsentBody(response)).toBeUndefined();
      expect(at(response, 'Data.PaymentConsumption')).toEqual({
        CumulativeNumberOfPayments: 2,
        CumulativeValueOfPayments: { Amount: '42.50', Currency: 'AED' },
        CumulativeNumberOfPaymentsInCurrentPeriod: 2,
        CumulativeValueOfPaymentsInCurrentPeriod: { Amount: '42.50', Currency: 'AED' },
      });
      expect(at(response, 'Data.Status')).toBe('Authorized');
    });

    it('enforces the number of payments per period', async () => {
      const item = mutated(
        uaeVariableMultiPaymentItem(),
        set(
          'consent.ControlParameters.ConsentSchedule.MultiPayment.MaximumCumulativeValueOfPayments.Amount',
          '10000.00',
        ),
        set(
          'consent.ControlParameters.ConsentSchedule.MultiPayment.PeriodicSchedule.Controls.MaximumCumulativeNumberOfPaymentsPerPeriod',
          2,
        ),
      );
      const consent = storeUaeConsent(simulator, item);
      const answers = await Promise.all(Array.from({ length: 4 }, () => pay(consent, '10.00')));
      expect(answers.filter((answer) => answer.status === 'SUCCESS')).toHaveLength(2);
      expect(answers.find((answer) => answer.status === 'ERROR')?.data?.errorDescription).toMatch(
        /maximum number of payments in this period/,
      );
    });

    it('enforces the cumulative number of payments of the consent', async () => {
      const item = mutated(
        uaeVariableMultiPaymentItem(),
        set('consent.ControlParameters.ConsentSchedule.MultiPayment.MaximumCumulativeNumberOfPayments', 1),
      );
      const consent = storeUaeConsent(simulator, item);
      expect(await pay(consent, '10.00')).toMatchObject({ status: 'SUCCESS' });
      expect(await pay(consent, '10.00')).toMatchObject(refusedWith(400, 'Consent.FailsControlParameters'));
    });

    it('enforces a fixed periodic schedule: the exact amount, once per period', async () => {
      const item = mutated(
        uaeVariableMultiPaymentItem(),
        set('consent.ControlParameters.ConsentSchedule.MultiPayment', {
          PeriodicSchedule: {
            Type: 'FixedPeriodicSchedule',
            PeriodType: 'Month',
            PeriodStartDate: uaeToday(),
            Amount: { Amount: '75.00', Currency: 'AED' },
          },
        }),
      );
      const consent = storeUaeConsent(simulator, item);
      expect(await pay(consent, '70.00')).toMatchObject(refusedWith(400, 'Consent.FailsControlParameters'));
      expect(await pay(consent, '75.00')).toMatchObject({ status: 'SUCCESS' });
      expect(await pay(consent, '75.00')).toMatchObject(refusedWith(400, 'Consent.FailsControlParameters'));
    });

    it('enforces a defined schedule: only on a scheduled date, once', async () => {
      const tomorrow = uaeToday(Date.now(), 1);
      const schedule = (dates: string[]) =>
        mutated(
          uaeVariableMultiPaymentItem(),
          set('consent.ControlParameters.ConsentSchedule.MultiPayment', {
            PeriodicSchedule: {
              Type: 'VariableDefinedSchedule',
              Schedule: dates.map((date) => ({
                PaymentExecutionDate: date,
                MaximumIndividualAmount: { Amount: '50.00', Currency: 'AED' },
              })),
            },
          }),
        );
      expect(await pay(storeUaeConsent(simulator, schedule([tomorrow])), '10.00')).toMatchObject(
        refusedWith(400, 'Consent.FailsControlParameters'),
      );
      const consent = storeUaeConsent(simulator, schedule([uaeToday(), tomorrow]));
      expect(await pay(consent, '50.01')).toMatchObject(refusedWith(400, 'Consent.FailsControlParameters'));
      expect(await pay(consent, '50.00')).toMatchObject({ status: 'SUCCESS' });
      expect(await pay(consent, '10.00')).toMatchObject(refusedWith(400, 'Consent.FailsControlParameters'));
    });

    it('lets a multi-payment carry its own purpose code and references, from the AANI list only', async () => {
      const consent = storeUaeConsent(simulator, uaeVariableMultiPaymentItem());
      const own = mutated(
        uaePaymentSubmission(consent.tppConsentId, '10.00'),
        set('Data.PaymentPurposeCode', 'UTL'),
        set('Data.DebtorReference', 'March'),
      );
      expect(await pay(consent, '10.00', randomUUID(), own)).toMatchObject({ status: 'SUCCESS' });
      const unknown = mutated(
        uaePaymentSubmission(consent.tppConsentId, '10.00'),
        set('Data.PaymentPurposeCode', 'ZZZ'),
      );
      expect(await pay(consent, '10.00', randomUUID(), unknown)).toMatchObject({
        status: 'ERROR',
        errorCode: 400,
        data: {
          errorMessage: 'Consent.BusinessRuleViolation',
          errorDescription: 'Data.PaymentPurposeCode ZZZ is not on the AANI purpose code list',
        },
      });
    });

    it('refuses payments before the PeriodStartDate', async () => {
      const item = mutated(
        uaeVariableMultiPaymentItem(),
        set('consent.ControlParameters.ConsentSchedule.MultiPayment.PeriodicSchedule.PeriodStartDate', '2099-01-01'),
      );
      expect(await pay(storeUaeConsent(simulator, item), '10.00')).toMatchObject(
        refusedWith(400, 'Consent.FailsControlParameters'),
      );
    });
  });
});
