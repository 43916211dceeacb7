import { randomUUID } from 'node:crypto';
import type { IdentityServerSimulator, JsonRecord, SimulatedExchange } from '@app/testing';
import {
  checkExtensionResponse,
  UK_CURRENT_ACCOUNT,
  UK_JOURNEY_CLIENT_ID,
  UK_PAYMENTS_API,
  ukInternationalScheduledConsentBody,
  ukInternationalStandingOrderConsentBody,
  ukPaymentOrderSubmission,
} from '@app/testing';
import type { RunningTestServer } from '../support/test-server.js';
import { authorisedConsent, screenOf, storedConsent } from './support/uk-consent-setup.js';
import { callPoint, createConsent, firstUkError, type CheckedCall } from './support/uk-calls.js';
import { startUkServerForFile, startUkTestServer, ukSimulator } from './support/uk-test-server.js';

/*
 * International scheduled payment consents (OBWriteInternationalScheduledConsent5) and international standing order
 * consents (OBWriteInternationalStandingOrderConsent6), v3.1.11: every creation rule with its status, UK.OBIE code and
 * Path, the valid neighbours, retrieval, the consent page, persist and the submission checks; every answer through the
 * contract matcher.
 */

const ISP = 'international-scheduled-payment-consents';
const ISO = 'international-standing-order-consents';
const DAY_MS = 86_400_000;
const inDays = (days: number): string => `${new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 19)}+00:00`;

type Mutation = (initiation: JsonRecord, body: JsonRecord) => void;

function mutated(base: () => JsonRecord, mutation: Mutation): JsonRecord {
  const body = structuredClone(base());
  mutation((body['Data'] as JsonRecord)['Initiation'] as JsonRecord, body);
  return body;
}

interface RuleCase {
  readonly id: string;
  readonly path: string;
  readonly body: () => JsonRecord;
  readonly code: string;
  readonly errorPath: string;
}

const scheduled = (mutation: Mutation) => () => mutated(() => ukInternationalScheduledConsentBody(), mutation);
const standingOrder = (mutation: Mutation) => () => mutated(() => ukInternationalStandingOrderConsentBody(), mutation);
const rate = (initiation: JsonRecord): JsonRecord => initiation['ExchangeRateInformation'] as JsonRecord;

