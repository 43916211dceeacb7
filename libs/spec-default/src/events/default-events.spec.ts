import {
  EventCreationValidator,
  EventPollingResponseEnricher,
  EventPollingValidator,
  EventSubscriptionResponseEnricher,
  EventSubscriptionValidator,
  type ExtensionContext,
  type ExtensionName,
} from '@app/contract';
import { DefaultEventCreationValidator } from './default-event-creation.validator.js';
import { DefaultEventPollingResponseEnricher } from './default-event-polling-response.enricher.js';
import { DefaultEventPollingValidator } from './default-event-polling.validator.js';
import { DefaultEventSubscriptionResponseEnricher } from './default-event-subscription-response.enricher.js';
import { DefaultEventSubscriptionValidator } from './default-event-subscription.validator.js';

const context = (extension: ExtensionName): ExtensionContext => ({ requestId: 'req-1', spec: 'default', extension });
const subscription = {
  callbackUrl: 'https://tpp.example/events',
  version: '3.1',
  eventTypes: ['urn:uk:org:openbanking:events:resource-update'],
};

describe('event notifications', () => {
  it('accepts every subscription, creation and polling request', async () => {
    const subscriptions: EventSubscriptionValidator = new DefaultEventSubscriptionValidator();
    const creations: EventCreationValidator = new DefaultEventCreationValidator();
    const polls: EventPollingValidator = new DefaultEventPollingValidator();
    await expect(
      subscriptions.handle(
        { eventType: 'SubscriptionCreation', eventSubscriptionData: subscription },
        context('validate-event-subscription'),
      ),
    ).resolves.toEqual({ status: 'SUCCESS', data: {} });
    await expect(
      creations.handle({ eventData: { any: 'thing' } }, context('validate-event-creation')),
    ).resolves.toEqual({ status: 'SUCCESS', data: {} });
    await expect(
      polls.handle({ eventPollingData: { maxEvents: 5 } }, context('validate-event-polling')),
    ).resolves.toEqual({ status: 'SUCCESS', data: {} });
  });

  it('answers a subscription as it is', async () => {
    const enricher: EventSubscriptionResponseEnricher = new DefaultEventSubscriptionResponseEnricher();
    await expect(
      enricher.handle(
        { eventType: 'SubscriptionRetrieval', eventSubscriptionData: subscription },
        context('enrich-event-subscription-response'),
      ),
    ).resolves.toEqual({ status: 'SUCCESS', data: { eventSubscriptionResponse: subscription } });
    await expect(enricher.handle({}, context('enrich-event-subscription-response'))).resolves.toEqual({
      status: 'SUCCESS',
      data: { eventSubscriptionResponse: {} },
    });
  });

  it('answers a poll as it is', async () => {
    const enricher: EventPollingResponseEnricher = new DefaultEventPollingResponseEnricher();
    const events = { sets: { 'jti-1': 'eyJ...' }, moreAvailable: false };
    await expect(
      enricher.handle({ eventPollingData: events }, context('enrich-event-polling-response')),
    ).resolves.toEqual({
      status: 'SUCCESS',
      data: { eventPollingResponse: events },
    });
    await expect(enricher.handle({}, context('enrich-event-polling-response'))).resolves.toEqual({
      status: 'SUCCESS',
      data: { eventPollingResponse: {} },
    });
  });
});
