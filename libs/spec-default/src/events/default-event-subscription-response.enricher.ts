import { Injectable } from '@nestjs/common';
import { EventSubscriptionResponseEnricher, succeed, type OutcomeOf, type RequestDataOf } from '@app/contract';

/** The accelerator answers a subscription call with the subscription as stored. */
@Injectable()
export class DefaultEventSubscriptionResponseEnricher extends EventSubscriptionResponseEnricher {
  handle({
    eventSubscriptionData = {},
  }: RequestDataOf<'enrich-event-subscription-response'>): Promise<OutcomeOf<'enrich-event-subscription-response'>> {
    return Promise.resolve(succeed({ eventSubscriptionResponse: eventSubscriptionData }));
  }
}
