import { ConsentRevocationPreProcessor, type ExtensionContext, type RequestDataOf } from '@app/contract';
import { ADMIN_REVOKE_PATH, DefaultConsentRevocationPreProcessor } from './default-consent-revocation.pre-processor.js';

const CONTEXT: ExtensionContext = { requestId: 'req-1', spec: 'default', extension: 'pre-process-consent-revoke' };
const CONSENT_ID = '2d8c6b2e-5f0b-4a8e-9a77-3c1f0f8a1b11';

describe(DefaultConsentRevocationPreProcessor.name, () => {
  const preProcessor: ConsentRevocationPreProcessor = new DefaultConsentRevocationPreProcessor();
  const revoke = (data: RequestDataOf<'pre-process-consent-revoke'>) => preProcessor.handle(data, CONTEXT);
  const tppRevoke = (status: string, path = `account-access-consents/${CONSENT_ID}`, type = 'accounts') =>
    revoke({
      consentId: CONSENT_ID,
      consentResourcePath: path,
      requestHeaders: { 'x-wso2-client-id': 'tpp' },
      consentResource: { id: CONSENT_ID, type, status, attributes: {} },
    });
  const adminRevoke = (status: string) =>
    revoke({
      consentId: CONSENT_ID,
      consentResourcePath: ADMIN_REVOKE_PATH,
      consentResource: { id: CONSENT_ID, type: 'accounts', status },
    });

  describe('TPP DELETE', () => {
    it('revokes an authorised consent and its tokens', async () => {
      await expect(tppRevoke('Authorised')).resolves.toEqual({
        status: 'SUCCESS',
        data: { revocationStatusName: 'Revoked', requireTokenRevocation: true },
      });
    });

    it.each(['AwaitingAuthorisation', 'AwaitingUpload', 'Expired', 'SomethingUnknown'])(
      'revokes a %s consent without token revocation',
      async (status) => {
        await expect(tppRevoke(status)).resolves.toEqual({
          status: 'SUCCESS',
          data: { revocationStatusName: 'Revoked', requireTokenRevocation: false },
        });
      },
    );

    it.each(['Revoked', 'Rejected'])('refuses a %s consent', async (status) => {
      await expect(tppRevoke(status)).resolves.toEqual({
        status: 'ERROR',
        errorCode: 400,
        data: {
          error: {
            code: '400',
            message: 'consent_delete',
            description: 'Consent is already in revoked or rejected state',
          },
        },
      });
    });

    it('refuses a path of another consent type before looking at the status', async () => {
      await expect(tppRevoke('Revoked', `payment-consents/${CONSENT_ID}`)).resolves.toEqual({
        status: 'ERROR',
        errorCode: 400,
        data: { error: { code: '400', message: 'consent_delete', description: 'Consent Type mismatch' } },
      });
    });

    it('revokes a file payment consent on its own path', async () => {
      await expect(tppRevoke('Authorised', `file-payment-consents/${CONSENT_ID}`, 'payments')).resolves.toMatchObject({
        status: 'SUCCESS',
      });
    });

    it('treats an empty header set as a TPP call', async () => {
      const outcome = await revoke({
        consentResourcePath: `account-access-consents/${CONSENT_ID}`,
        requestHeaders: {},
        consentResource: { type: 'accounts', status: 'AwaitingAuthorisation' },
      });
      expect(outcome).toMatchObject({ status: 'SUCCESS', data: { requireTokenRevocation: false } });
    });
  });

  describe('admin revoke', () => {
    it('revokes an authorised consent and its tokens', async () => {
      await expect(adminRevoke('Authorised')).resolves.toEqual({
        status: 'SUCCESS',
        data: { revocationStatusName: 'Revoked', requireTokenRevocation: true },
      });
    });

    it.each(['AwaitingAuthorisation', 'Revoked', 'Rejected', 'Expired'])('refuses a %s consent', async (status) => {
      await expect(adminRevoke(status)).resolves.toEqual({
        status: 'ERROR',
        errorCode: 400,
        data: {
          error: { code: '400', message: 'consent_revoke', description: 'Consent is not in a revocable status' },
        },
      });
    });

    it('recognises the admin caller by its missing headers too', async () => {
      const outcome = await revoke({
        consentId: CONSENT_ID,
        consentResource: { type: 'accounts', status: 'AwaitingAuthorisation' },
      });
      expect(outcome).toMatchObject({
        status: 'ERROR',
        data: { error: { description: 'Consent is not in a revocable status' } },
      });
    });
  });
});
