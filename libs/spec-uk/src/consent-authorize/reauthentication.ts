import type { AccountMapping, Amendment, StoredConsentResource } from '@app/contract';
import type { UkConsentKind } from '../shared/uk-consent-kind.js';
import { ACTIVE_MAPPING, AUTHORISATION_TYPE, UkAuthorizationStatus, UkConsentStatus } from '../shared/uk-status.js';

/*
 * Re-authentication of a long-lived consent (account-and-transaction profile "Consent Re-authentication", the
 * confirmation-of-funds profile's, §A.5; the identity server's isReauthorization): the customer who authorised an
 * account-access, funds-confirmation or VRP consent authenticates again on the same consent, which keeps its id,
 * its status and its ExpirationDateTime ("re-authenticated with the same ExpirationDateTime as the original request");
 * the accounts it covers become those the customer selects now. Payment-order consents are short-lived and cannot be
 * re-authenticated.
 */

const INACTIVE_MAPPING = 'inactive';

/** Families whose consents are long-lived. */
export function reauthenticable(kind: UkConsentKind): boolean {
  return kind.family === 'account-access' || kind.family === 'funds-confirmation' || kind.family === 'vrp';
}

/** The customer's own authorization of the consent, the one re-authentication amends. */
export function ownAuthorization(consent: StoredConsentResource, userId: string): { readonly id: string } | undefined {
  const authorization = (consent.authorizations ?? []).find(
    (candidate) => candidate.userId === userId && candidate.status === UkAuthorizationStatus.Authorised,
  );
  return authorization?.id === undefined ? undefined : { id: authorization.id };
}

/** Why this customer cannot re-authenticate this consent now; undefined when they can. */
export function reauthenticationRefusal(
  kind: UkConsentKind,
  consent: StoredConsentResource,
  userId: string,
  expired: boolean,
): string | undefined {
  if (!reauthenticable(kind) || consent.status !== UkConsentStatus.Authorised) {
    return `The consent is ${String(consent.status)}, not awaiting authorisation`;
  }
  if (expired) {
    return 'The consent has expired: it cannot be re-authenticated';
  }
  return ownAuthorization(consent, userId) === undefined
    ? 'Only the customer who authorised this consent can re-authenticate it'
    : undefined;
}

/** The accounts the consent covers now (mapped `active`). */
export function activeAccountsOf(consent: StoredConsentResource): Set<string> {
  return new Set(
    (consent.authorizations ?? [])
      .flatMap((authorization) => authorization.resources ?? [])
      .filter((mapping) => mapping.status === ACTIVE_MAPPING && mapping.accountId !== undefined)
      .map((mapping) => mapping.accountId!),
  );
}

/**
 * The amendment of the customer's authorization: a mapping for each selected account and permission that has none, a
 * mapping made active again for one the bank had deactivated (a revocation at its dashboard), and the mappings of
 * accounts no longer selected made inactive. Mapping ids stay the identity server's.
 */
export function reauthenticationAmendment(
  consent: StoredConsentResource,
  authorizationId: string,
  accountIds: readonly string[],
  permissions: readonly string[],
): Amendment {
  const selected = new Set(accountIds);
  const mappings = (consent.authorizations ?? []).flatMap((authorization) => authorization.resources ?? []);
  const existing = (accountId: string, permission: string) =>
    mappings.find((mapping) => mapping.accountId === accountId && mapping.permission === permission);
  const resources: AccountMapping[] = accountIds.flatMap((accountId) =>
    permissions
      .filter((permission) => existing(accountId, permission) === undefined)
      .map((permission) => ({ accountId, permission, status: ACTIVE_MAPPING })),
  );
  const amendedResources = mappings
    .filter(
      (mapping) => mapping.id !== undefined && mapping.accountId !== undefined && mapping.permission !== undefined,
    )
    .flatMap((mapping) => {
      const wanted =
        selected.has(mapping.accountId!) && permissions.includes(mapping.permission!)
          ? ACTIVE_MAPPING
          : INACTIVE_MAPPING;
      return mapping.status === wanted ? [] : [{ id: mapping.id!, permission: mapping.permission!, status: wanted }];
    });
  return {
    id: authorizationId,
    type: AUTHORISATION_TYPE,
    status: UkAuthorizationStatus.Authorised,
    resources,
    amendedResources,
  };
}
