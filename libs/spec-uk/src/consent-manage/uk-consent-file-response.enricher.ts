import { Inject, Injectable } from '@nestjs/common';
import { ConsentFileResponseEnricher, succeed, type OutcomeOf, type RequestDataOf } from '@app/contract';
import { UK_CONSENT_KINDS } from '../shared/uk-consent-kind.js';
import { ResponseSigner } from './signature/response-signer.js';

/** The one consent endpoint that takes a file. */
const FILE_PAYMENT_KIND = UK_CONSENT_KINDS.find((kind) => kind.file === true)!;

/**
 * The answer to an accepted `POST /file-payment-consents/{ConsentId}/file` (contract §4.7): the standard's 200 OK has
 * no body, so the TPP gets an empty JSON object, signed like every response of this signed endpoint when the bank has
 * a signing key. The identity server sends only the consent id and the upload time, nothing to check.
 */
@Injectable()
export class UkConsentFileResponseEnricher extends ConsentFileResponseEnricher {
  constructor(@Inject(ResponseSigner) private readonly signer: ResponseSigner) {
    super();
  }

  async handle(
    _data: RequestDataOf<'enrich-consent-file-response'>,
  ): Promise<OutcomeOf<'enrich-consent-file-response'>> {
    const modifiedResponse = {};
    return succeed({
      modifiedResponse,
      responseHeaders: await this.signer.signatureHeaders(FILE_PAYMENT_KIND, modifiedResponse),
    });
  }
}
