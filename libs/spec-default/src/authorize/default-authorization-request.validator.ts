import { Injectable } from '@nestjs/common';
import { AuthorizationRequestValidator, succeed, type OutcomeOf } from '@app/contract';

/**
 * The accelerator's own request-object checks run before this point whether it is enabled or not; its default custom
 * validator then accepts every request.
 */
@Injectable()
export class DefaultAuthorizationRequestValidator extends AuthorizationRequestValidator {
  handle(): Promise<OutcomeOf<'validate-authorization-request'>> {
    return Promise.resolve(succeed({}));
  }
}
