import { randomUUID } from 'node:crypto';
import type { FileUpload, IdentityServerSimulator, JsonRecord, SimulatedExchange } from '@app/testing';
import {
  UK_CURRENT_ACCOUNT,
  UK_FILE_PAYMENTS,
  UK_JOURNEY_CLIENT_ID,
  UK_JOURNEY_USER,
  UK_OTHER_CLIENT_ID,
  UK_PAYMENTS_API,
  checkExtensionResponse,
  selectAccounts,
  signDetachedContent,
  ukFileHash,
  ukFilePaymentConsentBody,
  ukPain001File,
  ukPaymentInitiationFile,
} from '@app/testing';
import { callPoint, createConsent, firstUkError, type CheckedCall } from './support/uk-calls.js';
import { displayNameOf, requestObject, screenOf } from './support/uk-consent-setup.js';
import { paymentInitiationSchema } from './support/uk-official-responses.js';
import { startUkServerForFile, startUkTestServer, ukSimulator } from './support/uk-test-server.js';

/*
 * File payments (v3.1.11 file-payment-consents): the metadata (OBWriteFileConsent3), then the three file points of
 * the contract — pre-process-consent-file-upload (hash, FileType, count, total, debtor, size), enrich-consent-file-
 * response and validate-consent-file-retrieval — the consent page with the file's summary, persist, and the payment
 * order. Every rule with its status, UK.OBIE code and Path; every answer through the contract matcher.
 */

const PATH = 'file-payment-consents';
const PAIN = 'UK.OBIE.pain.001.001.08';
const JSON_FILE = 'UK.OBIE.PaymentInitiation.3.1';
const DAY_MS = 86_400_000;
const inDays = (days: number): string => `${new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 19)}+00:00`;
const consentResponse = paymentInitiationSchema('OBWriteFileConsentResponse4');

function expectUkError(call: CheckedCall, status: number, code: string, errorPath?: string): void {
  expect(call.contractViolations).toEqual([]);
  expect({ httpStatus: call.httpStatus, status: call.status, errorCode: call.errorCode }).toEqual({
    httpStatus: 200,
    status: 'ERROR',
    errorCode: status,
  });
  expect(firstUkError(call)).toEqual({
    ErrorCode: code,
    Message: expect.any(String),
    ...(errorPath === undefined ? {} : { Path: errorPath }),
  });
}

function asCall(exchange: SimulatedExchange): CheckedCall {
  const body = (exchange.body ?? {}) as JsonRecord;
  return {
    httpStatus: exchange.httpStatus,
    status: body['status'],
    errorCode: body['errorCode'],
    data: (body['data'] ?? {}) as JsonRecord,
    contractViolations: checkExtensionResponse(
      exchange.extension,
      exchange.requestId,
      exchange.httpStatus,
      exchange.body,
    ),
  };
}

