import type { IdentityServerSimulator, JsonRecord } from '@app/testing';
// The berlin journey files are not re-exported by @app/testing yet (barrel change requested in the report).
import {
  berlinConsentBody,
  BERLIN_CLIENT_ID,
  EURO_ACCOUNT,
  FOREIGN_IBAN,
  berlinInitiationHeaders,
  berlinIsoDate,
  berlinPeriodicPaymentBody,
  berlinSepaPaymentBody,
} from '@app/testing';
import { startTestServer, type RunningTestServer } from '../support/test-server.js';
import { berlinSimulator, callPoint, expectTppError, type CheckedResult } from './support/berlin-harness.js';
import { berlinRootModule } from './support/berlin-test-specs.js';

/* pre-process-consent-creation and enrich-consent-creation-response: §B.2, §B.3, §B.6, cases BG-01 to BG-19, BG-26 to BG-29. */

const DEDICATED = {
  balances: [{ iban: EURO_ACCOUNT.iban }],
  transactions: [{ iban: EURO_ACCOUNT.iban }, { maskedPan: '555555xxxxxx4444' }],
};

function create(
  simulator: IdentityServerSimulator,
  path: string,
  body: unknown,
  headers: Record<string, string> = berlinInitiationHeaders(),
): Promise<CheckedResult> {
  return callPoint(simulator, 'pre-process-consent-creation', {
    consentInitiationData: body,
    consentResourcePath: path,
    requestHeaders: { 'x-wso2-client-id': BERLIN_CLIENT_ID, ...headers },
  });
}

function withoutHeader(name: string): Record<string, string> {
  const headers = berlinInitiationHeaders();
  delete headers[name];
  return headers;
}

function without(body: JsonRecord, key: string): JsonRecord {
  const copy = { ...body };
  delete copy[key];
  return copy;
}

