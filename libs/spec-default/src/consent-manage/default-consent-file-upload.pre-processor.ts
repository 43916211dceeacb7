import { Injectable } from '@nestjs/common';
import { ConsentFileUploadPreProcessor, succeed, type OutcomeOf, type RequestDataOf } from '@app/contract';
import { ConsentStatus } from '../shared/consent-status.js';
import { nonEmptyString } from '../shared/json.js';
import { operationFailure } from '../shared/manage-failures.js';

/** The header through which the gateway names the TPP (contract §3.2). */
const CLIENT_ID_HEADER = 'x-wso2-client-id';

/**
 * The accelerator's file upload (`DefaultConsentManageHandler.handleFileUploadPost`): only a consent waiting for its
 * file accepts one, and the consent then waits for the customer.
 */
@Injectable()
export class DefaultConsentFileUploadPreProcessor extends ConsentFileUploadPreProcessor {
  handle({
    consentResource = {},
    requestHeaders = {},
  }: RequestDataOf<'pre-process-consent-file-upload'>): Promise<OutcomeOf<'pre-process-consent-file-upload'>> {
    if (consentResource.status !== ConsentStatus.AwaitingUpload) {
      return Promise.resolve(
        operationFailure(400, 'consent_file_upload', 'The consent is not in required state to proceed'),
      );
    }
    // The audit records who acted: Java takes the first authorization's user, which a consent awaiting its file
    // rarely has yet, so the uploading TPP is named instead.
    const userId =
      nonEmptyString(consentResource.authorizations?.[0]?.userId) ??
      nonEmptyString(requestHeaders[CLIENT_ID_HEADER]) ??
      nonEmptyString(consentResource.clientId);
    return Promise.resolve(
      succeed({ consentStatus: ConsentStatus.AwaitingAuthorisation, ...(userId === undefined ? {} : { userId }) }),
    );
  }
}
