import { Injectable } from '@nestjs/common';
import { ClientRetrievalPreProcessor, succeed, type OutcomeOf } from '@app/contract';

/** The accelerator lets every DCR retrieval through unchanged. */
@Injectable()
export class DefaultClientRetrievalPreProcessor extends ClientRetrievalPreProcessor {
  handle(): Promise<OutcomeOf<'pre-process-client-retrieval'>> {
    return Promise.resolve(succeed({}));
  }
}
