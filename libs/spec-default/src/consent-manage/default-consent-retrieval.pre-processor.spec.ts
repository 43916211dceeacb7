import { ConsentRetrievalPreProcessor, type ExtensionContext } from '@app/contract';
import { DefaultConsentRetrievalPreProcessor } from './default-consent-retrieval.pre-processor.js';

const CONTEXT: ExtensionContext = { requestId: 'req-1', spec: 'default', extension: 'pre-process-consent-retrieval' };
const CONSENT_ID = '2d8c6b2e-5f0b-4a8e-9a77-3c1f0f8a1b11';
const consent = {
  id: CONSENT_ID,
  type: 'accounts',
  status: 'Authorised',
  createdTime: 1716800000,
  updatedTime: 1716900000,
  receipt: { Data: { Permissions: ['ReadAccountsBasic'] }, Risk: {} },
  attributes: {},
};

const mismatch = {
  status: 'ERROR',
  errorCode: 400,
  data: { error: { code: '400', message: 'consent_retrieve', description: 'Consent Type mismatch' } },
};

describe(DefaultConsentRetrievalPreProcessor.name, () => {
  const preProcessor: ConsentRetrievalPreProcessor = new DefaultConsentRetrievalPreProcessor();
  const retrieve = (path: string, stored: object = consent) =>
    preProcessor.handle(
      {
        consentId: CONSENT_ID,
        consentResourcePath: path,
        requestHeaders: { 'x-wso2-client-id': 'tpp' },
        consentResource: stored,
      },
      CONTEXT,
    );

  it('answers the receipt with the consent id, times and status', async () => {
    await expect(retrieve(`account-access-consents/${CONSENT_ID}`)).resolves.toEqual({
      status: 'SUCCESS',
      data: {
        modifiedResponse: {
          Data: {
            Permissions: ['ReadAccountsBasic'],
            ConsentId: CONSENT_ID,
            CreationDateTime: '2024-05-27T08:53:20Z',
            StatusUpdateDateTime: '2024-05-28T12:40:00Z',
            Status: 'Authorised',
          },
          Risk: {},
        },
        responseHeaders: {},
      },
    });
  });

  it('refuses a payment path for an account consent', async () => {
    await expect(retrieve(`payment-consents/${CONSENT_ID}`)).resolves.toEqual(mismatch);
  });

  it('refuses a path naming no known consent type', async () => {
    await expect(retrieve(`foo-consents/${CONSENT_ID}`)).resolves.toEqual(mismatch);
  });

  it('refuses a consent without a type', async () => {
    await expect(retrieve(`foo-consents/${CONSENT_ID}`, { receipt: {} })).resolves.toEqual(mismatch);
  });

  it('serves each type on its own path', async () => {
    await expect(
      retrieve(`funds-confirmation-consents/${CONSENT_ID}`, { ...consent, type: 'fundsconfirmations' }),
    ).resolves.toMatchObject({
      status: 'SUCCESS',
    });
    await expect(
      retrieve(`domestic-payment-consents/${CONSENT_ID}`, { ...consent, type: 'payments' }),
    ).resolves.toMatchObject({
      status: 'SUCCESS',
    });
  });
});