describe('Berlin Group consent and payment initiation', () => {
  let server: RunningTestServer;
  let simulator: IdentityServerSimulator;
  beforeAll(async () => {
    server = await startTestServer({ rootModule: berlinRootModule() });
    simulator = berlinSimulator(server);
  });
  afterAll(async () => {
    await server.close();
  });

  describe('a valid AIS consent (§B.8)', () => {
    it('is stored as received with frequency, validity from validUntil, recurringIndicator and the TPP body as receipt', async () => {
      const body = berlinConsentBody(DEDICATED, { validUntil: berlinIsoDate(30) });
      const result = await create(simulator, 'consents', body);
      expect(result.status).toBe('SUCCESS');
      const resource = result.data['consentResource'] as JsonRecord;
      expect(resource).toMatchObject({
        type: 'accounts',
        status: 'received',
        frequency: 4,
        recurringIndicator: true,
        receipt: body,
      });
      const lastDay = Date.parse(`${berlinIsoDate(30)}T00:00:00Z`) / 1000;
      expect(resource['validityTime']).toBe(lastDay + 86_400);
      expect(resource['authorizations']).toEqual([{ type: 'authorisation', status: 'received', resources: [] }]);
      expect(resource['attributes']).toMatchObject({ validUntil: berlinIsoDate(30), accessKind: 'dedicated' });
    });

    it('accepts the example request of §B.8 as it is', async () => {
      const headers = {
        'X-Request-ID': '99391c7e-ad88-49ec-a2ad-99ddcb1f7721',
        'PSU-ID': 'PSU-1234',
        'PSU-IP-Address': '192.168.8.78',
        'TPP-Redirect-Preferred': 'true',
        'TPP-Redirect-URI': 'https://tpp.example.com/cb?state=ok',
      };
      const body = {
        access: {
          balances: [{ iban: 'DE40100100103307118608' }],
          transactions: [{ iban: 'DE40100100103307118608' }, { maskedPan: '123456xxxxxx1234' }],
        },
        recurringIndicator: true,
        validUntil: '2030-11-01',
        frequencyPerDay: 4,
        combinedServiceIndicator: false,
      };
      const result = await create(simulator, 'consents', body, headers);
      expect(result.data['consentResource']).toMatchObject({
        status: 'received',
        attributes: { xRequestId: headers['X-Request-ID'] },
      });
    });

    it('caps validUntil 9999-12-31 at the configured maximum (180 days) and frequencyPerDay at 4', async () => {
      const result = await create(simulator, 'consents', berlinConsentBody(DEDICATED, { frequencyPerDay: 10 }));
      const resource = result.data['consentResource'] as JsonRecord;
      expect(resource['frequency']).toBe(4);
      expect((resource['attributes'] as JsonRecord)['validUntil']).toBe(berlinIsoDate(180));
    });

    it('issue 9 #16 accepts a one-off consent with frequencyPerDay 1 (the valid neighbour)', async () => {
      const body = berlinConsentBody(DEDICATED, { recurringIndicator: false, frequencyPerDay: 1 });
      const result = await create(simulator, 'consents', body);
      expect(result.status).toBe('SUCCESS');
      expect(result.data['consentResource']).toMatchObject({ recurringIndicator: false, frequency: 1, receipt: body });
    });

    it('accepts the headers matched case-insensitively, as the allow-list spells them', async () => {
      const headers = {
        'x-request-id': '99391c7e-ad88-49ec-a2ad-99ddcb1f7721',
        'psu-ip-address': '2001:db8::1',
        'tpp-redirect-preferred': 'false',
      };
      expect((await create(simulator, 'consents', berlinConsentBody(DEDICATED), headers)).status).toBe('SUCCESS');
    });

    it.each([
      ['bank-offered', { accounts: [], balances: [], transactions: [] }, 'bankOffered'],
      [
        'bank-offered with empty additionalInformation',
        { accounts: [], additionalInformation: { ownerName: [] } },
        'bankOffered',
      ],
      [
        'dedicated with trustedBeneficiaries and transactions only (issue 9 #17 neighbour)',
        { transactions: [{ iban: EURO_ACCOUNT.iban }], additionalInformation: { trustedBeneficiaries: [] } },
        'dedicated',
      ],
      [
        'dedicated with ownerName of a named account',
        {
          accounts: [{ iban: EURO_ACCOUNT.iban }],
          additionalInformation: { ownerName: [{ iban: EURO_ACCOUNT.iban }] },
        },
        'dedicated',
      ],
      ['global', { allPsd2: 'allAccountsWithOwnerName' }, 'global'],
      ['available accounts', { availableAccounts: 'allAccounts' }, 'availableAccounts'],
      [
        'available accounts with balance',
        { availableAccountsWithBalance: 'allAccounts' },
        'availableAccountsWithBalance',
      ],
    ])('accepts a %s consent', async (_name, access, kind) => {
      const result = await create(simulator, 'consents', berlinConsentBody(access));
      expect((result.data['consentResource'] as JsonRecord)['attributes']).toMatchObject({ accessKind: kind });
    });
  });

  describe('headers (§B.2)', () => {
    it.each([
      ['BG-01 no X-Request-ID', withoutHeader('X-Request-ID'), 'X-Request-ID'],
      ['BG-02 X-Request-ID not a UUID', { ...berlinInitiationHeaders(), 'X-Request-ID': '12345' }, 'X-Request-ID'],
      ['BG-03 no PSU-IP-Address', withoutHeader('PSU-IP-Address'), 'PSU-IP-Address'],
      [
        'PSU-IP-Address not an IP address',
        { ...berlinInitiationHeaders(), 'PSU-IP-Address': 'localhost' },
        'PSU-IP-Address',
      ],
      [
        'BG-04 TPP-Redirect-Preferred=true without TPP-Redirect-URI',
        withoutHeader('TPP-Redirect-URI'),
        'TPP-Redirect-URI',
      ],
      [
        'TPP-Redirect-Preferred not a boolean',
        { ...berlinInitiationHeaders(), 'TPP-Redirect-Preferred': 'yes' },
        'TPP-Redirect-Preferred',
      ],
      [
        'TPP-Redirect-URI not a URI',
        { ...berlinInitiationHeaders(), 'TPP-Redirect-URI': 'not a uri' },
        'TPP-Redirect-URI',
      ],
      [
        'TPP-Nok-Redirect-URI not a URI',
        { ...berlinInitiationHeaders(), 'TPP-Nok-Redirect-URI': '::' },
        'TPP-Nok-Redirect-URI',
      ],
      ['empty PSU-ID', { ...berlinInitiationHeaders(), 'PSU-ID': ' ' }, 'PSU-ID'],
    ])('%s: 400 FORMAT_ERROR', async (_name, headers, path) => {
      expectTppError(
        await create(simulator, 'consents', berlinConsentBody(DEDICATED), headers),
        400,
        'FORMAT_ERROR',
        path,
      );
    });

    it.each([
      ['Digest without Signature', { Digest: 'SHA-256=x' }, 'SIGNATURE_MISSING'],
      ['Signature without Digest', { Signature: 'keyId="x"' }, 'SIGNATURE_INVALID'],
      ['Signature without certificate', { Signature: 'keyId="x"', Digest: 'SHA-256=x' }, 'CERTIFICATE_MISSING'],
    ])('%s: 401 %s', async (_name, extra, code) => {
      expectTppError(
        await create(simulator, 'consents', berlinConsentBody(DEDICATED), { ...berlinInitiationHeaders(), ...extra }),
        401,
        code,
      );
    });
  });

  describe('body (§B.3, §B.9)', () => {
    const valid = berlinConsentBody(DEDICATED);
    it.each<[string, unknown, string, string | undefined]>([
      ['BG-05 no access', without(valid, 'access'), 'FORMAT_ERROR', 'access'],
      ['BG-06 recurringIndicator missing', without(valid, 'recurringIndicator'), 'FORMAT_ERROR', 'recurringIndicator'],
      [
        'recurringIndicator as a string',
        { ...valid, recurringIndicator: 'true' },
        'FORMAT_ERROR',
        'recurringIndicator',
      ],
      ['BG-07 validUntil 2030-13-45', { ...valid, validUntil: '2030-13-45' }, 'FORMAT_ERROR', 'validUntil'],
      [
        'BG-07 validUntil as a date-time',
        { ...valid, validUntil: '2030-11-01T00:00:00Z' },
        'FORMAT_ERROR',
        'validUntil',
      ],
      ['BG-07 validUntil 2031-02-30', { ...valid, validUntil: '2031-02-30' }, 'FORMAT_ERROR', 'validUntil'],
      ['BG-08 validUntil yesterday', { ...valid, validUntil: berlinIsoDate(-1) }, 'FORMAT_ERROR', 'validUntil'],
      ['BG-09 frequencyPerDay 0', { ...valid, frequencyPerDay: 0 }, 'FORMAT_ERROR', 'frequencyPerDay'],
      ['BG-10 frequencyPerDay missing', without(valid, 'frequencyPerDay'), 'FORMAT_ERROR', 'frequencyPerDay'],
      ['frequencyPerDay 1.5', { ...valid, frequencyPerDay: 1.5 }, 'FORMAT_ERROR', 'frequencyPerDay'],
      [
        'combinedServiceIndicator missing',
        without(valid, 'combinedServiceIndicator'),
        'FORMAT_ERROR',
        'combinedServiceIndicator',
      ],
      [
        'BG-11 combinedServiceIndicator true without sessions',
        { ...valid, combinedServiceIndicator: true },
        'SESSIONS_NOT_SUPPORTED',
        'combinedServiceIndicator',
      ],
      [
        'BG-12 allPsd2 with accounts',
        berlinConsentBody({ allPsd2: 'allAccounts', accounts: [{ iban: EURO_ACCOUNT.iban }] }),
        'FORMAT_ERROR',
        'access',
      ],
      [
        'availableAccounts with balances',
        berlinConsentBody({ availableAccounts: 'allAccounts', balances: [] }),
        'FORMAT_ERROR',
        'access',
      ],
      ['BG-13 allPsd2 everything', berlinConsentBody({ allPsd2: 'everything' }), 'FORMAT_ERROR', 'access.allPsd2'],
      [
        'availableAccounts unknown value',
        berlinConsentBody({ availableAccounts: 'some' }),
        'FORMAT_ERROR',
        'access.availableAccounts',
      ],
      [
        'BG-15 IBAN DE00123 (checksum)',
        berlinConsentBody({ accounts: [{ iban: 'DE00123' }] }),
        'FORMAT_ERROR',
        'access.accounts[0].iban',
      ],
      [
        'IBAN pattern inside a longer text',
        berlinConsentBody({ accounts: [{ iban: 'xxDE89370400440532013000' }] }),
        'FORMAT_ERROR',
        'access.accounts[0].iban',
      ],
      [
        'BG-16 iban and bban',
        berlinConsentBody({ accounts: [{ iban: EURO_ACCOUNT.iban, bban: '370400440532013000' }] }),
        'FORMAT_ERROR',
        'access.accounts[0]',
      ],
      [
        'reference without identifier',
        berlinConsentBody({ accounts: [{ currency: 'EUR' }] }),
        'FORMAT_ERROR',
        'access.accounts[0]',
      ],
      [
        'msisdn not supported',
        berlinConsentBody({ accounts: [{ msisdn: '+49170123456' }] }),
        'FORMAT_ERROR',
        'access.accounts[0].msisdn',
      ],
      [
        'BG-17 currency EURO',
        berlinConsentBody({ accounts: [{ iban: EURO_ACCOUNT.iban, currency: 'EURO' }] }),
        'FORMAT_ERROR',
        'access.accounts[0].currency',
      ],
      [
        'BG-18 ownerName of an unnamed account',
        berlinConsentBody({
          accounts: [{ iban: EURO_ACCOUNT.iban }],
          additionalInformation: { ownerName: [{ iban: FOREIGN_IBAN }] },
        }),
        'SERVICE_INVALID',
        'access.additionalInformation.ownerName[0]',
      ],
      [
        'bank-offered with an ownerName account',
        berlinConsentBody({ accounts: [], additionalInformation: { ownerName: [{ iban: EURO_ACCOUNT.iban }] } }),
        'SERVICE_INVALID',
        'access.additionalInformation.ownerName[0]',
      ],
      [
        'restrictedTo with named accounts',
        berlinConsentBody({ accounts: [{ iban: EURO_ACCOUNT.iban }], restrictedTo: ['CACC'] }),
        'FORMAT_ERROR',
        'access.restrictedTo',
      ],
      [
        'mixed empty and named arrays',
        berlinConsentBody({ accounts: [], balances: [{ iban: EURO_ACCOUNT.iban }] }),
        'FORMAT_ERROR',
        'access.accounts',
      ],
      ['empty access', berlinConsentBody({}), 'FORMAT_ERROR', 'access'],
      ['unknown field', { ...valid, extra: 1 }, 'FORMAT_ERROR', 'extra'],
      ['unknown access field', berlinConsentBody({ ...DEDICATED, cards: [] }), 'FORMAT_ERROR', 'access.cards'],
      ['access as an array', { ...valid, access: [] }, 'FORMAT_ERROR', 'access'],
      ['body not JSON (omitted by the identity server)', undefined, 'FORMAT_ERROR', undefined],
      ['body a JSON array', [valid], 'FORMAT_ERROR', undefined],
      [
        'issue 9 #16 one-off consent with frequencyPerDay 4',
        { ...valid, recurringIndicator: false, frequencyPerDay: 4 },
        'FORMAT_ERROR',
        'frequencyPerDay',
      ],
      [
        'issue 9 #16 one-off consent with frequencyPerDay 2 (below the cap)',
        { ...valid, recurringIndicator: false, frequencyPerDay: 2 },
        'FORMAT_ERROR',
        'frequencyPerDay',
      ],
      [
        'issue 9 #17 additionalInformation in a global consent',
        berlinConsentBody({ allPsd2: 'allAccounts', additionalInformation: { ownerName: [] } }),
        'FORMAT_ERROR',
        'access.additionalInformation',
      ],
      [
        'issue 9 #17 additionalInformation in a list-of-accounts consent',
        berlinConsentBody({ availableAccounts: 'allAccounts', additionalInformation: { trustedBeneficiaries: [] } }),
        'FORMAT_ERROR',
        'access.additionalInformation',
      ],
      [
        'empty ownerName beside named accounts',
        berlinConsentBody({ balances: [{ iban: EURO_ACCOUNT.iban }], additionalInformation: { ownerName: [] } }),
        'FORMAT_ERROR',
        'access.additionalInformation.ownerName',
      ],
    ])('%s: 400 %s', async (_name, body, code, path) => {
      expectTppError(await create(simulator, 'consents', body), 400, code, path);
    });

    it('the same bad request always gives the same first error', async () => {
      const bad = { ...valid, validUntil: 'soon', frequencyPerDay: 0 };
      const first = await create(simulator, 'consents', bad);
      const second = await create(simulator, 'consents', bad);
      // Two faults (validUntil not a date, frequencyPerDay 0): validUntil is reported, on every call.
      expectTppError(first, 400, 'FORMAT_ERROR', 'validUntil');
      expect(first.data).toEqual({
        tppMessages: [
          {
            category: 'ERROR',
            code: 'FORMAT_ERROR',
            path: 'validUntil',
            text: 'Wrong format for \'validUntil\': validUntil must match format "date"',
          },
        ],
      });
      expectTppError(second, 400, 'FORMAT_ERROR', 'validUntil');
      expect(second.data).toEqual(first.data);
    });

    it('answers hostile values with its own error or a capped value, never a crash', async () => {
      const nested = { access: { accounts: [{ iban: { deep: [[['x']]] } }] } };
      expectTppError(
        await create(simulator, 'consents', { ...valid, ...nested }),
        400,
        'FORMAT_ERROR',
        'access.accounts[0].iban',
      );
      expectTppError(
        await create(simulator, 'consents', { ...valid, validUntil: 'x'.repeat(100_000) }),
        400,
        'FORMAT_ERROR',
        'validUntil',
      );
      const huge = await create(simulator, 'consents', { ...valid, frequencyPerDay: 1e300 });
      expect((huge.data['consentResource'] as JsonRecord)['frequency']).toBe(4);
    });
  });

  describe('payments (§B.6)', () => {
    it.each([
      'sepa-credit-transfers',
      'instant-sepa-credit-transfers',
      'target-2-payments',
      'cross-border-credit-transfers',
    ])('initiates payments/%s as RCVD with the service and product kept', async (product) => {
      const result = await create(simulator, `payments/${product}`, berlinSepaPaymentBody(EURO_ACCOUNT.iban));
      expect(result.data['consentResource']).toMatchObject({
        type: 'payments',
        status: 'RCVD',
        frequency: 0,
        validityTime: 0,
        attributes: { paymentService: 'payments', paymentProduct: product },
      });
    });

    it('initiates a periodic payment and a bulk payment', async () => {
      expect(
        (
          await create(
            simulator,
            'periodic-payments/sepa-credit-transfers',
            berlinPeriodicPaymentBody(EURO_ACCOUNT.iban),
          )
        ).status,
      ).toBe('SUCCESS');
      const bulk = {
        debtorAccount: { iban: EURO_ACCOUNT.iban },
        payments: [without(berlinSepaPaymentBody(EURO_ACCOUNT.iban), 'debtorAccount')],
      };
      expect((await create(simulator, 'bulk-payments/sepa-credit-transfers', bulk)).status).toBe('SUCCESS');
    });

    const payment = berlinSepaPaymentBody(EURO_ACCOUNT.iban);
    it.each<[string, string, unknown, number, string, string | undefined]>([
      [
        'BG-26 creditorName missing',
        'payments/sepa-credit-transfers',
        without(payment, 'creditorName'),
        400,
        'FORMAT_ERROR',
        'creditorName',
      ],
      [
        'BG-27 requestedExecutionDate in the past',
        'payments/sepa-credit-transfers',
        { ...payment, requestedExecutionDate: berlinIsoDate(-1) },
        400,
        'EXECUTION_DATE_INVALID',
        'requestedExecutionDate',
      ],
      ['BG-28 unknown product', 'payments/unknown-product', payment, 404, 'PRODUCT_UNKNOWN', undefined],
      [
        'pain.001 product (XML) not offered',
        'payments/pain.001-sepa-credit-transfers',
        payment,
        404,
        'PRODUCT_UNKNOWN',
        undefined,
      ],
      [
        'BG-29 amount 10.1234',
        'payments/sepa-credit-transfers',
        { ...payment, instructedAmount: { currency: 'EUR', amount: '10.1234' } },
        400,
        'FORMAT_ERROR',
        'instructedAmount.amount',
      ],
      [
        'EUR amount with 3 decimals',
        'payments/sepa-credit-transfers',
        { ...payment, instructedAmount: { currency: 'EUR', amount: '10.123' } },
        400,
        'FORMAT_ERROR',
        'instructedAmount.amount',
      ],
      [
        'zero amount',
        'payments/sepa-credit-transfers',
        { ...payment, instructedAmount: { currency: 'EUR', amount: '0.00' } },
        400,
        'FORMAT_ERROR',
        'instructedAmount.amount',
      ],
      [
        'currency EURO',
        'payments/sepa-credit-transfers',
        { ...payment, instructedAmount: { currency: 'EURO', amount: '1.00' } },
        400,
        'FORMAT_ERROR',
        'instructedAmount.currency',
      ],
      [
        'creditorAgent not a BIC',
        'payments/sepa-credit-transfers',
        { ...payment, creditorAgent: 'XXAAAADEFFXXX' },
        400,
        'FORMAT_ERROR',
        'creditorAgent',
      ],
      [
        'creditorAddress country DEU',
        'payments/sepa-credit-transfers',
        { ...payment, creditorAddress: { country: 'DEU' } },
        400,
        'FORMAT_ERROR',
        'creditorAddress.country',
      ],
      [
        'creditorName over 70 characters',
        'payments/sepa-credit-transfers',
        { ...payment, creditorName: 'x'.repeat(71) },
        400,
        'FORMAT_ERROR',
        'creditorName',
      ],
      [
        'debtorAccount missing',
        'payments/sepa-credit-transfers',
        without(payment, 'debtorAccount'),
        400,
        'FORMAT_ERROR',
        'debtorAccount',
      ],
      [
        'creditor IBAN with a bad checksum',
        'payments/sepa-credit-transfers',
        { ...payment, creditorAccount: { iban: 'DE00370400440532013000' } },
        400,
        'FORMAT_ERROR',
        'creditorAccount.iban',
      ],
      [
        'periodic without startDate',
        'periodic-payments/sepa-credit-transfers',
        without(berlinPeriodicPaymentBody(EURO_ACCOUNT.iban), 'startDate'),
        400,
        'FORMAT_ERROR',
        'startDate',
      ],
      [
        'periodic with an unknown frequency',
        'periodic-payments/sepa-credit-transfers',
        { ...berlinPeriodicPaymentBody(EURO_ACCOUNT.iban), frequency: 'Hourly' },
        400,
        'FORMAT_ERROR',
        'frequency',
      ],
      [
        'periodic starting yesterday',
        'periodic-payments/sepa-credit-transfers',
        { ...berlinPeriodicPaymentBody(EURO_ACCOUNT.iban), startDate: berlinIsoDate(-1) },
        400,
        'EXECUTION_DATE_INVALID',
        'startDate',
      ],
      [
        'periodic ending before it starts',
        'periodic-payments/sepa-credit-transfers',
        { ...berlinPeriodicPaymentBody(EURO_ACCOUNT.iban), endDate: berlinIsoDate(0) },
        400,
        'EXECUTION_DATE_INVALID',
        'endDate',
      ],
      [
        'bulk without payments',
        'bulk-payments/sepa-credit-transfers',
        { debtorAccount: { iban: EURO_ACCOUNT.iban }, payments: [] },
        400,
        'FORMAT_ERROR',
        'payments',
      ],
      ['unknown payment service', 'standing-orders/sepa-credit-transfers', payment, 404, 'RESOURCE_UNKNOWN', undefined],
    ])('%s: %s %s', async (_name, path, body, errorCode, code, tppPath) => {
      expectTppError(await create(simulator, path, body), errorCode, code, tppPath);
    });

    it('a requestedExecutionDate on a Saturday: 400 EXECUTION_DATE_INVALID, except for instant payments', async () => {
      const saturday = berlinIsoDate(((6 - new Date().getUTCDay() + 7) % 7) + 7);
      const body = { ...payment, requestedExecutionDate: saturday };
      expectTppError(
        await create(simulator, 'payments/sepa-credit-transfers', body),
        400,
        'EXECUTION_DATE_INVALID',
        'requestedExecutionDate',
      );
      expect((await create(simulator, 'payments/instant-sepa-credit-transfers', body)).status).toBe('SUCCESS');
    });

    it('requires PSU-IP-Address on payment initiation', async () => {
      expectTppError(
        await create(simulator, 'payments/sepa-credit-transfers', payment, withoutHeader('PSU-IP-Address')),
        400,
        'FORMAT_ERROR',
        'PSU-IP-Address',
      );
    });
  });

  describe('funds-confirmation consents (PIIS)', () => {
    it('creates a received consent on one account', async () => {
      const result = await create(simulator, 'consents/confirmation-of-funds', {
        account: { iban: EURO_ACCOUNT.iban },
        cardNumber: '1234',
      });
      expect(result.data['consentResource']).toMatchObject({ type: 'fundsconfirmations', status: 'received' });
    });

    it.each<[string, unknown, string]>([
      ['no account', { cardNumber: '1' }, 'account'],
      ['bad IBAN', { account: { iban: 'DE00123' } }, 'account.iban'],
      ['unknown field', { account: { iban: EURO_ACCOUNT.iban }, validUntil: '2030-01-01' }, 'validUntil'],
      [
        'cardExpiryDate not a date',
        { account: { iban: EURO_ACCOUNT.iban }, cardExpiryDate: '12/30' },
        'cardExpiryDate',
      ],
    ])('%s: 400 FORMAT_ERROR', async (_name, body, path) => {
      expectTppError(await create(simulator, 'consents/confirmation-of-funds', body), 400, 'FORMAT_ERROR', path);
    });
  });

  it('has no consent files: upload and file retrieval are 405 SERVICE_INVALID', async () => {
    const upload = await callPoint(simulator, 'pre-process-consent-file-upload', {
      consentId: 'c1',
      fileContent: '<xml/>',
      consentResourcePath: 'bulk-payments/c1/file',
      requestHeaders: {},
    });
    expectTppError(upload, 405, 'SERVICE_INVALID');
    expectTppError(
      await callPoint(simulator, 'validate-consent-file-retrieval', {
        consentId: 'c1',
        consentResourcePath: 'bulk-payments/c1/file',
      }),
      405,
      'SERVICE_INVALID',
    );
  });

  describe('the creation response (§B.4)', () => {
    it('has consentStatus, consentId and the Redirect links, and echoes X-Request-ID with Location and ASPSP-SCA-Approach', async () => {
      const headers = berlinInitiationHeaders();
      const created = await create(simulator, 'consents', berlinConsentBody(DEDICATED), headers);
      const consentId = simulator.store.createConsent(created.data['consentResource'], BERLIN_CLIENT_ID).id;
      const view = simulator.store.detailedView(consentId);
      const result = await callPoint(simulator, 'enrich-consent-creation-response', {
        consentId,
        consentResourcePath: 'consents',
        consentResource: view,
      });
      const authorisationId = view.authorizations?.[0]?.id ?? '';
      expect(result.data).toEqual({
        modifiedResponse: {
          consentStatus: 'received',
          consentId,
          _links: {
            scaRedirect: { href: `https://localhost:9446/oauth2/authorize?consentId=${consentId}` },
            self: { href: `/v1/consents/${consentId}` },
            status: { href: `/v1/consents/${consentId}/status` },
            scaStatus: { href: `/v1/consents/${consentId}/authorisations/${authorisationId}` },
          },
        },
        responseHeaders: {
          'X-Request-ID': headers['X-Request-ID'],
          Location: `/v1/consents/${consentId}`,
          'ASPSP-SCA-Approach': 'REDIRECT',
        },
      });
    });

    it('answers a payment with transactionStatus RCVD, paymentId and the payment links', async () => {
      const created = await create(
        simulator,
        'periodic-payments/sepa-credit-transfers',
        berlinPeriodicPaymentBody(EURO_ACCOUNT.iban),
      );
      const paymentId = simulator.store.createConsent(created.data['consentResource'], BERLIN_CLIENT_ID).id;
      const result = await callPoint(simulator, 'enrich-consent-creation-response', {
        consentId: paymentId,
        consentResourcePath: 'periodic-payments/sepa-credit-transfers',
        consentResource: simulator.store.detailedView(paymentId),
      });
      expect(result.data['modifiedResponse']).toMatchObject({
        transactionStatus: 'RCVD',
        paymentId,
        _links: { self: { href: `/v1/periodic-payments/sepa-credit-transfers/${paymentId}` } },
      });
    });
  });
});

