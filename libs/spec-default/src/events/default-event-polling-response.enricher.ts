import { Injectable } from '@nestjs/common';
import { EventPollingResponseEnricher, succeed, type OutcomeOf, type RequestDataOf } from '@app/contract';

/** The accelerator answers a polling call with the events it found. */
@Injectable()
export class DefaultEventPollingResponseEnricher extends EventPollingResponseEnricher {
  handle({
    eventPollingData = {},
  }: RequestDataOf<'enrich-event-polling-response'>): Promise<OutcomeOf<'enrich-event-polling-response'>> {
    return Promise.resolve(succeed({ eventPollingResponse: eventPollingData }));
  }
}
