import { Type, type Static } from '@sinclair/typebox';
import { AnyObject } from './json.js';

/* Event-notification extension points (contract §4.15). */

export const EventSubscriptionRequestSchema = Type.Object({
  eventType: Type.Optional(
    Type.String({ description: 'e.g. `SubscriptionCreation`, `SubscriptionUpdate`, `SubscriptionDelete`.' }),
  ),
  eventSubscriptionData: Type.Optional(AnyObject()),
});
export type EventSubscriptionRequest = Static<typeof EventSubscriptionRequestSchema>;

export const EventSubscriptionValidationSuccessSchema = Type.Object({
  callbackUrl: Type.Optional(Type.String()),
  version: Type.Optional(Type.String()),
  eventTypes: Type.Optional(Type.Array(Type.String())),
});
export type EventSubscriptionValidationSuccess = Static<typeof EventSubscriptionValidationSuccessSchema>;

export const EventSubscriptionEnrichmentSuccessSchema = Type.Object({ eventSubscriptionResponse: AnyObject() });
export type EventSubscriptionEnrichmentSuccess = Static<typeof EventSubscriptionEnrichmentSuccessSchema>;

export const EventCreationRequestSchema = Type.Object({ eventData: Type.Optional(AnyObject()) });
export type EventCreationRequest = Static<typeof EventCreationRequestSchema>;

export const EventPollingRequestSchema = Type.Object({ eventPollingData: Type.Optional(AnyObject()) });
export type EventPollingRequest = Static<typeof EventPollingRequestSchema>;

export const EventPollingEnrichmentSuccessSchema = Type.Object({ eventPollingResponse: AnyObject() });
export type EventPollingEnrichmentSuccess = Static<typeof EventPollingEnrichmentSuccessSchema>;
