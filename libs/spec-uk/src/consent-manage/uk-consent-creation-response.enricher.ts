import { Inject, Injectable } from '@nestjs/common';
import {
  ConsentCreationResponseEnricher,
  succeed,
  type ExtensionContext,
  type OutcomeOf,
  type RequestDataOf,
} from '@app/contract';
import { UK_SPEC_OPTIONS } from '../uk-spec.tokens.js';
import type { UkSpecOptions } from '../uk-spec.options.js';
import { nonEmptyString } from '../shared/json.js';
import { kindOfType, parseManagePath } from '../shared/uk-consent-kind.js';
import { UkErrorCode, ukFailure, ukRejection } from '../shared/uk-error.js';
import { ResponseSigner } from './signature/response-signer.js';
import { ukConsentResponseBody } from './uk-consent-response-body.js';

/**
 * The 201 body of `POST /…-consents` (and of an idempotent replay): the UK consent response of the stored consent,
 * signed for payment and VRP consents when the bank has a signing key.
 */
@Injectable()
export class UkConsentCreationResponseEnricher extends ConsentCreationResponseEnricher {
  constructor(
    @Inject(UK_SPEC_OPTIONS) private readonly options: UkSpecOptions,
    @Inject(ResponseSigner) private readonly signer: ResponseSigner,
  ) {
    super();
  }

  async handle(
    { consentId, consentResourcePath, consentResource = {} }: RequestDataOf<'enrich-consent-creation-response'>,
    context: ExtensionContext,
  ): Promise<OutcomeOf<'enrich-consent-creation-response'>> {
    const kind = kindOfType(consentResource.type) ?? parseManagePath(consentResourcePath)?.kind;
    const id = nonEmptyString(consentId) ?? nonEmptyString(consentResource.id);
    if (kind === undefined || id === undefined) {
      // The consent is stored but is not one of ours: a deployment mixing specifications on one base URL.
      return ukFailure(
        ukRejection(500, UkErrorCode.UnexpectedError, 'The created consent is not a UK consent of a known type'),
        context.requestId,
      );
    }
    const modifiedResponse = ukConsentResponseBody(kind, id, consentResource, this.options);
    return succeed({ modifiedResponse, responseHeaders: await this.signer.signatureHeaders(kind, modifiedResponse) });
  }
}