describe('Berlin Group ASPSP choices (settings)', () => {
  let server: RunningTestServer;
  let simulator: IdentityServerSimulator;
  beforeAll(async () => {
    server = await startTestServer({
      rootModule: berlinRootModule({
        env: {
          BERLIN_SCA_APPROACH: 'EMBEDDED',
          BERLIN_GLOBAL_CONSENT: 'false',
          BERLIN_AVAILABLE_ACCOUNTS_CONSENT: 'false',
          BERLIN_COMBINED_SERVICE_SESSIONS: 'true',
          BERLIN_IBAN_CHECKSUM: 'false',
          BERLIN_MAX_CONSENT_VALIDITY_DAYS: '90',
          BERLIN_MAX_FREQUENCY_PER_DAY: '8',
          BERLIN_PAYMENT_PRODUCTS: 'sepa-credit-transfers',
        },
      }),
    });
    simulator = berlinSimulator(server);
  });
  afterAll(async () => {
    await server.close();
  });

  it.each<[string, JsonRecord]>([
    ['BG-14 global consent', { allPsd2: 'allAccounts' }],
    ['available accounts', { availableAccounts: 'allAccounts' }],
    ['BG-19 bank-offered consent with Embedded SCA', { accounts: [], balances: [] }],
  ])('%s not supported: 400 SERVICE_INVALID', async (_name, access) => {
    expectTppError(await create(simulator, 'consents', berlinConsentBody(access)), 400, 'SERVICE_INVALID');
  });

  it('accepts combined sessions, IBANs without checksum, 8 per day and caps validity at 90 days', async () => {
    const body = berlinConsentBody(
      { accounts: [{ iban: 'DE00370400440532013000' }] },
      { combinedServiceIndicator: true, frequencyPerDay: 8 },
    );
    const resource = (await create(simulator, 'consents', body)).data['consentResource'] as JsonRecord;
    expect(resource).toMatchObject({ frequency: 8, attributes: { validUntil: berlinIsoDate(90) } });
  });

  it('offers only the configured payment products', async () => {
    expectTppError(
      await create(simulator, 'payments/instant-sepa-credit-transfers', berlinSepaPaymentBody(EURO_ACCOUNT.iban)),
      404,
      'PRODUCT_UNKNOWN',
    );
  });

  it('gives Embedded links: startAuthorisationWithPsuAuthentication, no scaRedirect', async () => {
    const created = await create(simulator, 'consents', berlinConsentBody({ accounts: [{ iban: EURO_ACCOUNT.iban }] }));
    const consentId = simulator.store.createConsent(created.data['consentResource'], BERLIN_CLIENT_ID).id;
    const result = await callPoint(simulator, 'enrich-consent-creation-response', {
      consentId,
      consentResourcePath: 'consents',
      consentResource: simulator.store.detailedView(consentId),
    });
    expect(Object.keys((result.data['modifiedResponse'] as JsonRecord)['_links'] as JsonRecord)).toEqual([
      'startAuthorisationWithPsuAuthentication',
      'self',
      'status',
    ]);
  });
});

describe('Berlin Group with a one-off list of available accounts', () => {
  let server: RunningTestServer;
  let simulator: IdentityServerSimulator;
  beforeAll(async () => {
    server = await startTestServer({
      rootModule: berlinRootModule({ env: { BERLIN_AVAILABLE_ACCOUNTS_ONE_OFF: 'true' } }),
    });
    simulator = berlinSimulator(server);
  });
  afterAll(async () => {
    await server.close();
  });

  it('refuses a recurring availableAccounts consent: 400 FORMAT_ERROR; accepts a one-off one', async () => {
    expectTppError(
      await create(simulator, 'consents', berlinConsentBody({ availableAccounts: 'allAccounts' })),
      400,
      'FORMAT_ERROR',
      'recurringIndicator',
    );
    const oneOff = berlinConsentBody(
      { availableAccountsWithBalance: 'allAccounts' },
      { recurringIndicator: false, frequencyPerDay: 1 },
    );
    expect((await create(simulator, 'consents', oneOff)).status).toBe('SUCCESS');
  });
});
