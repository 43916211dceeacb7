import { Inject, Injectable } from '@nestjs/common';
import {
  ConsentCreationResponseEnricher,
  succeed,
  type JsonObject,
  type OutcomeOf,
  type RequestDataOf,
} from '@app/contract';
import type { BerlinSpecOptions } from '../berlin-spec.options.js';
import { BERLIN_SPEC_OPTIONS } from '../berlin-spec.tokens.js';
import { attributeOf, ConsentAttribute } from '../shared/consent-attributes.js';
import { creationLinks, resourceHref } from '../shared/consent-links.js';
import { BerlinConsentType } from '../shared/consent-type.js';
import { berlinError, relayedFailure } from '../shared/tpp-messages.js';

/**
 * The 201 body of a creation (§B.4, §B.6): `consentStatus` + `consentId`, or `transactionStatus` + `paymentId`, with
 * the `_links` of the SCA approach; the headers X-Request-ID (echoed), Location and ASPSP-SCA-Approach.
 */
@Injectable()
export class BerlinConsentCreationResponseEnricher extends ConsentCreationResponseEnricher {
  constructor(@Inject(BERLIN_SPEC_OPTIONS) private readonly options: BerlinSpecOptions) {
    super();
  }

  handle({
    consentId,
    consentResource,
  }: RequestDataOf<'enrich-consent-creation-response'>): Promise<OutcomeOf<'enrich-consent-creation-response'>> {
    const id = consentId ?? consentResource?.id;
    if (id === undefined || consentResource === undefined || consentResource.status === undefined) {
      return Promise.resolve(
        relayedFailure(
          berlinError(400, 'CONSENT_UNKNOWN', 'The created consent was not sent with the call', 'consentId'),
        ),
      );
    }
    const self = resourceHref(this.options, consentResource, id);
    const links = creationLinks(this.options, self, id, consentResource.authorizations?.[0]?.id);
    const body: JsonObject =
      consentResource.type === BerlinConsentType.Payments
        ? { transactionStatus: consentResource.status, paymentId: id, _links: links }
        : { consentStatus: consentResource.status, consentId: id, _links: links };
    const requestId = attributeOf(consentResource, ConsentAttribute.CreationRequestId);
    return Promise.resolve(
      succeed({
        modifiedResponse: body,
        responseHeaders: {
          ...(requestId === undefined ? {} : { 'X-Request-ID': requestId }),
          Location: self,
          'ASPSP-SCA-Approach': this.options.scaApproach,
        },
      }),
    );
  }
}
