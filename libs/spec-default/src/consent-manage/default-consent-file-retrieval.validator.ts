import { Injectable } from '@nestjs/common';
import { ConsentFileRetrievalValidator, succeed, type OutcomeOf, type RequestDataOf } from '@app/contract';
import { pathNamesConsentType } from '../shared/consent-type.js';
import { CONSENT_TYPE_MISMATCH, operationFailure } from '../shared/manage-failures.js';

/** The accelerator's file download (`DefaultConsentManageHandler.handleFileGet`): the path must name the consent's type. */
@Injectable()
export class DefaultConsentFileRetrievalValidator extends ConsentFileRetrievalValidator {
  handle({
    consentResourcePath = '',
    consentResource = {},
  }: RequestDataOf<'validate-consent-file-retrieval'>): Promise<OutcomeOf<'validate-consent-file-retrieval'>> {
    if (!pathNamesConsentType(consentResourcePath, consentResource.type)) {
      return Promise.resolve(operationFailure(400, 'consent_file_retrieval', CONSENT_TYPE_MISMATCH));
    }
    return Promise.resolve(succeed({}));
  }
}
