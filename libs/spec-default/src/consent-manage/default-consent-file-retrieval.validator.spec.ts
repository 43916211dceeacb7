import { ConsentFileRetrievalValidator, type ExtensionContext } from '@app/contract';
import { DefaultConsentFileRetrievalValidator } from './default-consent-file-retrieval.validator.js';

const CONSENT_ID = '2d8c6b2e-5f0b-4a8e-9a77-3c1f0f8a1b11';

describe(DefaultConsentFileRetrievalValidator.name, () => {
  const validator: ConsentFileRetrievalValidator = new DefaultConsentFileRetrievalValidator();
  const context: ExtensionContext = {
    requestId: 'req-1',
    spec: 'default',
    extension: 'validate-consent-file-retrieval',
  };
  const retrieve = (path: string, type: string) =>
    validator.handle(
      {
        consentId: CONSENT_ID,
        consentResourcePath: path,
        requestHeaders: {},
        consentResource: { type, status: 'Authorised' },
      },
      context,
    );

  it('lets a payment consent file through on a payment path', async () => {
    await expect(retrieve(`file-payment-consents/${CONSENT_ID}/file`, 'payments')).resolves.toEqual({
      status: 'SUCCESS',
      data: {},
    });
  });

  it('refuses a path of another consent type', async () => {
    await expect(retrieve(`file-payment-consents/${CONSENT_ID}/file`, 'accounts')).resolves.toEqual({
      status: 'ERROR',
      errorCode: 400,
      data: { error: { code: '400', message: 'consent_file_retrieval', description: 'Consent Type mismatch' } },
    });
  });
});
