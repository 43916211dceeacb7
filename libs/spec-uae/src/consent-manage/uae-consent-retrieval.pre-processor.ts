import { Inject, Injectable } from '@nestjs/common';
import {
  ConsentRetrievalPreProcessor,
  headerValue,
  succeed,
  type JsonObject,
  type OutcomeOf,
  type StoredConsentRequest,
  type Clock,
} from '@app/contract';
import { PaymentLedger, type PaymentConsumption } from '../consent-access/payment-ledger.js';
import { UaeConsentRegistry } from '../registry/uae-consent-registry.js';
import { UaeConsentStatus } from '../shared/consent-status.js';
import { objectAt } from '../shared/json.js';
import { formatAmount } from '../shared/money.js';
import { paymentControlsOf } from '../shared/payment-controls.js';
import { uaeDay } from '../shared/date-time.js';
import { DOMESTIC_CURRENCY } from '../authorize/service-initiation-consent.rules.js';
import { tppConsentIdOf } from '../shared/consent-attributes.js';
import { isForeignConsent, NOT_A_CONSENT_OF_THIS_TPP } from '../shared/consent-ownership.js';
import { isNonEmptyJsonObject } from '../shared/json.js';
import { uaeFailure, uaeProblemFailure } from '../shared/uae-error.js';
import type { UaeSpecOptions } from '../uae-spec.options.js';
import { UAE_SPEC_CLOCK, UAE_SPEC_OPTIONS } from '../uae-spec.tokens.js';
import { effectiveStatus } from './stored-consent-status.js';
import { isServiceInitiation, uaeConsentResponseBody } from './uae-consent-response-body.js';

/** AEPaymentConsumption: what has been paid, overall and in the current period (domestic payments are in AED). */
function paymentConsumptionBody(consumption: PaymentConsumption): JsonObject {
  const money = (minorUnits: bigint) => ({ Amount: formatAmount(minorUnits), Currency: DOMESTIC_CURRENCY });
  return {
    CumulativeNumberOfPayments: Number(consumption.count),
    CumulativeValueOfPayments: money(consumption.value),
    ...(consumption.countInCurrentPeriod === undefined
      ? {}
      : { CumulativeNumberOfPaymentsInCurrentPeriod: Number(consumption.countInCurrentPeriod) }),
    ...(consumption.valueInCurrentPeriod === undefined
      ? {}
      : { CumulativeValueOfPaymentsInCurrentPeriod: money(consumption.valueInCurrentPeriod) }),
  };
}

/**
 * pre-process-consent-retrieval (contract §4.3): GET /account-access-consents/{ConsentId} and
 * /payment-consents/{ConsentId} answer the UAE consent body. The UAE API lists no 404: a consent that is not a UAE
 * consent of the path's kind is 400 Consent.Invalid (spec-rules §C.6).
 */
@Injectable()
export class UaeConsentRetrievalPreProcessor extends ConsentRetrievalPreProcessor {
  constructor(
    private readonly registry: UaeConsentRegistry,
    private readonly ledger: PaymentLedger,
    @Inject(UAE_SPEC_OPTIONS) private readonly options: UaeSpecOptions,
    @Inject(UAE_SPEC_CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  async handle(data: StoredConsentRequest): Promise<OutcomeOf<'pre-process-consent-retrieval'>> {
    const resource = data.consentResource;
    // Another TPP's consent is not read at all.
    if (isForeignConsent(headerValue(data.requestHeaders, 'x-wso2-client-id'), resource)) {
      return uaeProblemFailure(400, NOT_A_CONSENT_OF_THIS_TPP);
    }
    const consentId = tppConsentIdOf(resource);
    const storedStatus = resource === undefined ? undefined : effectiveStatus(resource, this.clock);
    if (
      resource === undefined ||
      !isNonEmptyJsonObject(resource.receipt) ||
      consentId === undefined ||
      storedStatus === undefined
    ) {
      return uaeProblemFailure(400, NOT_A_CONSENT_OF_THIS_TPP);
    }
    const path = data.consentResourcePath ?? '';
    const payment = isServiceInitiation(resource);
    if (path.includes('payment-consents') !== payment) {
      return uaeFailure(
        400,
        'Consent.Invalid',
        `Consent ${consentId} is not a ${payment ? 'data sharing' : 'payment'} consent`,
        'ConsentId',
      );
    }
    const controls = payment ? paymentControlsOf(objectAt(resource.receipt, 'consent')) : undefined;
    const consumption =
      controls === undefined || resource.clientId === undefined
        ? undefined
        : await this.ledger.consumption(resource.clientId, consentId, controls, uaeDay(this.clock.now()));
    // A single-payment consent is Consumed once its payment is made; the identity server is not told, the ledger knows.
    const consumed =
      controls?.kind === 'single' && storedStatus === UaeConsentStatus.Authorized && (consumption?.count ?? 0n) > 0n;
    const status = consumed ? UaeConsentStatus.Consumed : storedStatus;
    const revokedBy =
      status !== UaeConsentStatus.Revoked || resource.clientId === undefined
        ? undefined
        : await this.registry.revokedBy(resource.clientId, consentId);
    return succeed({
      modifiedResponse: uaeConsentResponseBody({
        resource,
        status,
        ...(revokedBy === undefined ? {} : { revokedBy }),
        ...(consumption === undefined ? {} : { paymentConsumption: paymentConsumptionBody(consumption) }),
        resourceBaseUrl: this.options.resourceBaseUrl,
      }),
    });
  }
}
