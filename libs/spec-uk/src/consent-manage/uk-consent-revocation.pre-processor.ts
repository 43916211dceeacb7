import { Injectable } from '@nestjs/common';
import {
  ConsentRevocationPreProcessor,
  succeed,
  type ExtensionContext,
  type OutcomeOf,
  type RequestDataOf,
  type StoredConsentResource,
} from '@app/contract';
import { kindOfType, parseManagePath } from '../shared/uk-consent-kind.js';
import { UkErrorCode, ukFailure, ukRejection, type UkRejection } from '../shared/uk-error.js';
import { UkConsentStatus } from '../shared/uk-status.js';
import { storedConsentRejection } from './stored-consent.checks.js';

type Outcome = OutcomeOf<'pre-process-consent-revoke'>;

/** The path of the admin and self-care revocation (the customer revokes at the bank). */
export const ADMIN_REVOKE_PATH = '/api/fs/consent/admin/revoke';

interface Revocation {
  readonly revocationStatusName: string;
  readonly requireTokenRevocation: boolean;
}

/**
 * Revocation (§A.5). A TPP `DELETE` removes an account-access, funds-confirmation or VRP consent in any status (kept as
 * `Deleted`); payment-order consents have no DELETE (405). At the bank's dashboard only Authorised consents are
 * revoked: funds-confirmation consents become `Revoked`; account-access and VRP consents keep their status and lose
 * their tokens and account mappings (v3.1.4 and later); payment-order consents cannot be revoked (PSD2 Art. 80).
 */
@Injectable()
export class UkConsentRevocationPreProcessor extends ConsentRevocationPreProcessor {
  handle(
    { consentResourcePath, consentResource, requestHeaders }: RequestDataOf<'pre-process-consent-revoke'>,
    context: ExtensionContext,
  ): Promise<Outcome> {
    const decision =
      consentResourcePath === ADMIN_REVOKE_PATH
        ? adminRevocation(consentResource)
        : tppDeletion(consentResourcePath, consentResource, requestHeaders);
    return Promise.resolve('code' in decision ? ukFailure(decision, context.requestId) : succeed(decision));
  }
}

function tppDeletion(
  consentResourcePath: string | undefined,
  consent: StoredConsentResource | undefined,
  requestHeaders: Readonly<Record<string, string>> | undefined,
): Revocation | UkRejection {
  const path = parseManagePath(consentResourcePath);
  const refused = storedConsentRejection(path, consent, requestHeaders);
  if (refused !== undefined || path === undefined) {
    return (
      refused ?? ukRejection(400, UkErrorCode.ResourceNotFound, 'No consent with this ConsentId exists', 'ConsentId')
    );
  }
  if (!path.kind.deletable || path.subResource !== undefined) {
    return ukRejection(
      405,
      UkErrorCode.ResourceInvalidConsentStatus,
      `A ${path.kind.title.toLowerCase()} consent cannot be deleted`,
    );
  }
  // Tokens exist only once the customer authorised; asking for their revocation before fails in the identity server.
  return {
    revocationStatusName: UkConsentStatus.Deleted,
    requireTokenRevocation: consent?.status === UkConsentStatus.Authorised,
  };
}

function adminRevocation(consent: StoredConsentResource | undefined): Revocation | UkRejection {
  const kind = kindOfType(consent?.type);
  if (kind === undefined || kind.family === 'payment') {
    return ukRejection(400, UkErrorCode.ResourceInvalidConsentStatus, 'Payment-order consents cannot be revoked');
  }
  if (consent?.status !== UkConsentStatus.Authorised) {
    return ukRejection(
      400,
      UkErrorCode.ResourceInvalidConsentStatus,
      `Only an Authorised consent can be revoked; this one is ${String(consent?.status)}`,
    );
  }
  const status = kind.family === 'funds-confirmation' ? UkConsentStatus.Revoked : UkConsentStatus.Authorised;
  return { revocationStatusName: status, requireTokenRevocation: true };
}