const CASES: readonly RuleCase[] = [
  {
    id: 'schema: Data.Permission missing',
    path: ISP,
    body: scheduled((_i, b) => delete (b['Data'] as JsonRecord)['Permission']),
    code: 'UK.OBIE.Field.Missing',
    errorPath: 'Data.Permission',
  },
  {
    id: 'schema: Permission "Update"',
    path: ISP,
    body: scheduled((_i, b) => ((b['Data'] as JsonRecord)['Permission'] = 'Update')),
    code: 'UK.OBIE.Field.Invalid',
    errorPath: 'Data.Permission',
  },
  {
    id: 'schema: RequestedExecutionDateTime missing',
    path: ISP,
    body: scheduled((i) => delete i['RequestedExecutionDateTime']),
    code: 'UK.OBIE.Field.Missing',
    errorPath: 'Data.Initiation.RequestedExecutionDateTime',
  },
  {
    id: 'schema: CurrencyOfTransfer missing',
    path: ISP,
    body: scheduled((i) => delete i['CurrencyOfTransfer']),
    code: 'UK.OBIE.Field.Missing',
    errorPath: 'Data.Initiation.CurrencyOfTransfer',
  },
  {
    id: 'schema: CurrencyOfTransfer "eur"',
    path: ISP,
    body: scheduled((i) => (i['CurrencyOfTransfer'] = 'eur')),
    code: 'UK.OBIE.Field.Invalid',
    errorPath: 'Data.Initiation.CurrencyOfTransfer',
  },
  {
    id: 'schema: ChargeBearer "Nobody"',
    path: ISP,
    body: scheduled((i) => (i['ChargeBearer'] = 'Nobody')),
    code: 'UK.OBIE.Field.Invalid',
    errorPath: 'Data.Initiation.ChargeBearer',
  },
  {
    id: 'schema: RateType "Fixed"',
    path: ISP,
    body: scheduled((i) => (rate(i)['RateType'] = 'Fixed')),
    code: 'UK.OBIE.Field.Invalid',
    errorPath: 'Data.Initiation.ExchangeRateInformation.RateType',
  },
  {
    id: 'execution date in the past',
    path: ISP,
    body: scheduled((i) => (i['RequestedExecutionDateTime'] = inDays(-1))),
    code: 'UK.OBIE.Field.InvalidDate',
    errorPath: 'Data.Initiation.RequestedExecutionDateTime',
  },
  {
    id: 'execution date not a date',
    path: ISP,
    body: scheduled((i) => (i['RequestedExecutionDateTime'] = 'tomorrow')),
    code: 'UK.OBIE.Field.InvalidDate',
    errorPath: 'Data.Initiation.RequestedExecutionDateTime',
  },
  {
    id: 'UK-32 Agreed rate without ContractIdentification',
    path: ISP,
    body: scheduled((i) => delete rate(i)['ContractIdentification']),
    code: 'UK.OBIE.Field.Expected',
    errorPath: 'Data.Initiation.ExchangeRateInformation.ContractIdentification',
  },
  {
    id: 'Agreed rate without ExchangeRate',
    path: ISP,
    body: scheduled((i) => delete rate(i)['ExchangeRate']),
    code: 'UK.OBIE.Field.Expected',
    errorPath: 'Data.Initiation.ExchangeRateInformation.ExchangeRate',
  },
  {
    id: 'UK-33 Indicative rate with ExchangeRate',
    path: ISP,
    body: scheduled(
      (i) => (i['ExchangeRateInformation'] = { UnitCurrency: 'GBP', RateType: 'Indicative', ExchangeRate: 1.2 }),
    ),
    code: 'UK.OBIE.Field.Unexpected',
    errorPath: 'Data.Initiation.ExchangeRateInformation.ExchangeRate',
  },
  {
    id: 'Actual rate with ContractIdentification',
    path: ISP,
    body: scheduled(
      (i) =>
        (i['ExchangeRateInformation'] = { UnitCurrency: 'GBP', RateType: 'Actual', ContractIdentification: 'FX-1' }),
    ),
    code: 'UK.OBIE.Field.Unexpected',
    errorPath: 'Data.Initiation.ExchangeRateInformation.ContractIdentification',
  },
  {
    id: 'currency of transfer the bank does not handle',
    path: ISP,
    body: scheduled((i) => (i['CurrencyOfTransfer'] = 'JPY')),
    code: 'UK.OBIE.Unsupported.Currency',
    errorPath: 'Data.Initiation.CurrencyOfTransfer',
  },
  {
    id: 'instructed amount 0',
    path: ISP,
    body: scheduled((i) => ((i['InstructedAmount'] as JsonRecord)['Amount'] = '0')),
    code: 'UK.OBIE.Field.Invalid',
    errorPath: 'Data.Initiation.InstructedAmount.Amount',
  },
  {
    id: 'creditor IBAN with a bad checksum',
    path: ISP,
    body: scheduled((i) => ((i['CreditorAccount'] as JsonRecord)['Identification'] = 'DE00370400440532013000')),
    code: 'UK.OBIE.Unsupported.AccountIdentifier',
    errorPath: 'Data.Initiation.CreditorAccount.Identification',
  },
  {
    id: 'CreditorAgent with SchemeName only',
    path: ISP,
    body: scheduled((i) => (i['CreditorAgent'] = { SchemeName: 'UK.OBIE.BICFI' })),
    code: 'UK.OBIE.Field.Expected',
    errorPath: 'Data.Initiation.CreditorAgent.Identification',
  },
  {
    id: 'LocalInstrument unknown',
    path: ISP,
    body: scheduled((i) => (i['LocalInstrument'] = 'UK.OBIE.Pigeon')),
    code: 'UK.OBIE.Unsupported.LocalInstrument',
    errorPath: 'Data.Initiation.LocalInstrument',
  },
  {
    id: 'schema: Frequency "Fortnightly"',
    path: ISO,
    body: standingOrder((i) => (i['Frequency'] = 'Fortnightly')),
    code: 'UK.OBIE.Field.Invalid',
    errorPath: 'Data.Initiation.Frequency',
  },
  {
    id: 'schema: Frequency "IntrvlMnthDay:07:15" (interval of 7 months)',
    path: ISO,
    body: standingOrder((i) => (i['Frequency'] = 'IntrvlMnthDay:07:15')),
    code: 'UK.OBIE.Field.Invalid',
    errorPath: 'Data.Initiation.Frequency',
  },
  {
    id: 'schema: FirstPaymentDateTime missing',
    path: ISO,
    body: standingOrder((i) => delete i['FirstPaymentDateTime']),
    code: 'UK.OBIE.Field.Missing',
    errorPath: 'Data.Initiation.FirstPaymentDateTime',
  },
  {
    id: 'schema: ExchangeRateInformation (not in OBInternationalStandingOrder4)',
    path: ISO,
    body: standingOrder((i) => (i['ExchangeRateInformation'] = { UnitCurrency: 'GBP', RateType: 'Actual' })),
    code: 'UK.OBIE.Resource.InvalidFormat',
    errorPath: 'Data.Initiation.ExchangeRateInformation',
  },
  {
    id: 'NumberOfPayments and FinalPaymentDateTime',
    path: ISO,
    body: standingOrder((i) => (i['FinalPaymentDateTime'] = inDays(200))),
    code: 'UK.OBIE.Field.Unexpected',
    errorPath: 'Data.Initiation.FinalPaymentDateTime',
  },
  {
    id: 'NumberOfPayments "0"',
    path: ISO,
    body: standingOrder((i) => (i['NumberOfPayments'] = '0')),
    code: 'UK.OBIE.Field.Invalid',
    errorPath: 'Data.Initiation.NumberOfPayments',
  },
  {
    id: 'NumberOfPayments "twelve"',
    path: ISO,
    body: standingOrder((i) => (i['NumberOfPayments'] = 'twelve')),
    code: 'UK.OBIE.Field.Invalid',
    errorPath: 'Data.Initiation.NumberOfPayments',
  },
  {
    id: 'final payment before the first',
    path: ISO,
    body: standingOrder((i) => {
      delete i['NumberOfPayments'];
      i['FinalPaymentDateTime'] = inDays(2);
    }),
    code: 'UK.OBIE.Field.InvalidDate',
    errorPath: 'Data.Initiation.FinalPaymentDateTime',
  },
  {
    id: 'first payment in the past',
    path: ISO,
    body: standingOrder((i) => (i['FirstPaymentDateTime'] = inDays(-2))),
    code: 'UK.OBIE.Field.InvalidDate',
    errorPath: 'Data.Initiation.FirstPaymentDateTime',
  },
  {
    id: 'standing-order currency of transfer unsupported',
    path: ISO,
    body: standingOrder((i) => (i['CurrencyOfTransfer'] = 'CHF')),
    code: 'UK.OBIE.Unsupported.Currency',
    errorPath: 'Data.Initiation.CurrencyOfTransfer',
  },
  {
    id: 'standing-order CreditorAgent with Name only',
    path: ISO,
    body: standingOrder((i) => (i['CreditorAgent'] = { Name: 'Deutsche Bank' })),
    code: 'UK.OBIE.Field.Expected',
    errorPath: 'Data.Initiation.CreditorAgent.PostalAddress',
  },
];

