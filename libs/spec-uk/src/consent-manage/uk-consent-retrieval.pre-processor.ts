import { Inject, Injectable } from '@nestjs/common';
import {
  ConsentRetrievalPreProcessor,
  succeed,
  type ExtensionContext,
  type OutcomeOf,
  type RequestDataOf,
} from '@app/contract';
import { UK_SPEC_OPTIONS } from '../uk-spec.tokens.js';
import type { UkSpecOptions } from '../uk-spec.options.js';
import { headerValue } from '../shared/json.js';
import { parseManagePath } from '../shared/uk-consent-kind.js';
import { UkErrorCode, ukFailure, ukRejection } from '../shared/uk-error.js';
import { PaymentFundsConfirmation } from './payment-funds-confirmation.js';
import { ResponseSigner } from './signature/response-signer.js';
import { storedConsentRejection } from './stored-consent.checks.js';
import { ukConsentResponseBody } from './uk-consent-response-body.js';

const FUNDS_CONFIRMATION = 'funds-confirmation';

/**
 * `GET /…-consents/{ConsentId}` (§A.4), the UK consent response of a consent of the calling TPP, and
 * `GET /…-payment-consents/{ConsentId}/funds-confirmation` (§A.5) where the endpoint has one; both signed responses.
 */
@Injectable()
export class UkConsentRetrievalPreProcessor extends ConsentRetrievalPreProcessor {
  constructor(
    @Inject(UK_SPEC_OPTIONS) private readonly options: UkSpecOptions,
    @Inject(ResponseSigner) private readonly signer: ResponseSigner,
    @Inject(PaymentFundsConfirmation) private readonly funds: PaymentFundsConfirmation,
  ) {
    super();
  }

  async handle(
    { consentId, consentResourcePath, consentResource, requestHeaders }: RequestDataOf<'pre-process-consent-retrieval'>,
    context: ExtensionContext,
  ): Promise<OutcomeOf<'pre-process-consent-retrieval'>> {
    const path = parseManagePath(consentResourcePath);
    const refused = storedConsentRejection(path, consentResource, requestHeaders);
    if (refused !== undefined || path === undefined || consentResource === undefined) {
      return ukFailure(
        refused ?? ukRejection(400, UkErrorCode.ResourceNotFound, 'No consent with this ConsentId exists'),
        context.requestId,
      );
    }
    const id = consentId ?? path.consentId ?? consentResource.id ?? '';
    if (
      path.subResource !== undefined &&
      (path.subResource !== FUNDS_CONFIRMATION || path.kind.fundsConfirmation !== true)
    ) {
      return ukFailure(
        ukRejection(404, UkErrorCode.ResourceNotFound, `This consent endpoint has no "${path.subResource}" resource`),
        context.requestId,
      );
    }
    const answer =
      path.subResource === undefined
        ? { body: ukConsentResponseBody(path.kind, id, consentResource, this.options) }
        : await this.funds.answer(path.kind, id, consentResource);
    if ('rejection' in answer) {
      return ukFailure(answer.rejection, context.requestId);
    }
    const { body } = answer;
    // §A.2: the interaction id is echoed when the bank forwards it (manage_extension.allowed_headers).
    const interactionId = headerValue(requestHeaders, 'x-fapi-interaction-id');
    const responseHeaders: Record<string, string> = {
      ...(interactionId === undefined ? {} : { 'x-fapi-interaction-id': interactionId }),
      ...(await this.signer.signatureHeaders(path.kind, body)),
    };
    return succeed({ modifiedResponse: body, responseHeaders });
  }
}
