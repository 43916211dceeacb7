import { Injectable } from '@nestjs/common';
import { ClientCreationPreProcessor, succeed, type OutcomeOf, type RequestDataOf } from '@app/contract';

/** The accelerator stores a DCR registration as it was sent. */
@Injectable()
export class DefaultClientCreationPreProcessor extends ClientCreationPreProcessor {
  handle({
    clientData = {},
  }: RequestDataOf<'pre-process-client-creation'>): Promise<OutcomeOf<'pre-process-client-creation'>> {
    return Promise.resolve(succeed({ clientData }));
  }
}
