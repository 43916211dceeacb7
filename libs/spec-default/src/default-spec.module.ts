import { Module, type DynamicModule } from '@nestjs/common';
import { bindPoints, type PointBindings, SYSTEM_CLOCK } from '@app/contract';
import { resolveDefaultSpecOptions, type DefaultSpecOptions } from './default-spec.options.js';
import { DEFAULT_SPEC_CLOCK, DEFAULT_SPEC_OPTIONS } from './default-spec.tokens.js';
import { DefaultAuthorizationRequestValidator } from './authorize/default-authorization-request.validator.js';
import { DefaultApplicationCreationPreProcessor } from './client-registration/default-application-creation.pre-processor.js';
import { DefaultApplicationUpdatePreProcessor } from './client-registration/default-application-update.pre-processor.js';
import { DefaultClientCreationPreProcessor } from './client-registration/default-client-creation.pre-processor.js';
import { DefaultClientRetrievalPreProcessor } from './client-registration/default-client-retrieval.pre-processor.js';
import { DefaultClientUpdatePreProcessor } from './client-registration/default-client-update.pre-processor.js';
import { DefaultConsentAccessValidator } from './consent-access/default-consent-access.validator.js';
import { DefaultAuthorizedConsentPersister } from './consent-authorize/default-authorized-consent.persister.js';
import { DefaultConsentScreenPopulator } from './consent-authorize/default-consent-screen.populator.js';
import { DefaultConsentCreationPreProcessor } from './consent-manage/creation/default-consent-creation.pre-processor.js';
import { DefaultConsentCreationResponseEnricher } from './consent-manage/default-consent-creation-response.enricher.js';
import { DefaultConsentFileResponseEnricher } from './consent-manage/default-consent-file-response.enricher.js';
import { DefaultConsentFileRetrievalValidator } from './consent-manage/default-consent-file-retrieval.validator.js';
import { DefaultConsentFileUploadPreProcessor } from './consent-manage/default-consent-file-upload.pre-processor.js';
import { DefaultConsentRetrievalPreProcessor } from './consent-manage/default-consent-retrieval.pre-processor.js';
import { DefaultConsentRevocationPreProcessor } from './consent-manage/default-consent-revocation.pre-processor.js';
import { DefaultConsentSearchResponseEnricher } from './consent-manage/default-consent-search-response.enricher.js';
import { DefaultAcceleratorErrorMapper } from './error-mapping/default-accelerator-error.mapper.js';
import { DefaultEventCreationValidator } from './events/default-event-creation.validator.js';
import { DefaultEventPollingResponseEnricher } from './events/default-event-polling-response.enricher.js';
import { DefaultEventPollingValidator } from './events/default-event-polling.validator.js';
import { DefaultEventSubscriptionResponseEnricher } from './events/default-event-subscription-response.enricher.js';
import { DefaultEventSubscriptionValidator } from './events/default-event-subscription.validator.js';
import { DefaultRefreshTokenIssuer } from './token/default-refresh-token.issuer.js';

/**
 * The implementation of every extension point, keyed by point so that the compiler refuses a missing one (`Required`)
 * and checks each class against its point's port.
 */
const DEFAULT_HANDLERS: Required<PointBindings> = {
  'pre-process-client-creation': DefaultClientCreationPreProcessor,
  'pre-process-client-update': DefaultClientUpdatePreProcessor,
  'pre-process-client-retrieval': DefaultClientRetrievalPreProcessor,
  'pre-process-consent-creation': DefaultConsentCreationPreProcessor,
  'enrich-consent-creation-response': DefaultConsentCreationResponseEnricher,
  'pre-process-consent-file-upload': DefaultConsentFileUploadPreProcessor,
  'enrich-consent-file-response': DefaultConsentFileResponseEnricher,
  'validate-consent-file-retrieval': DefaultConsentFileRetrievalValidator,
  'pre-process-consent-retrieval': DefaultConsentRetrievalPreProcessor,
  'enrich-consent-search-response': DefaultConsentSearchResponseEnricher,
  'pre-process-consent-revoke': DefaultConsentRevocationPreProcessor,
  'populate-consent-authorize-screen': DefaultConsentScreenPopulator,
  'persist-authorized-consent': DefaultAuthorizedConsentPersister,
  'validate-consent-access': DefaultConsentAccessValidator,
  'issue-refresh-token': DefaultRefreshTokenIssuer,
  'validate-authorization-request': DefaultAuthorizationRequestValidator,
  'validate-event-subscription': DefaultEventSubscriptionValidator,
  'enrich-event-subscription-response': DefaultEventSubscriptionResponseEnricher,
  'validate-event-creation': DefaultEventCreationValidator,
  'validate-event-polling': DefaultEventPollingValidator,
  'enrich-event-polling-response': DefaultEventPollingResponseEnricher,
  'map-accelerator-error-response': DefaultAcceleratorErrorMapper,
  'pre-process-application-creation': DefaultApplicationCreationPreProcessor,
  'pre-process-application-update': DefaultApplicationUpdatePreProcessor,
};

/**
 * The `default` specification: the accelerator's built-in behaviour at all 24 extension points, and the fallback of
 * every other specification. The consent page asks the bank for the customer's accounts through `BankBackend`, which
 * the application provides globally; this module does not import the bank backend module itself.
 */
@Module({})
export class DefaultSpecModule {
  static register(options: DefaultSpecOptions = {}): DynamicModule {
    return {
      module: DefaultSpecModule,
      providers: [
        { provide: DEFAULT_SPEC_OPTIONS, useValue: resolveDefaultSpecOptions(options) },
        { provide: DEFAULT_SPEC_CLOCK, useValue: SYSTEM_CLOCK },
        ...bindPoints(DEFAULT_HANDLERS),
      ],
    };
  }
}
