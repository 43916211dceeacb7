import { Inject, Injectable } from '@nestjs/common';
import {
  ConsentRevocationPreProcessor,
  headerValue,
  succeed,
  type ExtensionContext,
  type OutcomeOf,
  type StoredConsentRequest,
  type Clock,
} from '@app/contract';
import { UaeConsentRegistry } from '../registry/uae-consent-registry.js';
import { tppConsentIdOf } from '../shared/consent-attributes.js';
import { isForeignConsent, NOT_A_CONSENT_OF_THIS_TPP } from '../shared/consent-ownership.js';
import { REVOCABLE_STATUSES, UaeConsentStatus, type RevokedBy } from '../shared/consent-status.js';
import { isNonEmptyJsonObject } from '../shared/json.js';
import { uaeFailure, uaeProblemFailure } from '../shared/uae-error.js';
import { UAE_SPEC_CLOCK } from '../uae-spec.tokens.js';
import { effectiveStatus } from './stored-consent-status.js';

/** The admin / self-care revoke path (contract §4.4 b): the customer revoking at the bank. */
const ADMIN_REVOKE_PATH = '/api/fs/consent/admin/revoke';

/**
 * pre-process-consent-revoke (contract §4.4): the only change a TPP may make is to `Revoked`, from Authorized,
 * AwaitingAuthorization or Suspended (spec-rules §C.4); any other state is 400 Consent.BusinessRuleViolation.
 * RevokedBy is TPP on the TPP's call and LFI.InitiatedByUser on the bank's self-care path; the identity server keeps
 * only the status, so RevokedBy is recorded here for later retrievals.
 */
@Injectable()
export class UaeConsentRevocationPreProcessor extends ConsentRevocationPreProcessor {
  constructor(
    private readonly registry: UaeConsentRegistry,
    @Inject(UAE_SPEC_CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  async handle(
    data: StoredConsentRequest,
    context: ExtensionContext,
  ): Promise<OutcomeOf<'pre-process-consent-revoke'>> {
    const resource = data.consentResource;
    // Another TPP's consent is never terminated (the admin path has no TPP, so it is never foreign).
    if (isForeignConsent(headerValue(data.requestHeaders, 'x-wso2-client-id'), resource)) {
      return uaeProblemFailure(400, NOT_A_CONSENT_OF_THIS_TPP);
    }
    const consentId = tppConsentIdOf(resource);
    const status = resource === undefined ? undefined : effectiveStatus(resource, this.clock);
    if (
      resource === undefined ||
      !isNonEmptyJsonObject(resource.receipt) ||
      consentId === undefined ||
      status === undefined
    ) {
      return uaeProblemFailure(400, NOT_A_CONSENT_OF_THIS_TPP);
    }
    if (!REVOCABLE_STATUSES.includes(status)) {
      return uaeFailure(
        400,
        'Consent.BusinessRuleViolation',
        `A consent in status ${status} cannot be revoked`,
        'Data.Status',
      );
    }
    const revokedBy: RevokedBy = data.consentResourcePath === ADMIN_REVOKE_PATH ? 'LFI.InitiatedByUser' : 'TPP';
    if (resource.clientId !== undefined) {
      await this.registry.record(context.requestId, resource.clientId, consentId, { revokedBy });
    }
    return succeed({
      revocationStatusName: UaeConsentStatus.Revoked,
      // Tokens exist only once a customer has authorised; the identity server fails to revoke tokens of nobody.
      requireTokenRevocation: status !== UaeConsentStatus.AwaitingAuthorization,
    });
  }
}
