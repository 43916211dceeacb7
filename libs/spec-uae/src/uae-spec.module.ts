import { Module, type DynamicModule } from '@nestjs/common';
import { bindPoints, SYSTEM_CLOCK, type Clock } from '@app/contract';
import { AuthorizationDetailsReader } from './authorize/authorization-details.reader.js';
import { UaeAuthorizationRequestValidator } from './authorize/uae-authorization-request.validator.js';
import { PaymentLedger } from './consent-access/payment-ledger.js';
import { PaymentSubmissionHandler } from './consent-access/payment-submission.handler.js';
import { UaeConsentAccessValidator } from './consent-access/uae-consent-access.validator.js';
import { ConsentSourceReader } from './consent-authorize/consent-source.js';
import { UaeAuthorizedConsentPersister } from './consent-authorize/uae-authorized-consent.persister.js';
import { UaeConsentScreenPopulator } from './consent-authorize/uae-consent-screen.populator.js';
import { UaeConsentCreationResponseEnricher } from './consent-manage/uae-consent-creation-response.enricher.js';
import { UaeConsentCreationPreProcessor } from './consent-manage/uae-consent-creation.pre-processor.js';
import { UaeConsentRetrievalPreProcessor } from './consent-manage/uae-consent-retrieval.pre-processor.js';
import { UaeConsentRevocationPreProcessor } from './consent-manage/uae-consent-revocation.pre-processor.js';
import { UaeAcceleratorErrorMapper } from './error-mapping/uae-accelerator-error.mapper.js';
import { UaeConsentRegistry } from './registry/uae-consent-registry.js';
import { UaeOfficialSchemas } from './schemas/uae-official-schemas.js';
import { loadAaniPurposeCodes } from './shared/aani-purpose-codes.js';
import { UaeRefreshTokenIssuer } from './token/uae-refresh-token.issuer.js';
import type { UaeSpecOptions } from './uae-spec.options.js';
import { UAE_AANI_PURPOSE_CODES, UAE_SPEC_CLOCK, UAE_SPEC_OPTIONS } from './uae-spec.tokens.js';

/** The extension points UAE implements natively; the others are answered by the default specification. */
const UAE_POINTS = bindPoints({
  'validate-authorization-request': UaeAuthorizationRequestValidator,
  'populate-consent-authorize-screen': UaeConsentScreenPopulator,
  'persist-authorized-consent': UaeAuthorizedConsentPersister,
  'pre-process-consent-creation': UaeConsentCreationPreProcessor,
  'enrich-consent-creation-response': UaeConsentCreationResponseEnricher,
  'pre-process-consent-retrieval': UaeConsentRetrievalPreProcessor,
  'pre-process-consent-revoke': UaeConsentRevocationPreProcessor,
  'validate-consent-access': UaeConsentAccessValidator,
  'issue-refresh-token': UaeRefreshTokenIssuer,
  'map-accelerator-error-response': UaeAcceleratorErrorMapper,
});

/**
 * The `uae` specification (UAE Open Finance standards v2.1): consents arrive through PAR with rich authorization
 * requests and are created at persist time, with the pre-initiated route accepted as well. `BankBackend` and the
 * usage-counter repository come from the application (global providers); this module imports neither module.
 */
@Module({})
export class UaeSpecModule {
  static register(options: UaeSpecOptions, clock: Clock = SYSTEM_CLOCK): DynamicModule {
    return {
      module: UaeSpecModule,
      providers: [
        { provide: UAE_SPEC_OPTIONS, useValue: options },
        { provide: UAE_SPEC_CLOCK, useValue: clock },
        // Compiled here, once, so that no request pays for a schema compilation.
        { provide: UaeOfficialSchemas, useValue: new UaeOfficialSchemas() },
        { provide: UAE_AANI_PURPOSE_CODES, useValue: loadAaniPurposeCodes() },
        AuthorizationDetailsReader,
        ConsentSourceReader,
        UaeConsentRegistry,
        PaymentLedger,
        PaymentSubmissionHandler,
        ...UAE_POINTS,
      ],
    };
  }
}
