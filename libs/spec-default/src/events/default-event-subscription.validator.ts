import { Injectable } from '@nestjs/common';
import { EventSubscriptionValidator, succeed, type OutcomeOf } from '@app/contract';

/** The accelerator's event-notification service accepts every subscription request it has parsed. */
@Injectable()
export class DefaultEventSubscriptionValidator extends EventSubscriptionValidator {
  handle(): Promise<OutcomeOf<'validate-event-subscription'>> {
    return Promise.resolve(succeed({}));
  }
}
