import { Injectable } from '@nestjs/common';
import { ConsentFileRetrievalValidator, ConsentFileUploadPreProcessor, type OutcomeOf } from '@app/contract';
import { berlinError, relayedFailure } from '../shared/tpp-messages.js';

/*
 * NextGenPSD2 has no consent files (bulk payments are sent as JSON or pain.001 bodies). The identity server's file
 * endpoints are answered in the Berlin Group format, rather than with the accelerator's default file handling.
 */

const NO_FILES = berlinError(405, 'SERVICE_INVALID', 'Consent files are not a Berlin Group NextGenPSD2 service');

@Injectable()
export class BerlinConsentFileUploadRefusal extends ConsentFileUploadPreProcessor {
  handle(): Promise<OutcomeOf<'pre-process-consent-file-upload'>> {
    return Promise.resolve(relayedFailure(NO_FILES));
  }
}

@Injectable()
export class BerlinConsentFileRetrievalRefusal extends ConsentFileRetrievalValidator {
  handle(): Promise<OutcomeOf<'validate-consent-file-retrieval'>> {
    return Promise.resolve(relayedFailure(NO_FILES));
  }
}
