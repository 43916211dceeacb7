import { Inject, Injectable } from '@nestjs/common';
import {
  ConsentAccessValidator,
  succeed,
  type DataRequestPayload,
  type ExtensionContext,
  type OutcomeOf,
  type RequestDataOf,
  type StoredConsentResource,
  type Clock,
} from '@app/contract';
import { BERLIN_SPEC_CLOCK, BERLIN_SPEC_OPTIONS } from '../berlin-spec.tokens.js';
import type { BerlinSpecOptions } from '../berlin-spec.options.js';
import { readAccountReference, referenceKey } from '../shared/account-reference.js';
import { attributeOf, ConsentAttribute } from '../shared/consent-attributes.js';
import { ownedByAnotherTpp, unknownConsentError } from '../shared/consent-owner.js';
import { ACTIVE_MAPPING, ConsentStatus } from '../shared/consent-status.js';
import { BerlinConsentType } from '../shared/consent-type.js';
import { effectiveStatus } from '../shared/effective-status.js';
import { epochDayOf } from '../shared/iso-date.js';
import { RecurringConsentRegistry } from '../shared/recurring-consent-registry.js';
import { headerValue, requestIdHeaderError, TppHeader } from '../shared/tpp-headers.js';
import { berlinError, type BerlinError } from '../shared/tpp-messages.js';
import { accessDenied } from './access-denial.js';
import { AccessUsage } from './access-usage.js';
import { requestedResource, type RequestedResource } from './requested-resource.js';

const TYPE_OF_SERVICE: { readonly [S in RequestedResource['service']]: string } = {
  ais: BerlinConsentType.Accounts,
  pis: BerlinConsentType.Payments,
  piis: BerlinConsentType.FundsConfirmations,
};

const notValidFor = (text: string): BerlinError => berlinError(401, 'CONSENT_INVALID', text);

/**
 * validate-consent-access, on every TPP call: the token's client owns the consent, the headers, then the consent (`valid`, within `validUntil`, not
 * superseded: 401 CONSENT_INVALID / CONSENT_EXPIRED), then the resource (the account and the kind of data the consent
 * covers), then the usage limits (one-off day, frequencyPerDay without the customer: 429 ACCESS_EXCEEDED).
 */
@Injectable()
export class BerlinConsentAccessValidator extends ConsentAccessValidator {
  constructor(
    @Inject(BERLIN_SPEC_CLOCK) private readonly clock: Clock,
    @Inject(BERLIN_SPEC_OPTIONS) private readonly options: BerlinSpecOptions,
    private readonly recurringConsents: RecurringConsentRegistry,
    private readonly usage: AccessUsage,
  ) {
    super();
  }

  async handle(
    data: RequestDataOf<'validate-consent-access'>,
    context: ExtensionContext,
  ): Promise<OutcomeOf<'validate-consent-access'>> {
    const consent = data.consentResource ?? {};
    const request = data.dataRequestPayload ?? {};
    const consentId = consent.id ?? data.consentId ?? '';
    const resource = requestedResource(request);
    const refusal =
      ownerError(consent, request, resource) ??
      this.headerError(request, consentId, resource) ??
      serviceError(consent, resource) ??
      (await this.statusError(consent)) ??
      coverageError(consent, resource!, request);
    if (refusal !== undefined) {
      return accessDenied(refusal);
    }
    const usageRefusal = await this.usageError(consent, consentId, resource!, request, context.requestId);
    return usageRefusal === undefined ? succeed({}) : accessDenied(usageRefusal);
  }

  private headerError(
    request: DataRequestPayload,
    consentId: string,
    resource: RequestedResource | undefined,
  ): BerlinError | undefined {
    const requestIdError = requestIdHeaderError(request.headers);
    if (requestIdError !== undefined || resource?.service !== 'ais') {
      return requestIdError;
    }
    const header = headerValue(request.headers, TppHeader.ConsentId);
    if (header === undefined || header.trim() === '') {
      return berlinError(400, 'FORMAT_ERROR', "Header 'consent-id' is missing", TppHeader.ConsentId);
    }
    return header.trim() === consentId
      ? undefined
      : berlinError(
          400,
          'CONSENT_UNKNOWN',
          'The Consent-ID header does not name the consent of the access token',
          TppHeader.ConsentId,
        );
  }

