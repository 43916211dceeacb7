import type { DataRequestPayload, StoredConsentResource } from '@app/contract';
import { ACTIVE_MAPPING, UkAuthorizationStatus } from '../shared/uk-status.js';
import type { UkConsentKind } from '../shared/uk-consent-kind.js';
import type { UkRejection } from '../shared/uk-error.js';

/** One protected API call of a TPP, with the consent its token is bound to. */
export interface AccessRequest {
  readonly consentId: string;
  readonly consent: StoredConsentResource;
  readonly kind: UkConsentKind;
  readonly payload: DataRequestPayload;
  /** The resource template, normalised. */
  readonly template: string;
  readonly nowMillis: number;
  /** The identity server's request id: a resend of the same call must not be counted twice. */
  readonly requestId: string;
}

/** The rules of one consent family for an API call: the first broken one, or undefined to let the call through. */
export type AccessRules = (request: AccessRequest) => Promise<UkRejection | undefined>;

/** Accounts the customer authorised and still mapped `active` (the identity server sets them inactive on revocation). */
export function activeAccountIds(consent: StoredConsentResource): Set<string> {
  return new Set(
    (consent.authorizations ?? [])
      .filter((authorization) => authorization.status === UkAuthorizationStatus.Authorised)
      .flatMap((authorization) => authorization.resources ?? [])
      .filter((mapping) => mapping.status === ACTIVE_MAPPING && mapping.accountId !== undefined)
      .map((mapping) => mapping.accountId!),
  );
}

export function httpMethodOf(request: AccessRequest): string {
  // Typed as strings, but the schema lets any JSON value through: anything else is no method, not a fault.
  const method: unknown = request.payload.resourceParams?.['httpMethod'];
  return typeof method === 'string' ? method.toUpperCase() : '';
}
