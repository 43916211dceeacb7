import { Inject, Injectable } from '@nestjs/common';
import { ConsentRetrievalPreProcessor, succeed, type ExtensionContext, type OutcomeOf, type RequestDataOf } from '@app/contract';
import { UK_SPEC_OPTIONS } from '../uk-spec.tokens.js';
import type { UkSpecOptions } from '../uk-spec.options.js';
import { headerValue } from '../shared/json.js';
import { parseManagePath } from '../shared/uk-consent-kind.js';
import { UkErrorCode, ukFailure, ukRejection } from '../shared/uk-error.js';
import { UkConsentStatus } from '../shared/uk-status.js';
import { ResponseSigner } from './signature/response-signer.js';
import { storedConsentRejection } from './stored-consent.checks.js';
import { ukConsentResponseBody } from './uk-consent-response-body.js';

const FUNDS_CONFIRMATION = 'funds-confirmation';

/**
 * `GET /…-consents/{ConsentId}` (§A.4) and `GET /…-payment-consents/{ConsentId}/funds-confirmation` (§A.5): the UK
 * consent response of a consent of the calling TPP.
 */
@Injectable()
export class UkConsentRetrievalPreProcessor extends ConsentRetrievalPreProcessor {
  constructor(
    @Inject(UK_SPEC_OPTIONS) private readonly options: UkSpecOptions,
    @Inject(ResponseSigner) private readonly signer: ResponseSigner,
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
      return ukFailure(refused ?? ukRejection(400, UkErrorCode.ResourceNotFound, 'No consent with this ConsentId exists'), context.requestId);
    }
    const id = consentId ?? path.consentId ?? consentResource.id ?? '';
    if (path.subResource === undefined) {
      // §A.2: the interaction id is echoed when the bank forwards it (manage_extension.allowed_headers).
      const interactionId = headerValue(requestHeaders, 'x-fapi-interaction-id');
      const modifiedResponse = ukConsentResponseBody(path.kind, id, consentResource, this.options);
      const responseHeaders: Record<string, string> = {
        ...(interactionId === undefined ? {} : { 'x-fapi-interaction-id': interactionId }),
        ...(await this.signer.signatureHeaders(path.kind, modifiedResponse)),
      };
      return succeed({ modifiedResponse, responseHeaders });
    }
    if (path.subResource !== FUNDS_CONFIRMATION || path.kind.family === 'account-access' || path.kind.family === 'funds-confirmation') {
      return ukFailure(ukRejection(404, UkErrorCode.ResourceNotFound, `This consent endpoint has no "${path.subResource}" resource`), context.requestId);
    }
    if (consentResource.status !== UkConsentStatus.Authorised) {
      return ukFailure(
        ukRejection(400, UkErrorCode.ResourceInvalidConsentStatus, `Funds can be confirmed only on an Authorised consent; this one is ${String(consentResource.status)}`),
        context.requestId,
      );
    }
    // The bank-backend port gives accounts, not balances: the answer would have to be invented.
    return ukFailure(ukRejection(501, UkErrorCode.UnexpectedError, 'The bank backend offers no balance check, so funds cannot be confirmed'), context.requestId);
  }
}