  private async statusError(consent: StoredConsentResource): Promise<BerlinError | undefined> {
    if (consent.type === BerlinConsentType.Payments) {
      return undefined;
    }
    const superseded = await this.recurringConsents.isSuperseded(
      attributeOf(consent, ConsentAttribute.RecurringGroup),
      consent.createdTime,
    );
    const status = effectiveStatus(consent, this.clock.now(), superseded);
    switch (status) {
      case ConsentStatus.Valid:
        return undefined;
      case ConsentStatus.Expired:
        return berlinError(
          401,
          'CONSENT_EXPIRED',
          superseded ? 'The consent was replaced by a newer recurring consent' : 'The consent is expired',
        );
      case ConsentStatus.Received:
      case ConsentStatus.PartiallyAuthorised:
        return notValidFor('The consent is not yet authorised by the PSU');
      case ConsentStatus.RevokedByPsu:
        return notValidFor('Consent was revoked by PSU');
      case ConsentStatus.TerminatedByTpp:
        return notValidFor('Consent was terminated by the TPP');
      default:
        // The identity server's own expiry job may write its configured spelling of the status.
        return status.toLowerCase() === ConsentStatus.Expired
          ? berlinError(401, 'CONSENT_EXPIRED', 'The consent is expired')
          : notValidFor(`The consent is ${status || 'in no status'} and cannot be used`);
    }
  }

  private async usageError(
    consent: StoredConsentResource,
    consentId: string,
    resource: RequestedResource,
    request: DataRequestPayload,
    requestId: string,
  ): Promise<BerlinError | undefined> {
    if (resource.service !== 'ais') {
      return undefined;
    }
    const today = epochDayOf(this.clock.now());
    const recurring = consent.recurringIndicator === true;
    if (!recurring && !(await this.usage.oneOffUsableToday(requestId, consentId, today))) {
      return berlinError(401, 'CONSENT_EXPIRED', 'A one-off consent can be used only on the day of its first use');
    }
    // A call with PSU-IP-Address has the customer present: not counted for recurring consents (§B.3).
    const customerPresent = headerValue(request.headers, TppHeader.PsuIpAddress) !== undefined;
    if (recurring && customerPresent) {
      return undefined;
    }
    const accepted = await this.usage.consumeFrequency({
      requestId,
      consentId,
      accountId: resource.accountId ?? '*',
      endpoint: resource.endpoint,
      today,
      limit: Math.max(1, Math.min(consent.frequency ?? 1, this.options.maxFrequencyPerDay)),
    });
    return accepted
      ? undefined
      : berlinError(
          429,
          'ACCESS_EXCEEDED',
          `The access frequency of ${consent.frequency ?? 1} per day is exceeded for this account and endpoint`,
        );
  }
}

/**
 * The token's client must own the consent. CONSENT_UNKNOWN is 403 where the id is in the path (a payment's own
 * resources) and 400 where it is in the Consent-ID header or the body (account data, funds confirmation), §B.7.
 */
function ownerError(
  consent: StoredConsentResource,
  request: DataRequestPayload,
  resource: RequestedResource | undefined,
): BerlinError | undefined {
  return ownedByAnotherTpp(consent, request.clientId)
    ? unknownConsentError(resource?.service === 'pis' ? 403 : 400)
    : undefined;
}

/** The call must belong to the consent's service: account data with an AIS consent, and so on. */
function serviceError(
  consent: StoredConsentResource,
  resource: RequestedResource | undefined,
): BerlinError | undefined {
  if (resource === undefined) {
    return berlinError(404, 'RESOURCE_UNKNOWN', 'The addressed resource is not a Berlin Group resource of this ASPSP');
  }
  return TYPE_OF_SERVICE[resource.service] === consent.type
    ? undefined
    : notValidFor('The consent is not valid for the addressed service');
}

/** The account and the kind of data must be covered by the active mappings of the consent. */
function coverageError(
  consent: StoredConsentResource,
  resource: RequestedResource,
  request: DataRequestPayload,
): BerlinError | undefined {
  const mappings = (consent.authorizations ?? [])
    .flatMap((authorization) => authorization.resources ?? [])
    .filter((mapping) => mapping.status === ACTIVE_MAPPING);
  switch (resource.service) {
    case 'ais': {
      const covered = mappings.some(
        (mapping) =>
          (resource.accountId === undefined || mapping.accountId === resource.accountId) &&
          resource.rights.some((right) => right === mapping.permission),
      );
      return covered ? undefined : notValidFor('The consent is not valid for the addressed account or data');
    }
    case 'pis':
      return resource.paymentId === consent.id
        ? undefined
        : berlinError(403, 'RESOURCE_UNKNOWN', 'The addressed payment is not the payment of the consent', 'paymentId');
    case 'piis':
      return sameFundsAccount(consent, request)
        ? undefined
        : notValidFor('The consent does not cover the account of the funds confirmation');
  }
}

function sameFundsAccount(consent: StoredConsentResource, request: DataRequestPayload): boolean {
  const body = request.body;
  const requested = readAccountReference(
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['account'] : undefined,
    'account',
    { ibanChecksum: false },
  );
  const consented = readAccountReference(consent.receipt?.['account'], 'account', { ibanChecksum: false });
  return (
    'reference' in requested &&
    'reference' in consented &&
    referenceKey(requested.reference) === referenceKey(consented.reference)
  );
}
