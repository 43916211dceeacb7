import { Injectable } from '@nestjs/common';
import { ClientUpdatePreProcessor, succeed, type OutcomeOf, type RequestDataOf } from '@app/contract';

/** The accelerator stores a DCR update as it was sent. */
@Injectable()
export class DefaultClientUpdatePreProcessor extends ClientUpdatePreProcessor {
  handle({
    clientData = {},
  }: RequestDataOf<'pre-process-client-update'>): Promise<OutcomeOf<'pre-process-client-update'>> {
    return Promise.resolve(succeed({ clientData }));
  }
}
