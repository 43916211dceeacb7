import { randomUUID } from 'node:crypto';
import { valueAtPath } from '../simulator/json-values.js';
import { expectAnswer, expectThat, expectValue, required } from './step-checks.js';
import {
  approve,
  checked,
  populate,
  signedPaymentCreation,
  ukErrorCode,
  type UkJourneyStep,
} from './uk-journey-calls.js';
import {
  signDetachedContent,
  UK_FILE_DEBTOR_ACCOUNT,
  ukFilePaymentConsentBody,
  ukPain001File,
} from './uk-journey-fixtures.js';

/*
 * The `uk` journey's file payment: the metadata of a pain.001 file (AwaitingUpload), an upload whose hash is wrong
 * (refused) then the right one (AwaitingAuthorisation), the consent page with the file's summary, approval, and the
 * TPP downloading its file.
 */

const PATH = 'file-payment-consents';

const STEP = {
  create: 'create a signed file-payment consent (AwaitingUpload)',
  wrongFile: 'refuse a file whose hash is not the FileHash',
  upload: 'upload the file: AwaitingAuthorisation',
  populate: 'populate the file payment screen with its summary',
  persist: 'persist the file payment',
  download: 'let its TPP download the file',
} as const;

async function uploadHeaders(content: string): Promise<Record<string, string>> {
  return { 'x-idempotency-key': randomUUID(), 'x-jws-signature': await signDetachedContent(content) };
}

export const UK_FILE_PAYMENT_STEPS: readonly UkJourneyStep[] = [
  {
    name: STEP.create,
    async run(simulator, state) {
      const file = ukPain001File();
      const consent = await signedPaymentCreation(
        simulator,
        PATH,
        ukFilePaymentConsentBody('UK.OBIE.pain.001.001.08', file),
        { status: 'AwaitingUpload' },
      );
      state.filePayment = { ...consent, file };
      return `consent ${consent.consentId}`;
    },
  },
  {
    name: STEP.wrongFile,
    dependsOn: [STEP.create],
    async run(simulator, state) {
      const consent = required(state.filePayment, 'the file-payment consent');
      const tampered = consent.file.replace('1500.00', '1500.01');
      const { upload, enrichment } = await simulator.uploadFile(consent.consentId, tampered, {
        path: `${PATH}/${consent.consentId}/file`,
        headers: await uploadHeaders(tampered),
      });
      const data = expectAnswer(checked(upload, 'pre-process-consent-file-upload'), {
        status: 'ERROR',
        errorCode: 400,
      });
      expectValue('Errors[0].ErrorCode', 'UK.OBIE.Resource.ConsentMismatch', ukErrorCode(data));
      expectThat(enrichment === undefined, 'no file stored', () => 'enrich-consent-file-response was called');
      expectValue('stored status', 'AwaitingUpload', simulator.store.get(consent.consentId).status);
      return '400 UK.OBIE.Resource.ConsentMismatch, still AwaitingUpload';
    },
  },
  {
    name: STEP.upload,
    dependsOn: [STEP.wrongFile],
    async run(simulator, state) {
      const consent = required(state.filePayment, 'the file-payment consent');
      const { upload, enrichment } = await simulator.uploadFile(consent.consentId, consent.file, {
        path: `${PATH}/${consent.consentId}/file`,
        headers: await uploadHeaders(consent.file),
      });
      expectValue(
        'consentStatus',
        'AwaitingAuthorisation',
        valueAtPath(expectAnswer(checked(upload, 'pre-process-consent-file-upload')), ['consentStatus']),
      );
      expectValue(
        'the upload response body',
        {},
        valueAtPath(expectAnswer(required(enrichment, 'the file response')), ['modifiedResponse']),
      );
      expectValue('stored status', 'AwaitingAuthorisation', simulator.store.get(consent.consentId).status);
      return 'AwaitingAuthorisation, the 200 body {}';
    },
  },
  {
    name: STEP.populate,
    dependsOn: [STEP.upload],
    async run(simulator, state) {
      const data = await populate(
        simulator,
        required(state.filePayment, 'the file-payment consent'),
        'openid payments',
      );
      expectValue(
        'Number of payments box',
        ['3'],
        valueAtPath(data, ['consentData', 'basicConsentData', 'Number of payments']),
      );
      expectValue('Total box', ['3459.30 GBP'], valueAtPath(data, ['consentData', 'basicConsentData', 'Total']));
      expectValue(
        'Pay from box',
        [`Account ${UK_FILE_DEBTOR_ACCOUNT}`],
        valueAtPath(data, ['consentData', 'basicConsentData', 'Pay from']),
      );
      return '3 payments, 3459.30 GBP, from the account the file names';
    },
  },
  {
    name: STEP.persist,
    dependsOn: [STEP.populate],
    run: (simulator, state) =>
      approve(simulator, required(state.filePayment, 'the file-payment consent'), UK_FILE_DEBTOR_ACCOUNT),
  },
  {
    name: STEP.download,
    dependsOn: [STEP.persist],
    async run(simulator, state) {
      const consent = required(state.filePayment, 'the file-payment consent');
      const { exchange, file } = await simulator.retrieveFile(consent.consentId, `${PATH}/${consent.consentId}/file`);
      expectAnswer(exchange);
      expectValue('the downloaded file is the uploaded one', true, file === consent.file);
      return `${file?.length ?? 0} characters returned`;
    },
  },
];
