import { Inject, Injectable } from '@nestjs/common';
import { ConsentCreationPreProcessor, succeed, type OutcomeOf, type RequestDataOf, type Clock } from '@app/contract';
import { DEFAULT_SPEC_CLOCK, DEFAULT_SPEC_OPTIONS } from '../../default-spec.tokens.js';
import type { ResolvedDefaultSpecOptions } from '../../default-spec.options.js';
import { ConsentType, consentTypeFromPath, type ManagedConsentType } from '../../shared/consent-type.js';
import { isJsonObject } from '../../shared/json.js';
import { payloadValidationFailure, unknownConsentTypeFailure } from '../../shared/manage-failures.js';
import { validateAccountConsentData } from './account-consent.validator.js';
import { consentCreationOutcome } from './consent-creation-outcome.js';
import type { ConsentDataValidator } from './creation-validation.js';
import { validateFundsConfirmationConsentData } from './funds-confirmation-consent.validator.js';
import { validatePaymentConsentData } from './payment-consent.validator.js';

type Outcome = OutcomeOf<'pre-process-consent-creation'>;

const VALIDATORS: { readonly [T in ManagedConsentType]: ConsentDataValidator } = {
  [ConsentType.Accounts]: validateAccountConsentData,
  [ConsentType.FundsConfirmations]: validateFundsConfirmationConsentData,
  [ConsentType.Payments]: validatePaymentConsentData,
};

/**
 * What the accelerator does on `POST /…-consents` when the extension is off: find the type from the path, validate
 * the TPP body (`DefaultConsentManageValidator`) and describe the consent to store.
 */
@Injectable()
export class DefaultConsentCreationPreProcessor extends ConsentCreationPreProcessor {
  constructor(
    @Inject(DEFAULT_SPEC_OPTIONS) private readonly options: ResolvedDefaultSpecOptions,
    @Inject(DEFAULT_SPEC_CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  handle(data: RequestDataOf<'pre-process-consent-creation'>): Promise<Outcome> {
    return Promise.resolve(this.decide(data));
  }

  private decide({
    consentResourcePath = '',
    consentInitiationData,
  }: RequestDataOf<'pre-process-consent-creation'>): Outcome {
    const type = consentTypeFromPath(consentResourcePath);
    if (type === undefined) {
      return unknownConsentTypeFailure();
    }
    if (!isJsonObject(consentInitiationData)) {
      return payloadValidationFailure('Payload is not in the correct format');
    }
    const data = consentInitiationData['Data'];
    if (!isJsonObject(data)) {
      return payloadValidationFailure('Invalid request payload');
    }
    const nowMillis = this.clock.now();
    const error = VALIDATORS[type](data, { nowMillis, maxInstructedAmount: this.options.maxInstructedAmount });
    if (error !== undefined) {
      return payloadValidationFailure(error);
    }
    return succeed({
      consentResource: consentCreationOutcome({
        type,
        consentResourcePath,
        payload: consentInitiationData,
        data,
        nowMillis,
        defaultValidityDays: this.options.defaultAccountConsentValidityDays,
      }),
    });
  }
}
