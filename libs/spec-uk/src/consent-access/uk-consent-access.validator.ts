import { Inject, Injectable } from '@nestjs/common';
import { UsageCounterRepository } from '@app/persistence';
import {
  ConsentAccessValidator,
  succeed,
  type ExtensionContext,
  type OutcomeOf,
  type RequestDataOf,
  type Clock,
} from '@app/contract';
import { UK_SPEC_CLOCK } from '../uk-spec.tokens.js';
import { foreignConsentRejection, ownedByAnotherTpp } from '../shared/consent-owner.js';
import { nonEmptyString } from '../shared/json.js';
import { kindOfType, type ConsentFamily } from '../shared/uk-consent-kind.js';
import { UkErrorCode, ukRejection, type UkRejection } from '../shared/uk-error.js';
import { UkConsentStatus } from '../shared/uk-status.js';
import { consentExpired } from '../consent-authorize/consent-expiry.js';
import { accessRefusal } from './access-refusal.js';
import type { AccessRequest, AccessRules } from './access-request.js';
import { accountAccessRules } from './account-access.rules.js';
import { fundsConfirmationAccessRules } from './funds-confirmation-access.rules.js';
import { paymentOrderRules } from './payment-order.rules.js';
import { normalisedTemplate } from './resource-path.js';
import { vrpPaymentRules } from './vrp-payment.rules.js';

type AccessRequestData = RequestDataOf<'validate-consent-access'>;

/**
 * Every protected API call of a TPP (contract §4.11): the token's consent must be a UK consent of the calling TPP,
 * `Authorised` and not expired, and the call must be one its family allows (see each family's rules).
 */
@Injectable()
export class UkConsentAccessValidator extends ConsentAccessValidator {
  private readonly rules: Readonly<Record<ConsentFamily, AccessRules>>;

  constructor(
    @Inject(UsageCounterRepository) usage: UsageCounterRepository,
    @Inject(UK_SPEC_CLOCK) private readonly clock: Clock,
  ) {
    super();
    this.rules = {
      'account-access': accountAccessRules,
      payment: paymentOrderRules(usage),
      'funds-confirmation': fundsConfirmationAccessRules(usage),
      vrp: vrpPaymentRules(usage),
    };
  }

  async handle(data: AccessRequestData, context: ExtensionContext): Promise<OutcomeOf<'validate-consent-access'>> {
    const refusal = await this.refusal(data, context);
    return refusal === undefined ? succeed({}) : accessRefusal(refusal);
  }

  private async refusal(
    { consentId, consentResource, dataRequestPayload }: AccessRequestData,
    context: ExtensionContext,
  ): Promise<UkRejection | undefined> {
    // First: another TPP learns nothing else about the consent.
    if (ownedByAnotherTpp(consentResource, dataRequestPayload?.clientId)) {
      return foreignConsentRejection();
    }
    const kind = kindOfType(consentResource?.type);
    const id = nonEmptyString(consentId) ?? nonEmptyString(consentResource?.id);
    if (kind === undefined || consentResource === undefined || id === undefined || dataRequestPayload === undefined) {
      return ukRejection(403, UkErrorCode.ResourceNotFound, 'The access token is not bound to a UK consent');
    }
    if (dataRequestPayload.consentId !== undefined && dataRequestPayload.consentId !== id) {
      return ukRejection(403, UkErrorCode.ResourceConsentMismatch, 'The access token is bound to another consent');
    }
    if (consentResource.status !== UkConsentStatus.Authorised) {
      return ukRejection(
        400,
        UkErrorCode.ResourceInvalidConsentStatus,
        `The consent is ${String(consentResource.status)}, not Authorised`,
      );
    }
    const nowMillis = this.clock.now();
    if (consentExpired(kind, consentResource, nowMillis)) {
      return ukRejection(400, UkErrorCode.ResourceInvalidConsentStatus, 'The consent has expired');
    }
    const request: AccessRequest = {
      consentId: id,
      consent: consentResource,
      kind,
      payload: dataRequestPayload,
      template: normalisedTemplate(dataRequestPayload.electedResource),
      nowMillis,
      requestId: context.requestId,
    };
    return this.rules[kind.family](request);
  }
}
