import { Inject, Injectable } from '@nestjs/common';
import {
  ConsentCreationResponseEnricher,
  succeed,
  type ConsentCreationEnrichmentRequest,
  type OutcomeOf,
  type Clock,
} from '@app/contract';
import { NOT_A_CONSENT_OF_THIS_TPP } from '../shared/consent-ownership.js';
import { isNonEmptyJsonObject } from '../shared/json.js';
import { uaeProblemFailure } from '../shared/uae-error.js';
import type { UaeSpecOptions } from '../uae-spec.options.js';
import { UAE_SPEC_CLOCK, UAE_SPEC_OPTIONS } from '../uae-spec.tokens.js';
import { effectiveStatus } from './stored-consent-status.js';
import { uaeConsentResponseBody } from './uae-consent-response-body.js';

/** enrich-consent-creation-response (contract §4.2), pre-initiated route only: the UAE consent body of the new consent. */
@Injectable()
export class UaeConsentCreationResponseEnricher extends ConsentCreationResponseEnricher {
  constructor(
    @Inject(UAE_SPEC_OPTIONS) private readonly options: UaeSpecOptions,
    @Inject(UAE_SPEC_CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  handle(data: ConsentCreationEnrichmentRequest): Promise<OutcomeOf<'enrich-consent-creation-response'>> {
    const resource = data.consentResource;
    const status = resource === undefined ? undefined : effectiveStatus(resource, this.clock);
    if (resource === undefined || !isNonEmptyJsonObject(resource.receipt) || status === undefined) {
      return Promise.resolve(uaeProblemFailure(400, NOT_A_CONSENT_OF_THIS_TPP));
    }
    return Promise.resolve(
      succeed({
        modifiedResponse: uaeConsentResponseBody({ resource, status, resourceBaseUrl: this.options.resourceBaseUrl }),
      }),
    );
  }
}
