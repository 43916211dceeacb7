import { Injectable } from '@nestjs/common';
import { ConsentRetrievalPreProcessor, succeed, type OutcomeOf, type RequestDataOf } from '@app/contract';
import { pathNamesConsentType } from '../shared/consent-type.js';
import { CONSENT_TYPE_MISMATCH, operationFailure } from '../shared/manage-failures.js';
import { consentResponseBody } from './consent-response-body.js';

/**
 * The accelerator's `GET /…-consents/{id}` (`DefaultConsentManageHandler.handleGet`): the path must name the stored
 * consent's type, and the body is the receipt with the consent's id, times and status. A path naming no known type is
 * a mismatch too (Java answers it with a 500 "Error Occurred while handling the request").
 */
@Injectable()
export class DefaultConsentRetrievalPreProcessor extends ConsentRetrievalPreProcessor {
  handle({
    consentId,
    consentResourcePath = '',
    consentResource = {},
  }: RequestDataOf<'pre-process-consent-retrieval'>): Promise<OutcomeOf<'pre-process-consent-retrieval'>> {
    if (!pathNamesConsentType(consentResourcePath, consentResource.type)) {
      return Promise.resolve(operationFailure(400, 'consent_retrieve', CONSENT_TYPE_MISMATCH));
    }
    return Promise.resolve(
      succeed({ modifiedResponse: consentResponseBody(consentId, consentResource), responseHeaders: {} }),
    );
  }
}
