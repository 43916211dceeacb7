import { ConsentFileUploadPreProcessor, type ExtensionContext, type StoredConsentResource } from '@app/contract';
import { DefaultConsentFileUploadPreProcessor } from './default-consent-file-upload.pre-processor.js';

const CONTEXT: ExtensionContext = { requestId: 'req-1', spec: 'default', extension: 'pre-process-consent-file-upload' };
const CONSENT_ID = '2d8c6b2e-5f0b-4a8e-9a77-3c1f0f8a1b11';

describe(DefaultConsentFileUploadPreProcessor.name, () => {
  const preProcessor: ConsentFileUploadPreProcessor = new DefaultConsentFileUploadPreProcessor();
  const upload = (
    consentResource: StoredConsentResource,
    requestHeaders: Record<string, string> = { 'x-wso2-client-id': 'tpp-client' },
  ) =>
    preProcessor.handle(
      {
        consentId: CONSENT_ID,
        fileContent: '<xml>payments</xml>',
        consentResourcePath: `file-payment-consents/${CONSENT_ID}/file`,
        requestHeaders,
        consentResource,
      },
      CONTEXT,
    );
  const awaitingUpload = (overrides: Partial<StoredConsentResource> = {}): StoredConsentResource => ({
    id: CONSENT_ID,
    clientId: 'stored-client',
    type: 'payments',
    status: 'AwaitingUpload',
    authorizations: [{ id: 'auth-1', type: 'authorisation', status: 'Created', resources: [] }],
    ...overrides,
  });

  it('moves a consent awaiting its file to AwaitingAuthorisation, naming the uploading TPP', async () => {
    await expect(upload(awaitingUpload())).resolves.toEqual({
      status: 'SUCCESS',
      data: { consentStatus: 'AwaitingAuthorisation', userId: 'tpp-client' },
    });
  });

  it("names the first authorization's user when there is one, as the accelerator does", async () => {
    const consent = awaitingUpload({
      authorizations: [{ id: 'a', userId: 'psu@wso2.com', type: 'authorisation', status: 'Created' }],
    });
    await expect(upload(consent)).resolves.toMatchObject({ data: { userId: 'psu@wso2.com' } });
  });

  it('falls back to the stored client id without the client header', async () => {
    await expect(upload(awaitingUpload(), {})).resolves.toMatchObject({ data: { userId: 'stored-client' } });
  });

  it.each(['AwaitingAuthorisation', 'Authorised', 'Revoked', undefined])(
    'refuses a consent in status %p',
    async (status) => {
      await expect(upload(awaitingUpload({ status }))).resolves.toEqual({
        status: 'ERROR',
        errorCode: 400,
        data: {
          error: {
            code: '400',
            message: 'consent_file_upload',
            description: 'The consent is not in required state to proceed',
          },
        },
      });
    },
  );
});
