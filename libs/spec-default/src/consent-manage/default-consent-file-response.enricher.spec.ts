import { ConsentFileResponseEnricher, type ExtensionContext } from '@app/contract';
import { DefaultConsentFileResponseEnricher } from './default-consent-file-response.enricher.js';

describe(DefaultConsentFileResponseEnricher.name, () => {
  it('leaves the upload response without content', async () => {
    const enricher: ConsentFileResponseEnricher = new DefaultConsentFileResponseEnricher();
    const context: ExtensionContext = {
      requestId: 'req-1',
      spec: 'default',
      extension: 'enrich-consent-file-response',
    };
    await expect(
      enricher.handle({ consentId: 'c', fileUploadCreatedTime: '2026-05-27T10:00:00.123456+05:30' }, context),
    ).resolves.toEqual({
      status: 'SUCCESS',
      data: { responseHeaders: {} },
    });
  });
});
