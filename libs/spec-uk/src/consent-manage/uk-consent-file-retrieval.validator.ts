import { Injectable } from '@nestjs/common';
import {
  ConsentFileRetrievalValidator,
  succeed,
  type ExtensionContext,
  type OutcomeOf,
  type RequestDataOf,
} from '@app/contract';
import { UkErrorCode, ukFailure, ukRejection } from '../shared/uk-error.js';
import { UkConsentStatus } from '../shared/uk-status.js';
import { fileConsentRejection } from './file/uploaded-file.checks.js';

/**
 * `GET /file-payment-consents/{ConsentId}/file` (contract §4.8): the TPP that created the consent downloads the file it
 * uploaded; the identity server returns the stored file when this point agrees. A consent still AwaitingUpload has no
 * file yet (400 UK.OBIE.Resource.InvalidConsentStatus).
 */
@Injectable()
export class UkConsentFileRetrievalValidator extends ConsentFileRetrievalValidator {
  handle(
    { consentResourcePath, consentResource, requestHeaders }: RequestDataOf<'validate-consent-file-retrieval'>,
    context: ExtensionContext,
  ): Promise<OutcomeOf<'validate-consent-file-retrieval'>> {
    const refused =
      fileConsentRejection(consentResourcePath, consentResource, requestHeaders) ??
      (consentResource?.status === UkConsentStatus.AwaitingUpload
        ? ukRejection(
            400,
            UkErrorCode.ResourceInvalidConsentStatus,
            'No file has been uploaded to this consent yet (AwaitingUpload)',
          )
        : undefined);
    return Promise.resolve(refused === undefined ? succeed({}) : ukFailure(refused, context.requestId));
  }
}
