import { Injectable } from '@nestjs/common';
import { ConsentRevocationPreProcessor, succeed, type OutcomeOf, type RequestDataOf } from '@app/contract';
import { ConsentStatus } from '../shared/consent-status.js';
import { pathNamesConsentType } from '../shared/consent-type.js';
import { CONSENT_TYPE_MISMATCH, operationFailure } from '../shared/manage-failures.js';

type Outcome = OutcomeOf<'pre-process-consent-revoke'>;

/** The path the identity server sends for the admin/self-care revoke (contract §3.3). */
export const ADMIN_REVOKE_PATH = '/api/fs/consent/admin/revoke';

/**
 * The accelerator's two revocations (contract §4.4, §7.2). Both set the consent to `Revoked` and revoke its tokens only
 * when it was `Authorised`; they differ in what they refuse.
 */
@Injectable()
export class DefaultConsentRevocationPreProcessor extends ConsentRevocationPreProcessor {
  handle(data: RequestDataOf<'pre-process-consent-revoke'>): Promise<Outcome> {
    return Promise.resolve(isAdminRevocation(data) ? adminRevocation(data) : tppRevocation(data));
  }
}

/** The admin caller sends its own absolute path and is the only one without `requestHeaders`. */
function isAdminRevocation({
  consentResourcePath,
  requestHeaders,
}: RequestDataOf<'pre-process-consent-revoke'>): boolean {
  return consentResourcePath === ADMIN_REVOKE_PATH || requestHeaders === undefined;
}

/** `DELETE /…-consents/{id}` (`DefaultConsentManageHandler.handleDelete`). */
function tppRevocation({
  consentResourcePath = '',
  consentResource = {},
}: RequestDataOf<'pre-process-consent-revoke'>): Outcome {
  if (!pathNamesConsentType(consentResourcePath, consentResource.type)) {
    return operationFailure(400, 'consent_delete', CONSENT_TYPE_MISMATCH);
  }
  if (consentResource.status === ConsentStatus.Revoked || consentResource.status === ConsentStatus.Rejected) {
    return operationFailure(400, 'consent_delete', 'Consent is already in revoked or rejected state');
  }
  return revoked(consentResource.status);
}

/** `DELETE /api/fs/consent/admin/revoke` (`DefaultConsentAdminHandler.handleRevoke`): only an authorised consent. */
function adminRevocation({ consentResource = {} }: RequestDataOf<'pre-process-consent-revoke'>): Outcome {
  if (consentResource.status !== ConsentStatus.Authorised) {
    return operationFailure(400, 'consent_revoke', 'Consent is not in a revocable status');
  }
  return revoked(consentResource.status);
}

/** Tokens exist only for a consent the customer authorised. */
function revoked(previousStatus: string | undefined): Outcome {
  return succeed({
    revocationStatusName: ConsentStatus.Revoked,
    requireTokenRevocation: previousStatus === ConsentStatus.Authorised,
  });
}
