import { Injectable } from '@nestjs/common';
import { ApplicationCreationPreProcessor, succeed, type OutcomeOf, type RequestDataOf } from '@app/contract';

/**
 * The key manager keeps the developer portal's properties as entered. No `clientId` is returned, so the key manager
 * keeps the one it generated.
 */
@Injectable()
export class DefaultApplicationCreationPreProcessor extends ApplicationCreationPreProcessor {
  handle({
    additionalProperties = {},
  }: RequestDataOf<'pre-process-application-creation'>): Promise<OutcomeOf<'pre-process-application-creation'>> {
    return Promise.resolve(succeed({ additionalAppData: additionalProperties }));
  }
}
