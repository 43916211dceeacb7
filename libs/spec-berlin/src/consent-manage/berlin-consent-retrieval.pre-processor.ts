import { Inject, Injectable } from '@nestjs/common';
import {
  ConsentRetrievalPreProcessor,
  succeed,
  type JsonObject,
  type OutcomeOf,
  type RequestDataOf,
  type StoredConsentResource,
  type Clock,
} from '@app/contract';
import { BERLIN_SPEC_CLOCK } from '../berlin-spec.tokens.js';
import { attributeOf, ConsentAttribute } from '../shared/consent-attributes.js';
import { managingClientId, ownedByAnotherTpp, unknownConsentError } from '../shared/consent-owner.js';
import { BerlinConsentType } from '../shared/consent-type.js';
import { effectiveStatus } from '../shared/effective-status.js';
import { epochDayOf, formatIsoDate, lastValidDayOf } from '../shared/iso-date.js';
import { RecurringConsentRegistry } from '../shared/recurring-consent-registry.js';
import { parseResourcePath, type BerlinResource } from '../shared/resource-path.js';
import { headerValue, requestIdHeaderError, TppHeader } from '../shared/tpp-headers.js';
import { berlinError, relayedFailure, type BerlinError } from '../shared/tpp-messages.js';

const TYPE_OF_SERVICE: { readonly [S in BerlinResource['service']]: string } = {
  ais: BerlinConsentType.Accounts,
  piis: BerlinConsentType.FundsConfirmations,
  pis: BerlinConsentType.Payments,
};

/**
 * GET of a consent or payment (§B.1, §B.4): the consent object, its `/status`, the payment with its
 * `transactionStatus`, or the funds-confirmation consent. Another TPP's consent or payment is 403 CONSENT_UNKNOWN, as
 * the identity server's own check is mapped. A path that does not address this consent's resource is 403
 * CONSENT_UNKNOWN (AIS, PIIS) or 403 RESOURCE_UNKNOWN (payments): the id is in the path.
 */
@Injectable()
export class BerlinConsentRetrievalPreProcessor extends ConsentRetrievalPreProcessor {
  constructor(
    @Inject(BERLIN_SPEC_CLOCK) private readonly clock: Clock,
    private readonly recurringConsents: RecurringConsentRegistry,
  ) {
    super();
  }

  async handle({
    consentId,
    consentResourcePath,
    requestHeaders,
    consentResource = {},
  }: RequestDataOf<'pre-process-consent-retrieval'>): Promise<OutcomeOf<'pre-process-consent-retrieval'>> {
    if (ownedByAnotherTpp(consentResource, managingClientId(requestHeaders))) {
      return relayedFailure(unknownConsentError(403));
    }
    const headerError = requestIdHeaderError(requestHeaders);
    if (headerError !== undefined) {
      return relayedFailure(headerError);
    }
    const id = consentId ?? consentResource.id ?? '';
    const resource = parseResourcePath(consentResourcePath);
    const mismatch = resourceMismatch(resource, id, consentResource);
    if (mismatch !== undefined) {
      return relayedFailure(mismatch);
    }
    const superseded = await this.recurringConsents.isSuperseded(
      attributeOf(consentResource, ConsentAttribute.RecurringGroup),
      consentResource.createdTime,
    );
    const status = effectiveStatus(consentResource, this.clock.now(), superseded);
    const body = resource!.statusOnly ? statusBody(consentResource, status) : resourceBody(consentResource, status);
    const requestId = headerValue(requestHeaders, TppHeader.RequestId)!.trim();
    return succeed({ modifiedResponse: body, responseHeaders: { 'X-Request-ID': requestId } });
  }
}

function resourceMismatch(
  resource: BerlinResource | undefined,
  id: string,
  consent: StoredConsentResource,
): BerlinError | undefined {
  if (resource !== undefined && resource.id === id && TYPE_OF_SERVICE[resource.service] === consent.type) {
    const samePayment =
      resource.service !== 'pis' ||
      (attributeOf(consent, ConsentAttribute.PaymentService) === resource.paymentService &&
        attributeOf(consent, ConsentAttribute.PaymentProduct) === resource.paymentProduct);
    if (samePayment) {
      return undefined;
    }
  }
  return resource?.service === 'pis'
    ? berlinError(403, 'RESOURCE_UNKNOWN', `Payment ${id} is not known at this address`, 'paymentId')
    : berlinError(403, 'CONSENT_UNKNOWN', `Consent ${id} is not known at this address`, 'consentId');
}

function statusBody(consent: StoredConsentResource, status: string): JsonObject {
  return consent.type === BerlinConsentType.Payments ? { transactionStatus: status } : { consentStatus: status };
}

function resourceBody(consent: StoredConsentResource, status: string): JsonObject {
  const receipt = consent.receipt ?? {};
  if (consent.type === BerlinConsentType.Payments) {
    return { ...receipt, transactionStatus: status };
  }
  const lastActionDate = formatIsoDate(epochDayOf((consent.updatedTime ?? consent.createdTime ?? 0) * 1000));
  if (consent.type === BerlinConsentType.FundsConfirmations) {
    return { ...receipt, consentStatus: status, lastActionDate };
  }
  const validUntil =
    attributeOf(consent, ConsentAttribute.ValidUntil) ?? formatIsoDate(lastValidDayOf(consent.validityTime ?? 0));
  return {
    access: receipt['access'] ?? {},
    recurringIndicator: consent.recurringIndicator ?? receipt['recurringIndicator'] ?? false,
    validUntil,
    frequencyPerDay: consent.frequency ?? receipt['frequencyPerDay'] ?? 1,
    lastActionDate,
    consentStatus: status,
  };
}
