import { Injectable } from '@nestjs/common';
import { ConsentCreationResponseEnricher, succeed, type OutcomeOf, type RequestDataOf } from '@app/contract';
import { consentResponseBody } from './consent-response-body.js';

/** The accelerator's 201 body after a consent is stored: the request with the consent's id, times and status. */
@Injectable()
export class DefaultConsentCreationResponseEnricher extends ConsentCreationResponseEnricher {
  handle({
    consentId,
    consentResource = {},
  }: RequestDataOf<'enrich-consent-creation-response'>): Promise<OutcomeOf<'enrich-consent-creation-response'>> {
    return Promise.resolve(
      succeed({ modifiedResponse: consentResponseBody(consentId, consentResource), responseHeaders: {} }),
    );
  }
}