describe('UK file payments', () => {
  let simulator: IdentityServerSimulator;
  startUkServerForFile((started) => {
    ({ simulator } = started);
  });

  /** A file-payment consent, signed and idempotent as the TPP sends it, stored as the identity server stores it. */
  async function fileConsent(body: JsonRecord, on: IdentityServerSimulator = simulator): Promise<string> {
    const idempotencyKey = randomUUID();
    const creation = await createConsent(on, PATH, body, { idempotencyKey });
    expect(creation).toMatchObject({
      status: 'SUCCESS',
      contractViolations: [],
      data: { consentResource: { status: 'AwaitingUpload' } },
    });
    return on.store.createConsent(creation.data['consentResource'], UK_JOURNEY_CLIENT_ID, idempotencyKey).id;
  }

  /** The upload as the TPP sends it: idempotency key, and a signature over the file's text. */
  async function upload(
    consentId: string,
    content: string,
    headers: Record<string, string | null> = {},
    on: IdentityServerSimulator = simulator,
  ): Promise<FileUpload> {
    const sent: Record<string, string> = {
      'x-idempotency-key': randomUUID(),
      'x-jws-signature': await signDetachedContent(content),
    };
    for (const [name, value] of Object.entries(headers)) {
      if (value === null) {
        delete sent[name];
      } else {
        sent[name] = value;
      }
    }
    return on.uploadFile(consentId, content, { path: `${PATH}/${consentId}/file`, headers: sent });
  }

  describe('creation (pre-process-consent-creation)', () => {
    it.each([
      ['a pain.001 file', PAIN, ukPain001File()],
      ['a JSON file', JSON_FILE, ukPaymentInitiationFile()],
    ])(
      'accepts the metadata of %s: AwaitingUpload, answered as OBWriteFileConsentResponse4 without Risk',
      async (_case, fileType, content) => {
        const body = ukFilePaymentConsentBody(fileType as typeof PAIN, content);
        const creation = await createConsent(simulator, PATH, body);
        expect(creation).toMatchObject({
          status: 'SUCCESS',
          contractViolations: [],
          data: {
            consentResource: {
              type: 'file-payments',
              status: 'AwaitingUpload',
              validityTime: 0,
              recurringIndicator: false,
              receipt: body,
            },
          },
        });
        const consentId = simulator.store.createConsent(
          creation.data['consentResource'],
          UK_JOURNEY_CLIENT_ID,
          'key-1',
        ).id;
        const enrichment = await callPoint(simulator, 'enrich-consent-creation-response', {
          consentId,
          consentResourcePath: PATH,
          consentResource: simulator.store.detailedView(consentId),
        });
        expect(enrichment).toMatchObject({ status: 'SUCCESS', contractViolations: [] });
        const response = enrichment.data['modifiedResponse'] as JsonRecord;
        expect(consentResponse(response)).toBeUndefined();
        expect(response).toMatchObject({
          Data: {
            ConsentId: consentId,
            Status: 'AwaitingUpload',
            Initiation: (body['Data'] as JsonRecord)['Initiation'],
          },
          Links: { Self: expect.stringContaining(`/pisp/${PATH}/${consentId}`) },
        });
        expect(response).not.toHaveProperty('Risk');
      },
    );

    const withInitiation = (extra: JsonRecord) => ukFilePaymentConsentBody(PAIN, ukPain001File(), extra);
    it.each<[string, () => JsonRecord, string, string]>([
      [
        'schema: FileHash missing',
        () => withInitiation({ FileHash: undefined }),
        'UK.OBIE.Field.Missing',
        'Data.Initiation.FileHash',
      ],
      [
        'schema: FileHash of 45 characters',
        () => withInitiation({ FileHash: 'A'.repeat(45) }),
        'UK.OBIE.Field.Invalid',
        'Data.Initiation.FileHash',
      ],
      [
        'schema: a Risk (OBWriteFileConsent3 has none)',
        () => ({ ...withInitiation({}), Risk: {} }),
        'UK.OBIE.Resource.InvalidFormat',
        'Risk',
      ],
      [
        'schema: ControlSum as text',
        () => withInitiation({ ControlSum: '3459.30' }),
        'UK.OBIE.Field.Invalid',
        'Data.Initiation.ControlSum',
      ],
      [
        'a FileType of no v3.1.11 format',
        () => withInitiation({ FileType: 'UK.OBIE.PaymentInitiation.4.0' }),
        'UK.OBIE.Field.Invalid',
        'Data.Initiation.FileType',
      ],
      [
        'a FileHash that is no SHA-256',
        () => withInitiation({ FileHash: 'c2hhMQ==' }),
        'UK.OBIE.Field.Invalid',
        'Data.Initiation.FileHash',
      ],
      [
        'NumberOfTransactions "3x"',
        () => withInitiation({ NumberOfTransactions: '3x' }),
        'UK.OBIE.Field.Invalid',
        'Data.Initiation.NumberOfTransactions',
      ],
      [
        'NumberOfTransactions "0"',
        () => withInitiation({ NumberOfTransactions: '0' }),
        'UK.OBIE.Field.Invalid',
        'Data.Initiation.NumberOfTransactions',
      ],
      ['ControlSum 0', () => withInitiation({ ControlSum: 0 }), 'UK.OBIE.Field.Invalid', 'Data.Initiation.ControlSum'],
      [
        'an execution date in the past',
        () => withInitiation({ RequestedExecutionDateTime: inDays(-1) }),
        'UK.OBIE.Field.InvalidDate',
        'Data.Initiation.RequestedExecutionDateTime',
      ],
      [
        'an unknown LocalInstrument',
        () => withInitiation({ LocalInstrument: 'UK.OBIE.Pigeon' }),
        'UK.OBIE.Unsupported.LocalInstrument',
        'Data.Initiation.LocalInstrument',
      ],
    ])('refuses %s', async (_case, body, code, errorPath) => {
      expectUkError(await createConsent(simulator, PATH, body()), 400, code, errorPath);
    });

    it.each([
      ['no x-idempotency-key', { idempotencyKey: null }, 'UK.OBIE.Header.Missing', 'x-idempotency-key'],
      ['no x-jws-signature', { signature: null }, 'UK.OBIE.Signature.Missing', 'x-jws-signature'],
    ] as const)('refuses %s', async (_case, headers, code, errorPath) => {
      expectUkError(
        await createConsent(simulator, PATH, ukFilePaymentConsentBody(PAIN, ukPain001File()), headers),
        400,
        code,
        errorPath,
      );
    });
  });

  describe('upload (pre-process-consent-file-upload and enrich-consent-file-response)', () => {
    it.each([
      ['pain.001', PAIN, ukPain001File()],
      ['JSON', JSON_FILE, ukPaymentInitiationFile()],
    ])(
      "accepts the %s file whose hash, count and total are the consent's: AwaitingAuthorisation",
      async (_case, fileType, content) => {
        const consentId = await fileConsent(ukFilePaymentConsentBody(fileType as typeof PAIN, content));
        const { upload: answer, enrichment } = await upload(consentId, content);
        expect(asCall(answer)).toMatchObject({
          httpStatus: 200,
          status: 'SUCCESS',
          contractViolations: [],
          data: { consentStatus: 'AwaitingAuthorisation', userId: UK_JOURNEY_CLIENT_ID },
        });
        expect(asCall(enrichment!)).toMatchObject({
          status: 'SUCCESS',
          contractViolations: [],
          data: { modifiedResponse: {}, responseHeaders: {} },
        });
        expect(simulator.store.get(consentId).status).toBe('AwaitingAuthorisation');
      },
    );

    it('refuses a file whose SHA-256 is not the FileHash (400 UK.OBIE.Resource.ConsentMismatch), which stays AwaitingUpload; the right file is then accepted', async () => {
      const content = ukPain001File();
      const consentId = await fileConsent(ukFilePaymentConsentBody(PAIN, content));
      const wrong = await upload(consentId, content.replace('1500.00', '1500.01'));
      expectUkError(asCall(wrong.upload), 400, 'UK.OBIE.Resource.ConsentMismatch', 'Data.Initiation.FileHash');
      expect(wrong.enrichment).toBeUndefined();
      expect(simulator.store.get(consentId).status).toBe('AwaitingUpload');
      expect(asCall((await upload(consentId, content)).upload)).toMatchObject({
        status: 'SUCCESS',
        data: { consentStatus: 'AwaitingAuthorisation' },
      });
    });

    it('takes a file once: a second upload is 400 UK.OBIE.Resource.InvalidConsentStatus', async () => {
      const content = ukPain001File();
      const consentId = await fileConsent(ukFilePaymentConsentBody(PAIN, content));
      await upload(consentId, content);
      expectUkError(asCall((await upload(consentId, content)).upload), 400, 'UK.OBIE.Resource.InvalidConsentStatus');
    });

    const pain = ukPain001File();
    it.each<[string, JsonRecord, string, string, number, string, string | undefined]>([
      [
        "a count other than the consent's",
        { NumberOfTransactions: '4' },
        PAIN,
        pain,
        400,
        'UK.OBIE.Resource.ConsentMismatch',
        'Data.Initiation.NumberOfTransactions',
      ],
      [
        "a total other than the consent's",
        { ControlSum: 3459.31 },
        PAIN,
        pain,
        400,
        'UK.OBIE.Resource.ConsentMismatch',
        'Data.Initiation.ControlSum',
      ],
      [
        "another debtor than the consent's",
        { DebtorAccount: { SchemeName: 'UK.OBIE.SortCodeAccountNumber', Identification: '60161331926819' } },
        PAIN,
        pain,
        400,
        'UK.OBIE.Resource.ConsentMismatch',
        'Data.Initiation.DebtorAccount',
      ],
      [
        'a file of another FileType',
        {},
        PAIN,
        ukPaymentInitiationFile(),
        400,
        'UK.OBIE.Resource.InvalidFormat',
        undefined,
      ],
      [
        'XML that is not well-formed',
        {},
        PAIN,
        pain.replace('</GrpHdr>', ''),
        400,
        'UK.OBIE.Resource.InvalidFormat',
        undefined,
      ],
      [
        'a pain.001 whose header count disagrees with it',
        {},
        PAIN,
        pain.replace('<NbOfTxs>3</NbOfTxs>\n      <CtrlSum>', '<NbOfTxs>2</NbOfTxs>\n      <CtrlSum>'),
        400,
        'UK.OBIE.Resource.InvalidFormat',
        'Document.CstmrCdtTrfInitn.GrpHdr.NbOfTxs',
      ],
      [
        'a pain.001 amount in a currency the bank does not handle',
        { ControlSum: undefined },
        PAIN,
        pain.replace('Ccy="GBP">724.80', 'Ccy="JPY">724.80'),
        400,
        'UK.OBIE.Unsupported.Currency',
        'Document.CstmrCdtTrfInitn.PmtInf[0].CdtTrfTxInf[2].Amt.InstdAmt.Ccy',
      ],
      [
        "a JSON payment without its creditor's name",
        {},
        JSON_FILE,
        ukPaymentInitiationFile().replace('"Name":"GHI Semiconductors"', '"Nickname":"GHI"'),
        400,
        'UK.OBIE.Field.Missing',
        'Data.DomesticPayments[1].CreditorAccount.Name',
      ],
    ])('refuses %s', async (_case, extra, fileType, content, status, code, errorPath) => {
      // The consent describes exactly this file's bytes: only the rule under test can refuse it.
      const body = ukFilePaymentConsentBody(fileType as typeof PAIN, content, {
        ...extra,
        FileHash: ukFileHash(content),
      });
      const consentId = await fileConsent(body);
      expectUkError(asCall((await upload(consentId, content)).upload), status, code, errorPath);
      expect(simulator.store.get(consentId).status).toBe('AwaitingUpload');
    });

    it.each<[string, Record<string, string | null>, string, string]>([
      ['no x-idempotency-key', { 'x-idempotency-key': null }, 'UK.OBIE.Header.Missing', 'x-idempotency-key'],
      ['no x-jws-signature', { 'x-jws-signature': null }, 'UK.OBIE.Signature.Missing', 'x-jws-signature'],
      [
        'a signature over another file',
        { 'x-jws-signature': 'SIGNED_OTHER' },
        'UK.OBIE.Signature.Invalid',
        'x-jws-signature',
      ],
    ])('refuses %s', async (_case, headers, code, errorPath) => {
      const content = ukPain001File();
      const consentId = await fileConsent(ukFilePaymentConsentBody(PAIN, content));
      const sent =
        headers['x-jws-signature'] === 'SIGNED_OTHER'
          ? { 'x-jws-signature': await signDetachedContent(`${content} `) }
          : headers;
      expectUkError(asCall((await upload(consentId, content, sent)).upload), 400, code, errorPath);
    });

    it('refuses another TPP (403 UK.OBIE.Resource.NotFound) and a file sent to a consent that takes none (404)', async () => {
      const content = ukPain001File();
      const consentId = await fileConsent(ukFilePaymentConsentBody(PAIN, content));
      const foreign = await callPoint(simulator, 'pre-process-consent-file-upload', {
        consentId,
        fileContent: content,
        consentResourcePath: `${PATH}/${consentId}/file`,
        requestHeaders: { 'x-wso2-client-id': UK_OTHER_CLIENT_ID, 'x-idempotency-key': 'k-1' },
        consentResource: simulator.store.detailedView(consentId),
      });
      expectUkError(foreign, 403, 'UK.OBIE.Resource.NotFound', 'ConsentId');
      const wrongPath = await callPoint(simulator, 'pre-process-consent-file-upload', {
        consentId,
        fileContent: content,
        consentResourcePath: `domestic-payment-consents/${consentId}/file`,
        requestHeaders: { 'x-wso2-client-id': UK_JOURNEY_CLIENT_ID, 'x-idempotency-key': 'k-1' },
        consentResource: simulator.store.detailedView(consentId),
      });
      expectUkError(wrongPath, 404, 'UK.OBIE.Resource.NotFound');
    });

    it('refuses a file larger than UK_FILE_MAX_BYTES (413 UK.OBIE.Resource.InvalidFormat) and accepts one within it', async () => {
      const small = await startUkTestServer({ UK_FILE_MAX_BYTES: '2048' });
      try {
        const smallSimulator = ukSimulator(small);
        const large = ukPain001File(Array.from({ length: 12 }, () => UK_FILE_PAYMENTS[0]));
        const consentId = await fileConsent(
          ukFilePaymentConsentBody(PAIN, large, { NumberOfTransactions: '12', ControlSum: 18000 }),
          smallSimulator,
        );
        const refused = await upload(consentId, large, {}, smallSimulator);
        expectUkError(asCall(refused.upload), 413, 'UK.OBIE.Resource.InvalidFormat');
        expect(asCall(refused.upload).data['Code']).toBe('413 PayloadTooLarge');
        const fits = ukPain001File(UK_FILE_PAYMENTS.slice(0, 1));
        const fitting = await fileConsent(
          ukFilePaymentConsentBody(PAIN, fits, { NumberOfTransactions: '1', ControlSum: 1500 }),
          smallSimulator,
        );
        const accepted = await upload(fitting, fits, {}, smallSimulator);
        expect(asCall(accepted.upload)).toMatchObject({ status: 'SUCCESS', contractViolations: [] });
      } finally {
        await small.close();
      }
    });
  });

  describe('after the upload', () => {
    let consentId: string;
    const content = ukPain001File();
    beforeAll(async () => {
      consentId = await fileConsent(ukFilePaymentConsentBody(PAIN, content));
    });

    it('has no file to download before its upload (400 UK.OBIE.Resource.InvalidConsentStatus), and no consent page', async () => {
      expectUkError(
        asCall((await simulator.retrieveFile(consentId, `${PATH}/${consentId}/file`)).exchange),
        400,
        'UK.OBIE.Resource.InvalidConsentStatus',
      );
      const exchange = await simulator.populateScreen(
        consentId,
        UK_JOURNEY_USER,
        requestObject(consentId, 'openid payments'),
      );
      expect(asCall(exchange)).toMatchObject({
        status: 'ERROR',
        contractViolations: [],
        data: { errorMessage: 'The consent is AwaitingUpload, not awaiting authorisation' },
      });
      expect(simulator.store.get(consentId).status).toBe('AwaitingUpload');
    });

    it("shows the file's summary on the consent page, debiting the account the file names", async () => {
      await upload(consentId, content);
      const screen = await screenOf(simulator, consentId, 'openid payments');
      const consentData = screen['consentData'] as JsonRecord;
      expect(consentData['basicConsentData']).toEqual({
        Payment: ['File payment'],
        File: ['Reference SUPPLIERS-DEC', 'ISO 20022 payment file (pain.001)'],
        'Number of payments': ['3'],
        Total: ['3459.30 GBP'],
        'Pay from': [`Account ${UK_CURRENT_ACCOUNT}`],
      });
      expect(
        (consentData['initiatedAccountsForConsent'] as JsonRecord[]).map((account) => account['accountId']),
      ).toEqual([UK_CURRENT_ACCOUNT]);
    });

    it('is Authorised for that account, downloaded by its TPP only, and its payment order must repeat the metadata', async () => {
      const screen = await screenOf(simulator, consentId, 'openid payments');
      const persisted = await simulator.persist(
        consentId,
        UK_JOURNEY_USER,
        screen,
        selectAccounts(screen, [displayNameOf(screen, UK_CURRENT_ACCOUNT)]),
        true,
      );
      expect(asCall(persisted)).toMatchObject({
        status: 'SUCCESS',
        contractViolations: [],
        data: { consentResource: { status: 'Authorised' } },
      });

      const download = await simulator.retrieveFile(consentId, `${PATH}/${consentId}/file`);
      expect(asCall(download.exchange)).toMatchObject({ httpStatus: 200, status: 'SUCCESS', contractViolations: [] });
      expect(download.file).toBe(content);
      const foreign = await callPoint(simulator, 'validate-consent-file-retrieval', {
        consentId,
        consentResourcePath: `${PATH}/${consentId}/file`,
        requestHeaders: { 'x-wso2-client-id': UK_OTHER_CLIENT_ID },
        consentResource: simulator.store.basicView(consentId, { withAttributes: true }),
      });
      expectUkError(foreign, 403, 'UK.OBIE.Resource.NotFound', 'ConsentId');
      const notAFile = await callPoint(simulator, 'validate-consent-file-retrieval', {
        consentId,
        consentResourcePath: `${PATH}/${consentId}`,
        requestHeaders: { 'x-wso2-client-id': UK_JOURNEY_CLIENT_ID },
        consentResource: simulator.store.basicView(consentId, { withAttributes: true }),
      });
      expectUkError(notAFile, 404, 'UK.OBIE.Resource.NotFound');

      const receipt = simulator.store.get(consentId).receipt;
      const order = (initiation: unknown) =>
        simulator.validateAccess(consentId, {
          electedResource: '/file-payments',
          resource: `${UK_PAYMENTS_API}/file-payments`,
          httpMethod: 'POST',
          body: { Data: { ConsentId: consentId, Initiation: initiation } },
          headers: { 'x-idempotency-key': randomUUID() },
        });
      const initiation = (receipt['Data'] as JsonRecord)['Initiation'] as JsonRecord;
      expect(asCall(await order({ ...initiation, ControlSum: 1 }))).toMatchObject({
        status: 'ERROR',
        errorCode: 400,
        contractViolations: [],
        data: { errorMessage: 'UK.OBIE.Resource.ConsentMismatch' },
      });
      expect(asCall(await order(initiation))).toMatchObject({ status: 'SUCCESS', contractViolations: [] });
    });

    it('is retrieved as OBWriteFileConsentResponse4', async () => {
      const call = await callPoint(simulator, 'pre-process-consent-retrieval', {
        consentId,
        consentResourcePath: `${PATH}/${consentId}`,
        requestHeaders: { 'x-wso2-client-id': UK_JOURNEY_CLIENT_ID },
        consentResource: simulator.store.basicView(consentId, { withAttributes: true }),
      });
      expect(call).toMatchObject({
        status: 'SUCCESS',
        contractViolations: [],
        data: { modifiedResponse: { Data: { Status: 'Authorised' } } },
      });
      expect(consentResponse(call.data['modifiedResponse'])).toBeUndefined();
    });
  });
});
