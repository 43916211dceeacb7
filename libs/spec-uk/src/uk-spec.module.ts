import { Module, type DynamicModule } from '@nestjs/common';
import { bindPoints, SYSTEM_CLOCK, type Clock } from '@app/contract';
import { UK_OFFICIAL_SCHEMAS, UK_SPEC_CLOCK, UK_SPEC_OPTIONS } from './uk-spec.tokens.js';
import type { UkSpecOptions } from './uk-spec.options.js';
import { UkOfficialSchemas } from './schemas/uk-official-schemas.js';
import { UkAuthorizationRequestValidator } from './authorize/uk-authorization-request.validator.js';
import { UkConsentAccessValidator } from './consent-access/uk-consent-access.validator.js';
import { UkAuthorizedConsentPersister } from './consent-authorize/uk-authorized-consent.persister.js';
import { FurtherAuthorisation } from './consent-authorize/further-authorisation.js';
import { UkConsentScreenPopulator } from './consent-authorize/uk-consent-screen.populator.js';
import { UkConsentCreationPreProcessor } from './consent-manage/creation/uk-consent-creation.pre-processor.js';
import { JwsSignatureVerifier } from './consent-manage/signature/jws-signature.verifier.js';
import { ResponseSigner } from './consent-manage/signature/response-signer.js';
import { SignatureCheckNotice } from './consent-manage/signature/signature-check.notice.js';
import { PaymentFundsConfirmation } from './consent-manage/payment-funds-confirmation.js';
import { UkConsentCreationResponseEnricher } from './consent-manage/uk-consent-creation-response.enricher.js';
import { UkConsentFileResponseEnricher } from './consent-manage/uk-consent-file-response.enricher.js';
import { UkConsentFileRetrievalValidator } from './consent-manage/uk-consent-file-retrieval.validator.js';
import { UkConsentFileUploadPreProcessor } from './consent-manage/uk-consent-file-upload.pre-processor.js';
import { UkConsentRetrievalPreProcessor } from './consent-manage/uk-consent-retrieval.pre-processor.js';
import { UkConsentRevocationPreProcessor } from './consent-manage/uk-consent-revocation.pre-processor.js';
import { UkAcceleratorErrorMapper } from './error-mapping/uk-accelerator-error.mapper.js';
import { UkRefreshTokenIssuer } from './token/uk-refresh-token.issuer.js';

/** The extension points the UK specification implements; the others (search, events, DCR) are answered by `default`. */
const UK_POINTS = bindPoints({
  'pre-process-consent-creation': UkConsentCreationPreProcessor,
  'enrich-consent-creation-response': UkConsentCreationResponseEnricher,
  'pre-process-consent-file-upload': UkConsentFileUploadPreProcessor,
  'enrich-consent-file-response': UkConsentFileResponseEnricher,
  'validate-consent-file-retrieval': UkConsentFileRetrievalValidator,
  'pre-process-consent-retrieval': UkConsentRetrievalPreProcessor,
  'pre-process-consent-revoke': UkConsentRevocationPreProcessor,
  'populate-consent-authorize-screen': UkConsentScreenPopulator,
  'persist-authorized-consent': UkAuthorizedConsentPersister,
  'validate-consent-access': UkConsentAccessValidator,
  'issue-refresh-token': UkRefreshTokenIssuer,
  'validate-authorization-request': UkAuthorizationRequestValidator,
  'map-accelerator-error-response': UkAcceleratorErrorMapper,
});

/**
 * UK Open Banking Read/Write API v3.1.11 at every consent extension point. The official schemas are compiled here,
 * once, so a broken asset stops the boot instead of the first request. `BankBackend` and `UsageCounterRepository` come
 * from the application's global modules.
 */
@Module({})
export class UkSpecModule {
  static register(options: UkSpecOptions, clock: Clock = SYSTEM_CLOCK): DynamicModule {
    const schemas = new UkOfficialSchemas();
    return {
      module: UkSpecModule,
      providers: [
        { provide: UK_SPEC_OPTIONS, useValue: options },
        { provide: UK_SPEC_CLOCK, useValue: clock },
        { provide: UK_OFFICIAL_SCHEMAS, useValue: schemas },
        JwsSignatureVerifier,
        ResponseSigner,
        SignatureCheckNotice,
        PaymentFundsConfirmation,
        FurtherAuthorisation,
        ...UK_POINTS,
      ],
    };
  }
}
