import { Injectable } from '@nestjs/common';
import { ApplicationUpdatePreProcessor, succeed, type OutcomeOf, type RequestDataOf } from '@app/contract';

/** The key manager keeps the developer portal's updated properties as entered. */
@Injectable()
export class DefaultApplicationUpdatePreProcessor extends ApplicationUpdatePreProcessor {
  handle({
    additionalProperties = {},
  }: RequestDataOf<'pre-process-application-update'>): Promise<OutcomeOf<'pre-process-application-update'>> {
    return Promise.resolve(succeed({ additionalAppData: additionalProperties }));
  }
}
