import { ConsentSearchResponseEnricher, type ExtensionContext } from '@app/contract';
import { DefaultConsentSearchResponseEnricher } from './default-consent-search-response.enricher.js';

describe(DefaultConsentSearchResponseEnricher.name, () => {
  const enricher: ConsentSearchResponseEnricher = new DefaultConsentSearchResponseEnricher();
  const context: ExtensionContext = {
    requestId: 'req-1',
    spec: 'default',
    extension: 'enrich-consent-search-response',
  };

  it.each(['BULK_SEARCH', 'AMENDMENT_HISTORY'])('returns a %s result unchanged, as an array', async (searchType) => {
    const searchResult = [
      { consentId: 'c1', consentType: 'accounts', currentStatus: 'Authorised', consentAttributes: {} },
      { historyId: 'h1', amendedReason: 'x', consentData: { consentId: 'c1' } },
    ];
    await expect(
      enricher.handle(
        { searchType, searchResult, enrichmentParams: { consentTypes: ['accounts'], limit: ['10'] } },
        context,
      ),
    ).resolves.toEqual({ status: 'SUCCESS', data: { enrichedSearchResult: searchResult } });
  });

  it('answers an empty array when there is no result', async () => {
    await expect(enricher.handle({ searchType: 'BULK_SEARCH' }, context)).resolves.toEqual({
      status: 'SUCCESS',
      data: { enrichedSearchResult: [] },
    });
  });
});
