import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import {
  AcceleratorErrorMapper,
  AuthorizationRequestValidator,
  AuthorizedConsentPersister,
  ConsentAccessValidator,
  ConsentCreationPreProcessor,
  ConsentCreationResponseEnricher,
  ConsentRetrievalPreProcessor,
  ConsentRevocationPreProcessor,
  ConsentScreenPopulator,
  RefreshTokenIssuer,
} from '@app/contract';
import { UK_OFFICIAL_SCHEMAS, UK_SPEC_CLOCK, UK_SPEC_OPTIONS } from './uk-spec.tokens.js';
import type { UkSpecOptions } from './uk-spec.options.js';
import { SYSTEM_CLOCK, type Clock } from './shared/clock.js';
import { UkOfficialSchemas } from './schemas/uk-official-schemas.js';
import { UkAuthorizationRequestValidator } from './authorize/uk-authorization-request.validator.js';
import { UkConsentAccessValidator } from './consent-access/uk-consent-access.validator.js';
import { UkAuthorizedConsentPersister } from './consent-authorize/uk-authorized-consent.persister.js';
import { UkConsentScreenPopulator } from './consent-authorize/uk-consent-screen.populator.js';
import { UkConsentCreationPreProcessor } from './consent-manage/creation/uk-consent-creation.pre-processor.js';
import { JwsSignatureVerifier } from './consent-manage/signature/jws-signature.verifier.js';
import { ResponseSigner } from './consent-manage/signature/response-signer.js';
import { SignatureCheckNotice } from './consent-manage/signature/signature-check.notice.js';
import { PaymentFundsConfirmation } from './consent-manage/payment-funds-confirmation.js';
import { UkConsentCreationResponseEnricher } from './consent-manage/uk-consent-creation-response.enricher.js';
import { UkConsentRetrievalPreProcessor } from './consent-manage/uk-consent-retrieval.pre-processor.js';
import { UkConsentRevocationPreProcessor } from './consent-manage/uk-consent-revocation.pre-processor.js';
import { UkAcceleratorErrorMapper } from './error-mapping/uk-accelerator-error.mapper.js';
import { UkRefreshTokenIssuer } from './token/uk-refresh-token.issuer.js';

/** The extension points the UK specification implements; the others are answered with the default behaviour. */
const UK_HANDLERS: readonly Provider[] = [
  { provide: ConsentCreationPreProcessor, useClass: UkConsentCreationPreProcessor },
  { provide: ConsentCreationResponseEnricher, useClass: UkConsentCreationResponseEnricher },
  { provide: ConsentRetrievalPreProcessor, useClass: UkConsentRetrievalPreProcessor },
  { provide: ConsentRevocationPreProcessor, useClass: UkConsentRevocationPreProcessor },
  { provide: ConsentScreenPopulator, useClass: UkConsentScreenPopulator },
  { provide: AuthorizedConsentPersister, useClass: UkAuthorizedConsentPersister },
  { provide: ConsentAccessValidator, useClass: UkConsentAccessValidator },
  { provide: RefreshTokenIssuer, useClass: UkRefreshTokenIssuer },
  { provide: AuthorizationRequestValidator, useClass: UkAuthorizationRequestValidator },
  { provide: AcceleratorErrorMapper, useClass: UkAcceleratorErrorMapper },
];

const UK_PORTS = [
  ConsentCreationPreProcessor,
  ConsentCreationResponseEnricher,
  ConsentRetrievalPreProcessor,
  ConsentRevocationPreProcessor,
  ConsentScreenPopulator,
  AuthorizedConsentPersister,
  ConsentAccessValidator,
  RefreshTokenIssuer,
  AuthorizationRequestValidator,
  AcceleratorErrorMapper,
];

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
        ...UK_HANDLERS,
      ],
      exports: UK_PORTS,
    };
  }
}
