import type { ExtensionName } from './extension-catalogue.js';
import type { FailureDataOf, RequestDataOf, SuccessDataOf } from './extension-schemas.js';
import type { ExtensionOutcome, ExtensionSuccess } from './outcome.js';

/** What a handler knows about the call beyond its `data`. */
export interface ExtensionContext {
  readonly requestId: string;
  readonly spec: string;
  readonly extension: ExtensionName;
}

/** map-accelerator-error-response answers with an `errorCode` even on SUCCESS: it becomes the client's HTTP status. */
export type MappedErrorOutcome<TData> = ExtensionSuccess<TData> & { readonly errorCode: number };

export type OutcomeOf<N extends ExtensionName> = N extends 'map-accelerator-error-response'
  ? MappedErrorOutcome<SuccessDataOf<N>>
  : ExtensionOutcome<SuccessDataOf<N>, FailureDataOf<N>>;

/**
 * The port of one extension point. A specification implements a point by binding, in its module's own `providers`,
 * the point's abstract class below (which is also the Nest injection token) to a class that extends it:
 * `{ provide: ConsentCreationPreProcessor, useClass: UkConsentCreation }`. `data` has already been checked against
 * the point's request schema by the platform.
 */
export abstract class ExtensionHandler<N extends ExtensionName> {
  abstract handle(data: RequestDataOf<N>, context: ExtensionContext): Promise<OutcomeOf<N>>;
}

export abstract class ClientCreationPreProcessor extends ExtensionHandler<'pre-process-client-creation'> {}
export abstract class ClientUpdatePreProcessor extends ExtensionHandler<'pre-process-client-update'> {}
export abstract class ClientRetrievalPreProcessor extends ExtensionHandler<'pre-process-client-retrieval'> {}
export abstract class ConsentCreationPreProcessor extends ExtensionHandler<'pre-process-consent-creation'> {}
export abstract class ConsentCreationResponseEnricher extends ExtensionHandler<'enrich-consent-creation-response'> {}
export abstract class ConsentFileUploadPreProcessor extends ExtensionHandler<'pre-process-consent-file-upload'> {}
export abstract class ConsentFileResponseEnricher extends ExtensionHandler<'enrich-consent-file-response'> {}
export abstract class ConsentFileRetrievalValidator extends ExtensionHandler<'validate-consent-file-retrieval'> {}
export abstract class ConsentRetrievalPreProcessor extends ExtensionHandler<'pre-process-consent-retrieval'> {}
export abstract class ConsentSearchResponseEnricher extends ExtensionHandler<'enrich-consent-search-response'> {}
export abstract class ConsentRevocationPreProcessor extends ExtensionHandler<'pre-process-consent-revoke'> {}
export abstract class ConsentScreenPopulator extends ExtensionHandler<'populate-consent-authorize-screen'> {}
export abstract class AuthorizedConsentPersister extends ExtensionHandler<'persist-authorized-consent'> {}
export abstract class ConsentAccessValidator extends ExtensionHandler<'validate-consent-access'> {}
export abstract class RefreshTokenIssuer extends ExtensionHandler<'issue-refresh-token'> {}
export abstract class AuthorizationRequestValidator extends ExtensionHandler<'validate-authorization-request'> {}
export abstract class EventSubscriptionValidator extends ExtensionHandler<'validate-event-subscription'> {}
export abstract class EventSubscriptionResponseEnricher extends ExtensionHandler<'enrich-event-subscription-response'> {}
export abstract class EventCreationValidator extends ExtensionHandler<'validate-event-creation'> {}
export abstract class EventPollingValidator extends ExtensionHandler<'validate-event-polling'> {}
export abstract class EventPollingResponseEnricher extends ExtensionHandler<'enrich-event-polling-response'> {}
export abstract class AcceleratorErrorMapper extends ExtensionHandler<'map-accelerator-error-response'> {}
export abstract class ApplicationCreationPreProcessor extends ExtensionHandler<'pre-process-application-creation'> {}
export abstract class ApplicationUpdatePreProcessor extends ExtensionHandler<'pre-process-application-update'> {}

type PortClass<N extends ExtensionName> = abstract new (...args: never[]) => ExtensionHandler<N>;

/** The port of each extension point. */
export const EXTENSION_PORTS: { readonly [N in ExtensionName]: PortClass<N> } = {
  'pre-process-client-creation': ClientCreationPreProcessor,
  'pre-process-client-update': ClientUpdatePreProcessor,
  'pre-process-client-retrieval': ClientRetrievalPreProcessor,
  'pre-process-consent-creation': ConsentCreationPreProcessor,
  'enrich-consent-creation-response': ConsentCreationResponseEnricher,
  'pre-process-consent-file-upload': ConsentFileUploadPreProcessor,
  'enrich-consent-file-response': ConsentFileResponseEnricher,
  'validate-consent-file-retrieval': ConsentFileRetrievalValidator,
  'pre-process-consent-retrieval': ConsentRetrievalPreProcessor,
  'enrich-consent-search-response': ConsentSearchResponseEnricher,
  'pre-process-consent-revoke': ConsentRevocationPreProcessor,
  'populate-consent-authorize-screen': ConsentScreenPopulator,
  'persist-authorized-consent': AuthorizedConsentPersister,
  'validate-consent-access': ConsentAccessValidator,
  'issue-refresh-token': RefreshTokenIssuer,
  'validate-authorization-request': AuthorizationRequestValidator,
  'validate-event-subscription': EventSubscriptionValidator,
  'enrich-event-subscription-response': EventSubscriptionResponseEnricher,
  'validate-event-creation': EventCreationValidator,
  'validate-event-polling': EventPollingValidator,
  'enrich-event-polling-response': EventPollingResponseEnricher,
  'map-accelerator-error-response': AcceleratorErrorMapper,
  'pre-process-application-creation': ApplicationCreationPreProcessor,
  'pre-process-application-update': ApplicationUpdatePreProcessor,
};
