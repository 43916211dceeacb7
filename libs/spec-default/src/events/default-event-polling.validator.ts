import { Injectable } from '@nestjs/common';
import { EventPollingValidator, succeed, type OutcomeOf } from '@app/contract';

/** The accelerator's event-notification service accepts every polling request it has parsed. */
@Injectable()
export class DefaultEventPollingValidator extends EventPollingValidator {
  handle(): Promise<OutcomeOf<'validate-event-polling'>> {
    return Promise.resolve(succeed({}));
  }
}
