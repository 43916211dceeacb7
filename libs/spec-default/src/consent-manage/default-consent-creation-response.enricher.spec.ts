import { ConsentCreationResponseEnricher, type ExtensionContext, type StoredConsentResource } from '@app/contract';
import { DefaultConsentCreationResponseEnricher } from './default-consent-creation-response.enricher.js';

const CONTEXT: ExtensionContext = {
  requestId: 'req-1',
  spec: 'default',
  extension: 'enrich-consent-creation-response',
};
const CONSENT_ID = '2d8c6b2e-5f0b-4a8e-9a77-3c1f0f8a1b11';

const storedConsent = (overrides: Partial<StoredConsentResource> = {}): StoredConsentResource => ({
  id: CONSENT_ID,
  clientId: 'tpp-client',
  type: 'accounts',
  status: 'AwaitingAuthorisation',
  frequency: 0,
  validityTime: 1798675200,
  createdTime: 1716800000,
  updatedTime: 1716800060,
  recurringIndicator: false,
  receipt: { Data: { Permissions: ['ReadAccountsBasic'], ExpirationDateTime: '2026-12-31T00:00:00+00:00' }, Risk: {} },
  attributes: { IdempotencyKey: 'abc-123' },
  authorizations: [{ id: 'auth-1', type: 'authorisation', status: 'Created', resources: [] }],
  ...overrides,
});

describe(DefaultConsentCreationResponseEnricher.name, () => {
  const enricher: ConsentCreationResponseEnricher = new DefaultConsentCreationResponseEnricher();

  it('answers the receipt with the consent id, times and status in Data', async () => {
    const consent = storedConsent();
    await expect(
      enricher.handle(
        { consentId: CONSENT_ID, consentResourcePath: 'account-access-consents', consentResource: consent },
        CONTEXT,
      ),
    ).resolves.toEqual({
      status: 'SUCCESS',
      data: {
        modifiedResponse: {
          Data: {
            Permissions: ['ReadAccountsBasic'],
            ExpirationDateTime: '2026-12-31T00:00:00+00:00',
            ConsentId: CONSENT_ID,
            CreationDateTime: '2024-05-27T08:53:20Z',
            StatusUpdateDateTime: '2024-05-27T08:54:20Z',
            Status: 'AwaitingAuthorisation',
          },
          Risk: {},
        },
        responseHeaders: {},
      },
    });
    expect(consent.receipt).toEqual(storedConsent().receipt);
  });

  it('takes the consent id from the stored consent when the request has none', async () => {
    const outcome = await enricher.handle({ consentResource: storedConsent() }, CONTEXT);
    expect(outcome).toMatchObject({
      status: 'SUCCESS',
      data: { modifiedResponse: { Data: { ConsentId: CONSENT_ID } } },
    });
  });

  it('builds a Data object when the stored receipt has none, and leaves out what was not sent', async () => {
    const outcome = await enricher.handle(
      { consentId: CONSENT_ID, consentResource: { receipt: { Data: [] } } },
      CONTEXT,
    );
    expect(outcome).toEqual({
      status: 'SUCCESS',
      data: { modifiedResponse: { Data: { ConsentId: CONSENT_ID } }, responseHeaders: {} },
    });
  });
});
