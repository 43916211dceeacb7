import { Inject, Injectable } from '@nestjs/common';
import {
  ConsentRevocationPreProcessor,
  succeed,
  type OutcomeOf,
  type RequestDataOf,
  type StoredConsentResource,
  type Clock,
} from '@app/contract';
import { BERLIN_SPEC_CLOCK } from '../berlin-spec.tokens.js';
import { attributeOf, ConsentAttribute } from '../shared/consent-attributes.js';
import { managingClientId, ownedByAnotherTpp, unknownConsentError } from '../shared/consent-owner.js';
import { ConsentStatus, FINAL_CONSENT_STATUSES, TransactionStatus } from '../shared/consent-status.js';
import { BerlinConsentType } from '../shared/consent-type.js';
import { effectiveStatus } from '../shared/effective-status.js';
import { RecurringConsentRegistry } from '../shared/recurring-consent-registry.js';
import { parseResourcePath } from '../shared/resource-path.js';
import { requestIdHeaderError } from '../shared/tpp-headers.js';
import { berlinError, relayedFailure, type BerlinError } from '../shared/tpp-messages.js';

/** The identity server's admin (customer self-care) revoke path (contract §4.4 b). */
const ADMIN_REVOKE_PATH = '/api/fs/consent/admin/revoke';

/** Payments that can still be cancelled: not yet authorised, or a standing order (cancelled as a whole). */
const CANCELLABLE_PAYMENT_STATUSES: ReadonlySet<string> = new Set([
  TransactionStatus.Received,
  TransactionStatus.PartiallyAccepted,
]);
/** Stored statuses in which at least one customer has approved, so that access tokens may exist. */
const APPROVED_STATUSES: ReadonlySet<string> = new Set([
  ConsentStatus.Valid,
  ConsentStatus.PartiallyAuthorised,
  TransactionStatus.PartiallyAccepted,
  TransactionStatus.AcceptedCustomerProfile,
]);
const PSU_REVOCABLE_STATUSES: ReadonlySet<string> = new Set([ConsentStatus.Valid, ConsentStatus.PartiallyAuthorised]);

/**
 * DELETE by the TPP (§B.1, §B.5): another TPP's consent or payment is 403 CONSENT_UNKNOWN; an AIS or PIIS consent becomes `terminatedByTpp` unless it is final; a payment is
 * cancelled (`CANC`) while it is not yet authorised, or when it is a periodic payment, else 405 CANCELLATION_INVALID.
 * The customer's revocation through the identity server's admin path makes a valid consent `revokedByPsu`.
 */
@Injectable()
export class BerlinConsentRevocationPreProcessor extends ConsentRevocationPreProcessor {
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
  }: RequestDataOf<'pre-process-consent-revoke'>): Promise<OutcomeOf<'pre-process-consent-revoke'>> {
    const id = consentId ?? consentResource.id ?? '';
    const byCustomer = consentResourcePath === ADMIN_REVOKE_PATH;
    if (!byCustomer) {
      const foreign = ownedByAnotherTpp(consentResource, managingClientId(requestHeaders))
        ? unknownConsentError(403)
        : undefined;
      const refusal =
        foreign ?? requestIdHeaderError(requestHeaders) ?? pathMismatch(consentResourcePath, id, consentResource);
      if (refusal !== undefined) {
        return relayedFailure(refusal);
      }
    }
    const superseded = await this.recurringConsents.isSuperseded(
      attributeOf(consentResource, ConsentAttribute.RecurringGroup),
      consentResource.createdTime,
    );
    const status = effectiveStatus(consentResource, this.clock.now(), superseded);
    const decision = byCustomer ? customerRevocation(status, consentResource) : tppDeletion(status, consentResource);
    if ('error' in decision) {
      return relayedFailure(decision.error);
    }
    // Tokens exist once a customer has approved; the identity server fails a token revocation without any user.
    const approved = APPROVED_STATUSES.has(consentResource.status ?? '');
    return succeed({ revocationStatusName: decision.status, requireTokenRevocation: approved });
  }
}

type Decision = { readonly status: string } | { readonly error: BerlinError };

function tppDeletion(status: string, consent: StoredConsentResource): Decision {
  if (consent.type === BerlinConsentType.Payments) {
    const periodic = attributeOf(consent, ConsentAttribute.PaymentService) === 'periodic-payments';
    if (
      CANCELLABLE_PAYMENT_STATUSES.has(status) ||
      (periodic && status === TransactionStatus.AcceptedCustomerProfile)
    ) {
      return { status: TransactionStatus.Cancelled };
    }
    return {
      error: berlinError(405, 'CANCELLATION_INVALID', `A payment in status ${status} cannot be cancelled`, 'paymentId'),
    };
  }
  if (FINAL_CONSENT_STATUSES.has(status)) {
    return {
      error: berlinError(
        409,
        'STATUS_INVALID',
        `A consent in the final status ${status} cannot be deleted`,
        'consentId',
      ),
    };
  }
  return { status: ConsentStatus.TerminatedByTpp };
}

function customerRevocation(status: string, consent: StoredConsentResource): Decision {
  if (consent.type !== BerlinConsentType.Payments && PSU_REVOCABLE_STATUSES.has(status)) {
    return { status: ConsentStatus.RevokedByPsu };
  }
  return { error: berlinError(409, 'STATUS_INVALID', `A consent in status ${status} cannot be revoked`, 'consentId') };
}

/** The DELETE must address this consent's own resource: otherwise the id in the path is unknown there. */
function pathMismatch(path: string | undefined, id: string, consent: StoredConsentResource): BerlinError | undefined {
  const resource = parseResourcePath(path);
  const expectedType =
    resource?.service === 'pis'
      ? BerlinConsentType.Payments
      : resource?.service === 'piis'
        ? BerlinConsentType.FundsConfirmations
        : BerlinConsentType.Accounts;
  if (resource !== undefined && !resource.statusOnly && resource.id === id && consent.type === expectedType) {
    return undefined;
  }
  return resource?.service === 'pis'
    ? berlinError(403, 'RESOURCE_UNKNOWN', `Payment ${id} is not known at this address`, 'paymentId')
    : berlinError(403, 'CONSENT_UNKNOWN', `Consent ${id} is not known at this address`, 'consentId');
}
