import { Injectable } from '@nestjs/common';
import {
  ConsentFileRetrievalValidator,
  ConsentFileUploadPreProcessor,
  type OutcomeOf,
  type RequestDataOf,
} from '@app/contract';
import { managingClientId, ownedByAnotherTpp, unknownConsentError } from '../shared/consent-owner.js';
import { berlinError, relayedFailure } from '../shared/tpp-messages.js';

/*
 * NextGenPSD2 has no consent files (bulk payments are sent as JSON or pain.001 bodies). The identity server's file
 * endpoints are answered in the Berlin Group format, rather than with the accelerator's default file handling; another
 * TPP's consent is unknown to the caller (403 CONSENT_UNKNOWN, the id is in the path), as at every manage point.
 */

const NO_FILES = berlinError(405, 'SERVICE_INVALID', 'Consent files are not a Berlin Group NextGenPSD2 service');

type FileCall = RequestDataOf<'pre-process-consent-file-upload'> | RequestDataOf<'validate-consent-file-retrieval'>;

function refusal({ consentResource, requestHeaders }: FileCall): ReturnType<typeof relayedFailure> {
  return relayedFailure(
    ownedByAnotherTpp(consentResource, managingClientId(requestHeaders)) ? unknownConsentError(403) : NO_FILES,
  );
}

@Injectable()
export class BerlinConsentFileUploadRefusal extends ConsentFileUploadPreProcessor {
  handle(
    data: RequestDataOf<'pre-process-consent-file-upload'>,
  ): Promise<OutcomeOf<'pre-process-consent-file-upload'>> {
    return Promise.resolve(refusal(data));
  }
}

@Injectable()
export class BerlinConsentFileRetrievalRefusal extends ConsentFileRetrievalValidator {
  handle(
    data: RequestDataOf<'validate-consent-file-retrieval'>,
  ): Promise<OutcomeOf<'validate-consent-file-retrieval'>> {
    return Promise.resolve(refusal(data));
  }
}
