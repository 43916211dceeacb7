import type { Static, TSchema } from '@sinclair/typebox';
import type { ExtensionName } from './extension-catalogue.js';
import * as access from './schemas/consent-access.js';
import * as authorize from './schemas/consent-authorize.js';
import * as manage from './schemas/consent-manage.js';
import * as clients from './schemas/client-registration.js';
import * as errors from './schemas/error-mapping.js';
import * as events from './schemas/events.js';
import * as failures from './schemas/failures.js';
import * as token from './schemas/token-and-authorize.js';

export interface ExtensionSchemas {
  /** The `data` the identity server sends. */
  readonly request: TSchema;
  /** The `data` of a SUCCESS answer, as the caller reads it. */
  readonly success: TSchema;
  /** The `data` of an ERROR answer, as the caller reads it. */
  readonly failure: TSchema;
}

/** For every extension point, the shapes of the `data` it receives and returns (contract §4). */
export const EXTENSION_SCHEMAS = {
  'pre-process-client-creation': {
    request: clients.ClientRegistrationRequestSchema,
    success: clients.ClientRegistrationSuccessSchema,
    failure: failures.ClientRegistrationFailureSchema,
  },
  'pre-process-client-update': {
    request: clients.ClientRegistrationRequestSchema,
    success: clients.ClientRegistrationSuccessSchema,
    failure: failures.ClientRegistrationFailureSchema,
  },
  'pre-process-client-retrieval': {
    request: clients.ClientRegistrationRequestSchema,
    success: clients.ClientRegistrationSuccessSchema,
    failure: failures.ClientRegistrationFailureSchema,
  },
  'pre-process-consent-creation': {
    request: manage.ConsentCreationRequestSchema,
    success: manage.ConsentCreationSuccessSchema,
    failure: failures.RelayedFailureSchema,
  },
  'enrich-consent-creation-response': {
    request: manage.ConsentCreationEnrichmentRequestSchema,
    success: manage.ResponseAlterationSchema,
    failure: failures.RelayedFailureSchema,
  },
  'pre-process-consent-file-upload': {
    request: manage.FileUploadRequestSchema,
    success: manage.FileUploadSuccessSchema,
    failure: failures.RelayedFailureSchema,
  },
  'enrich-consent-file-response': {
    request: manage.FileResponseEnrichmentRequestSchema,
    success: manage.ResponseAlterationSchema,
    failure: failures.RelayedFailureSchema,
  },
  'validate-consent-file-retrieval': {
    request: manage.StoredConsentRequestSchema,
    success: manage.EmptySuccessSchema,
    failure: failures.RelayedFailureSchema,
  },
  'pre-process-consent-retrieval': {
    request: manage.StoredConsentRequestSchema,
    success: manage.ResponseAlterationSchema,
    failure: failures.RelayedFailureSchema,
  },
  'enrich-consent-search-response': {
    request: manage.ConsentSearchRequestSchema,
    success: manage.ConsentSearchSuccessSchema,
    failure: failures.RelayedFailureSchema,
  },
  'pre-process-consent-revoke': {
    request: manage.StoredConsentRequestSchema,
    success: manage.ConsentRevocationSuccessSchema,
    failure: failures.RelayedFailureSchema,
  },
  'populate-consent-authorize-screen': {
    request: authorize.ConsentScreenRequestSchema,
    success: authorize.ConsentScreenSuccessSchema,
    failure: failures.AuthorizeFailureSchema,
  },
  'persist-authorized-consent': {
    request: authorize.ConsentPersistRequestSchema,
    success: authorize.ConsentPersistSuccessSchema,
    failure: failures.AuthorizeFailureSchema,
  },
  'validate-consent-access': {
    request: access.ConsentAccessRequestSchema,
    success: manage.EmptySuccessSchema,
    failure: failures.ValidationFailureSchema,
  },
  'issue-refresh-token': {
    request: token.RefreshTokenRequestSchema,
    success: token.RefreshTokenSuccessSchema,
    failure: failures.ValidationFailureSchema,
  },
  'validate-authorization-request': {
    request: token.AuthorizationRequestValidationRequestSchema,
    success: manage.EmptySuccessSchema,
    failure: failures.ValidationFailureSchema,
  },
  'validate-event-subscription': {
    request: events.EventSubscriptionRequestSchema,
    success: events.EventSubscriptionValidationSuccessSchema,
    failure: failures.EventFailureSchema,
  },
  'enrich-event-subscription-response': {
    request: events.EventSubscriptionRequestSchema,
    success: events.EventSubscriptionEnrichmentSuccessSchema,
    failure: failures.EventFailureSchema,
  },
  'validate-event-creation': {
    request: events.EventCreationRequestSchema,
    success: manage.EmptySuccessSchema,
    failure: failures.EventFailureSchema,
  },
  'validate-event-polling': {
    request: events.EventPollingRequestSchema,
    success: manage.EmptySuccessSchema,
    failure: failures.EventFailureSchema,
  },
  'enrich-event-polling-response': {
    request: events.EventPollingRequestSchema,
    success: events.EventPollingEnrichmentSuccessSchema,
    failure: failures.EventFailureSchema,
  },
  'map-accelerator-error-response': {
    request: errors.ErrorMappingRequestSchema,
    success: errors.ErrorMappingSuccessSchema,
    failure: failures.RelayedFailureSchema,
  },
  'pre-process-application-creation': {
    request: clients.ApplicationRequestSchema,
    success: clients.ApplicationSuccessSchema,
    failure: failures.ApplicationFailureSchema,
  },
  'pre-process-application-update': {
    request: clients.ApplicationRequestSchema,
    success: clients.ApplicationSuccessSchema,
    failure: failures.ApplicationFailureSchema,
  },
} as const satisfies Record<ExtensionName, ExtensionSchemas>;

export type RequestDataOf<N extends ExtensionName> = Static<(typeof EXTENSION_SCHEMAS)[N]['request']>;
export type SuccessDataOf<N extends ExtensionName> = Static<(typeof EXTENSION_SCHEMAS)[N]['success']>;
export type FailureDataOf<N extends ExtensionName> = Static<(typeof EXTENSION_SCHEMAS)[N]['failure']>;
