import { Inject, Injectable } from '@nestjs/common';
import { ConsentCreationPreProcessor, succeed, type OutcomeOf, type RequestDataOf, type Clock } from '@app/contract';
import type { BerlinSpecOptions } from '../../berlin-spec.options.js';
import { BERLIN_SCHEMAS, BERLIN_SPEC_CLOCK, BERLIN_SPEC_OPTIONS } from '../../berlin-spec.tokens.js';
import type { BerlinSchemas } from '../../shared/berlin-schemas.js';
import { ConsentAttribute } from '../../shared/consent-attributes.js';
import { epochDayOf } from '../../shared/iso-date.js';
import { isJsonObject } from '../../shared/json.js';
import { parseResourcePath } from '../../shared/resource-path.js';
import { headerValue, initiationHeadersError, TppHeader } from '../../shared/tpp-headers.js';
import { berlinError, relayedFailure } from '../../shared/tpp-messages.js';
import { checkAisConsent, type CreationOutcome } from './ais-consent.rules.js';
import { checkFundsConfirmationConsent } from './funds-confirmation-consent.rules.js';
import { checkPayment } from './payment.rules.js';

/**
 * pre-process-consent-creation for the three Berlin Group initiations: AIS consents, PIIS consents and payments.
 * Order of the checks: the path, the TPP headers, the body as JSON, the official schema, the business rules.
 */
@Injectable()
export class BerlinConsentCreationPreProcessor extends ConsentCreationPreProcessor {
  constructor(
    @Inject(BERLIN_SPEC_OPTIONS) private readonly options: BerlinSpecOptions,
    @Inject(BERLIN_SCHEMAS) private readonly schemas: BerlinSchemas,
    @Inject(BERLIN_SPEC_CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  handle({
    consentInitiationData,
    consentResourcePath,
    requestHeaders,
  }: RequestDataOf<'pre-process-consent-creation'>): Promise<OutcomeOf<'pre-process-consent-creation'>> {
    const outcome = this.check(consentInitiationData, consentResourcePath, requestHeaders);
    if ('error' in outcome) {
      return Promise.resolve(relayedFailure(outcome.error));
    }
    const requestId = headerValue(requestHeaders, TppHeader.RequestId)!.trim();
    const attributes = { ...outcome.resource.attributes, [ConsentAttribute.CreationRequestId]: requestId };
    return Promise.resolve(succeed({ consentResource: { ...outcome.resource, attributes } }));
  }

  private check(
    body: unknown,
    path: string | undefined,
    headers: Readonly<Record<string, string>> | undefined,
  ): CreationOutcome {
    const resource = parseResourcePath(path);
    if (resource === undefined || resource.id !== undefined || resource.statusOnly) {
      return { error: berlinError(404, 'RESOURCE_UNKNOWN', `No consent or payment can be created at '${path ?? ''}'`) };
    }
    if (
      resource.service === 'pis' &&
      !(this.options.paymentProducts as readonly string[]).includes(resource.paymentProduct)
    ) {
      return {
        error: berlinError(
          404,
          'PRODUCT_UNKNOWN',
          `Payment product '${resource.paymentProduct}' is not offered by the ASPSP`,
        ),
      };
    }
    const headerError = initiationHeadersError(headers, this.options.scaApproach === 'REDIRECT');
    if (headerError !== undefined) {
      return { error: headerError };
    }
    if (!isJsonObject(body)) {
      return {
        error: berlinError(400, 'FORMAT_ERROR', 'Cannot deserialize the request body: a JSON object is expected'),
      };
    }
    const today = epochDayOf(this.clock.now());
    switch (resource.service) {
      case 'ais':
        return checkAisConsent({ body, options: this.options, schemas: this.schemas, today });
      case 'piis':
        return checkFundsConfirmationConsent(body, this.options);
      case 'pis':
        return checkPayment({
          body,
          paymentService: resource.paymentService,
          paymentProduct: resource.paymentProduct,
          options: this.options,
          schemas: this.schemas,
          today,
        });
    }
  }
}
