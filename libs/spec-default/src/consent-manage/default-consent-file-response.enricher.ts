import { Injectable } from '@nestjs/common';
import { ConsentFileResponseEnricher, succeed, type OutcomeOf } from '@app/contract';

/**
 * The accelerator answers a file upload with 200 and no body. The identity server turns a missing `modifiedResponse`
 * into `{}`, the closest an extension can come to an empty body.
 */
@Injectable()
export class DefaultConsentFileResponseEnricher extends ConsentFileResponseEnricher {
  handle(): Promise<OutcomeOf<'enrich-consent-file-response'>> {
    return Promise.resolve(succeed({ responseHeaders: {} }));
  }
}