const expectRejected = (call: CheckedCall, status: number, code: string, errorPath?: string): void => {
  expect(call.contractViolations).toEqual([]);
  expect({ httpStatus: call.httpStatus, status: call.status, errorCode: call.errorCode }).toEqual({
    httpStatus: 200,
    status: 'ERROR',
    errorCode: status,
  });
  expect(call.data).toMatchObject({ Code: `${status} BadRequest`, Message: expect.any(String) });
  expect(firstUkError(call)).toEqual({
    ErrorCode: code,
    Message: expect.any(String),
    ...(errorPath === undefined ? {} : { Path: errorPath }),
  });
};

function expectAccess(
  exchange: SimulatedExchange,
  expected: { readonly errorCode: number; readonly ukCode: string } | 'allowed',
): void {
  expect(checkExtensionResponse(exchange.extension, exchange.requestId, exchange.httpStatus, exchange.body)).toEqual(
    [],
  );
  expect(exchange.body).toMatchObject(
    expected === 'allowed'
      ? { status: 'SUCCESS' }
      : {
          status: 'ERROR',
          errorCode: expected.errorCode,
          data: { errorMessage: expected.ukCode, errorDescription: expect.any(String) },
        },
  );
}

describe('UK international scheduled payments and international standing orders', () => {
  let simulator: IdentityServerSimulator;
  startUkServerForFile((started) => {
    ({ simulator } = started);
  });

  describe('creation (pre-process-consent-creation)', () => {
    it.each(CASES.map((ruleCase) => [ruleCase.id, ruleCase] as const))('%s', async (_id, ruleCase) => {
      expectRejected(
        await createConsent(simulator, ruleCase.path, ruleCase.body()),
        400,
        ruleCase.code,
        ruleCase.errorPath,
      );
    });

    it.each([
      ['no x-idempotency-key', ISP, { idempotencyKey: null }, 'UK.OBIE.Header.Missing', 'x-idempotency-key'],
      ['no x-jws-signature', ISO, { signature: null }, 'UK.OBIE.Signature.Missing', 'x-jws-signature'],
    ] as const)('%s on %s', async (_case, path, headers, code, errorPath) => {
      const body = path === ISP ? ukInternationalScheduledConsentBody() : ukInternationalStandingOrderConsentBody();
      expectRejected(await createConsent(simulator, path, body, headers), 400, code, errorPath);
    });

    it.each([
      [
        'a scheduled payment at an agreed rate',
        ISP,
        () => ukInternationalScheduledConsentBody(),
        'international-scheduled-payments',
      ],
      [
        'a scheduled payment at the actual rate',
        ISP,
        scheduled((i) => (i['ExchangeRateInformation'] = { UnitCurrency: 'GBP', RateType: 'Actual' })),
        'international-scheduled-payments',
      ],
      [
        'a scheduled payment at an indicative rate',
        ISP,
        scheduled((i) => (i['ExchangeRateInformation'] = { UnitCurrency: 'GBP', RateType: 'Indicative' })),
        'international-scheduled-payments',
      ],
      [
        'a scheduled payment without exchange-rate information',
        ISP,
        scheduled((i) => delete i['ExchangeRateInformation']),
        'international-scheduled-payments',
      ],
      [
        'a standing order of twelve payments',
        ISO,
        () => ukInternationalStandingOrderConsentBody(),
        'international-standing-orders',
      ],
      [
        'a standing order ending on a final date',
        ISO,
        standingOrder((i) => {
          delete i['NumberOfPayments'];
          i['FinalPaymentDateTime'] = inDays(370);
        }),
        'international-standing-orders',
      ],
      [
        'an open-ended standing order',
        ISO,
        standingOrder((i) => delete i['NumberOfPayments']),
        'international-standing-orders',
      ],
      [
        'a quarterly standing order',
        ISO,
        standingOrder((i) => (i['Frequency'] = 'QtrDay:ENGLISH')),
        'international-standing-orders',
      ],
    ])('accepts %s (the valid neighbour)', async (_case, path, body, type) => {
      const sent = body();
      const call = await createConsent(simulator, path, sent);
      expect(call.contractViolations).toEqual([]);
      expect(call).toMatchObject({
        httpStatus: 200,
        status: 'SUCCESS',
        data: {
          consentResource: {
            type,
            status: 'AwaitingAuthorisation',
            validityTime: 0,
            recurringIndicator: false,
            receipt: sent,
          },
        },
      });
    });
  });

  describe('the bank choices of these pages', () => {
    let narrow: RunningTestServer;
    beforeAll(async () => {
      narrow = await startUkTestServer({
        UK_SUPPORTED_CHARGE_BEARERS: 'Shared,BorneByDebtor',
        UK_SUPPORTED_FREQUENCIES: 'EvryWorkgDay,IntrvlMnthDay',
      });
    });
    afterAll(async () => {
      await narrow.close();
    });

    it('refuses a charge allocation the bank cannot fulfil (400 UK.OBIE.Field.Invalid) and accepts one it can', async () => {
      const narrowSimulator = ukSimulator(narrow);
      expectRejected(
        await createConsent(narrowSimulator, ISP, scheduled((i) => (i['ChargeBearer'] = 'BorneByCreditor'))()),
        400,
        'UK.OBIE.Field.Invalid',
        'Data.Initiation.ChargeBearer',
      );
      await expect(createConsent(narrowSimulator, ISP, ukInternationalScheduledConsentBody())).resolves.toMatchObject({
        status: 'SUCCESS',
        contractViolations: [],
      });
    });

    it('refuses a frequency the bank does not run (400 UK.OBIE.Unsupported.Frequency) and accepts one it runs', async () => {
      const narrowSimulator = ukSimulator(narrow);
      expectRejected(
        await createConsent(narrowSimulator, ISO, standingOrder((i) => (i['Frequency'] = 'QtrDay:SCOTTISH'))()),
        400,
        'UK.OBIE.Unsupported.Frequency',
        'Data.Initiation.Frequency',
      );
      await expect(
        createConsent(narrowSimulator, ISO, ukInternationalStandingOrderConsentBody()),
      ).resolves.toMatchObject({ status: 'SUCCESS', contractViolations: [] });
    });
  });

  describe.each([
    [ISP, () => ukInternationalScheduledConsentBody(), '/international-scheduled-payments'],
    [ISO, () => ukInternationalStandingOrderConsentBody(), '/international-standing-orders'],
  ])('%s after creation', (path, bodyOf, submission) => {
    it('is retrieved by its TPP as the official response, Links.Self naming it', async () => {
      const body = bodyOf();
      const consentId = await storedConsent(simulator, path, body);
      const call = await callPoint(simulator, 'pre-process-consent-retrieval', {
        consentId,
        consentResourcePath: `${path}/${consentId}`,
        requestHeaders: { 'x-wso2-client-id': UK_JOURNEY_CLIENT_ID },
        consentResource: simulator.store.basicView(consentId, { withAttributes: true }),
      });
      expect(call.contractViolations).toEqual([]);
      expect(call).toMatchObject({
        status: 'SUCCESS',
        data: {
          modifiedResponse: {
            Data: {
              ConsentId: consentId,
              Status: 'AwaitingAuthorisation',
              Permission: 'Create',
              Initiation: (body['Data'] as JsonRecord)['Initiation'],
            },
            Risk: body['Risk'],
            Links: { Self: `https://localhost:8243/open-banking/v3.1/pisp/${path}/${consentId}` },
            Meta: { TotalPages: 1 },
          },
        },
      });
    });

    it('is a consent of its own endpoint only: another endpoint answers 400 UK.OBIE.Resource.NotFound', async () => {
      const consentId = await storedConsent(simulator, path, bodyOf());
      const other = path === ISP ? ISO : ISP;
      const call = await callPoint(simulator, 'pre-process-consent-retrieval', {
        consentId,
        consentResourcePath: `${other}/${consentId}`,
        requestHeaders: { 'x-wso2-client-id': UK_JOURNEY_CLIENT_ID },
        consentResource: simulator.store.basicView(consentId, { withAttributes: true }),
      });
      expectRejected(call, 400, 'UK.OBIE.Resource.NotFound', 'ConsentId');
    });

    it('cannot be deleted by its TPP (405)', async () => {
      const consentId = await storedConsent(simulator, path, bodyOf());
      const exchange = await simulator.revoke(consentId, `${path}/${consentId}`);
      expect(exchange.body).toMatchObject({
        status: 'ERROR',
        errorCode: 405,
        data: { Errors: [{ ErrorCode: 'UK.OBIE.Resource.InvalidConsentStatus' }] },
      });
    });

    it('shows the payment on the consent page, with payable accounts only', async () => {
      const consentId = await storedConsent(simulator, path, bodyOf());
      const screen = await screenOf(simulator, consentId, 'openid payments');
      const boxes = (screen['consentData'] as JsonRecord)['basicConsentData'] as JsonRecord;
      expect(boxes).toMatchObject({
        'Currency of transfer': ['EUR'],
        'Pay to': ['Berlin Supplies GmbH', 'IBAN DE89370400440532013000'],
      });
      if (path === ISP) {
        expect(boxes).toMatchObject({
          Payment: ['Scheduled international payment'],
          Amount: ['250.00 GBP'],
          'Exchange rate': ['Agreed rate: 1 GBP = 1.17 EUR', 'Contract FX-2026-0042'],
          Charges: ["Shared: you pay your bank's charges, the payee pays theirs"],
        });
      } else {
        expect(boxes).toMatchObject({
          Payment: ['International standing order'],
          Amount: ['75.00 EUR'],
          Frequency: ['Every month on day 15'],
          'Number of payments': ['12'],
          Charges: ['Paid by you'],
        });
      }
      expect((screen['consentData'] as JsonRecord)['allowMultipleAccounts']).toBe(false);
    });

    it('lets a submission equal to the consent through once, and refuses one that differs (400 UK.OBIE.Resource.ConsentMismatch)', async () => {
      const body = bodyOf();
      const consentId = await authorisedConsent(simulator, path, body, 'openid payments', UK_CURRENT_ACCOUNT);
      expect(simulator.store.get(consentId).status).toBe('Authorised');
      const submit = (order: JsonRecord, key: string = randomUUID()) =>
        simulator.validateAccess(consentId, {
          electedResource: submission,
          resource: `${UK_PAYMENTS_API}${submission}`,
          httpMethod: 'POST',
          body: order,
          headers: { 'x-idempotency-key': key },
        });
      const changed = ukPaymentOrderSubmission(consentId, body);
      ((changed['Data'] as JsonRecord)['Initiation'] as JsonRecord)['InstructedAmount'] = {
        Amount: '999.00',
        Currency: 'GBP',
      };
      expectAccess(await submit(changed), { errorCode: 400, ukCode: 'UK.OBIE.Resource.ConsentMismatch' });
      const otherConsent = ukPaymentOrderSubmission(randomUUID(), body);
      expectAccess(await submit(otherConsent), { errorCode: 400, ukCode: 'UK.OBIE.Resource.ConsentMismatch' });
      expectAccess(await submit(ukPaymentOrderSubmission(consentId, body), 'order-1'), 'allowed');
      expectAccess(await submit(ukPaymentOrderSubmission(consentId, body), 'order-2'), {
        errorCode: 400,
        ukCode: 'UK.OBIE.Resource.InvalidConsentStatus',
      });
      expectAccess(
        await simulator.validateAccess(consentId, {
          electedResource: '/domestic-payments',
          resource: `${UK_PAYMENTS_API}/domestic-payments`,
          httpMethod: 'POST',
          body: ukPaymentOrderSubmission(consentId, body),
        }),
        { errorCode: 403, ukCode: 'UK.OBIE.Resource.ConsentMismatch' },
      );
    });

    it('is Rejected when the customer denies it', async () => {
      const consentId = await storedConsent(simulator, path, bodyOf());
      const screen = await screenOf(simulator, consentId, 'openid payments');
      const exchange = await simulator.persist(consentId, 'psu@wso2.com', screen, {}, false);
      expect(
        checkExtensionResponse(exchange.extension, exchange.requestId, exchange.httpStatus, exchange.body),
      ).toEqual([]);
      expect(exchange.body).toMatchObject({ status: 'SUCCESS', data: { consentResource: { status: 'Rejected' } } });
      expect(simulator.store.get(consentId).status).toBe('Rejected');
    });
  });
});
