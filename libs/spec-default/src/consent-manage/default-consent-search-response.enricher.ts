import { Injectable } from '@nestjs/common';
import { ConsentSearchResponseEnricher, succeed, type OutcomeOf, type RequestDataOf } from '@app/contract';

/** The accelerator returns search results and amendment history as it found them. */
@Injectable()
export class DefaultConsentSearchResponseEnricher extends ConsentSearchResponseEnricher {
  handle({
    searchResult = [],
  }: RequestDataOf<'enrich-consent-search-response'>): Promise<OutcomeOf<'enrich-consent-search-response'>> {
    return Promise.resolve(succeed({ enrichedSearchResult: searchResult }));
  }
}
