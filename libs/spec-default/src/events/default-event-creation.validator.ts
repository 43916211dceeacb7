import { Injectable } from '@nestjs/common';
import { EventCreationValidator, succeed, type OutcomeOf } from '@app/contract';

/** The accelerator's event-notification service accepts every event creation request it has parsed. */
@Injectable()
export class DefaultEventCreationValidator extends EventCreationValidator {
  handle(): Promise<OutcomeOf<'validate-event-creation'>> {
    return Promise.resolve(succeed({}));
  }
}
