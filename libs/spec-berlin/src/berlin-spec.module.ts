import { Module, type DynamicModule } from '@nestjs/common';
import { bindPoints, SYSTEM_CLOCK, type Clock } from '@app/contract';
import type { BerlinSpecOptions } from './berlin-spec.options.js';
import { BERLIN_SCHEMAS, BERLIN_SPEC_CLOCK, BERLIN_SPEC_OPTIONS } from './berlin-spec.tokens.js';
import { AccessUsage } from './consent-access/access-usage.js';
import { BerlinConsentAccessValidator } from './consent-access/berlin-consent-access.validator.js';
import { BerlinAuthorizedConsentPersister } from './consent-authorize/berlin-authorized-consent.persister.js';
import { BerlinConsentScreenPopulator } from './consent-authorize/berlin-consent-screen.populator.js';
import {
  BerlinConsentFileRetrievalRefusal,
  BerlinConsentFileUploadRefusal,
} from './consent-manage/berlin-consent-file.refusals.js';
import { BerlinConsentCreationResponseEnricher } from './consent-manage/berlin-consent-creation-response.enricher.js';
import { BerlinConsentRetrievalPreProcessor } from './consent-manage/berlin-consent-retrieval.pre-processor.js';
import { BerlinConsentRevocationPreProcessor } from './consent-manage/berlin-consent-revocation.pre-processor.js';
import { BerlinConsentCreationPreProcessor } from './consent-manage/creation/berlin-consent-creation.pre-processor.js';
import { BerlinAcceleratorErrorMapper } from './error-mapping/berlin-accelerator-error.mapper.js';
import { BerlinSchemas } from './shared/berlin-schemas.js';
import { RecurringConsentRegistry } from './shared/recurring-consent-registry.js';
import { BerlinRefreshTokenIssuer } from './token/berlin-refresh-token.issuer.js';

/** The points Berlin Group implements; the others (search, events, DCR, authorization request) fall back to `default`. */
const BERLIN_POINTS = bindPoints({
  'pre-process-consent-creation': BerlinConsentCreationPreProcessor,
  'enrich-consent-creation-response': BerlinConsentCreationResponseEnricher,
  'pre-process-consent-retrieval': BerlinConsentRetrievalPreProcessor,
  'pre-process-consent-file-upload': BerlinConsentFileUploadRefusal,
  'validate-consent-file-retrieval': BerlinConsentFileRetrievalRefusal,
  'pre-process-consent-revoke': BerlinConsentRevocationPreProcessor,
  'populate-consent-authorize-screen': BerlinConsentScreenPopulator,
  'persist-authorized-consent': BerlinAuthorizedConsentPersister,
  'validate-consent-access': BerlinConsentAccessValidator,
  'issue-refresh-token': BerlinRefreshTokenIssuer,
  'map-accelerator-error-response': BerlinAcceleratorErrorMapper,
});

/**
 * The Berlin Group NextGenPSD2 XS2A 1.3.x specification. The official schemas are compiled here, once, when the
 * module is created. The database (UsageCounterRepository) and the bank (BankBackend) are provided globally by the
 * application.
 */
@Module({})
export class BerlinSpecModule {
  static register(
    options: BerlinSpecOptions,
    clock: Clock = SYSTEM_CLOCK,
    schemas: BerlinSchemas = new BerlinSchemas(),
  ): DynamicModule {
    return {
      module: BerlinSpecModule,
      providers: [
        { provide: BERLIN_SPEC_OPTIONS, useValue: options },
        { provide: BERLIN_SPEC_CLOCK, useValue: clock },
        { provide: BERLIN_SCHEMAS, useValue: schemas },
        RecurringConsentRegistry,
        AccessUsage,
        ...BERLIN_POINTS,
      ],
    };
  }
}
