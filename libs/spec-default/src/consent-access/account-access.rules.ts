import { ACTIVE_MAPPING, ConsentStatus } from '../shared/consent-status.js';
import { isString } from '../shared/json.js';
import { accessDenied, hasExpired, type AccessCheck, type AccessRules } from './access-check.js';

/*
 * Account consents (`accounts`, and `default` consents of scope-based flows), contract §7.5. Every call of a TPP
 * passes here, so the patterns are compiled once.
 */

interface AccountResource {
  readonly template: RegExp;
  /** A consent permission that opens the resource; the accelerator searches the permissions as one string. */
  readonly permissions: readonly string[];
  /** Whether the resource is one account, whose id must be consented. */
  readonly singleAccount: boolean;
}

const ACCOUNT_RESOURCES: readonly AccountResource[] = [
  { template: /^\/accounts$/, permissions: ['ReadAccountsBasic', 'accounts'], singleAccount: false },
  { template: /^\/accounts\/[^/?]*$/, permissions: ['ReadAccountsDetail'], singleAccount: true },
  { template: /^\/accounts\/[^/?]*\/transactions$/, permissions: ['ReadTransactionsDetail'], singleAccount: true },
  { template: /^\/accounts\/[^/?]*\/balances$/, permissions: ['ReadBalances'], singleAccount: true },
];

/** The account id in the request path, which may carry a query string (ignored, as it names no account). */
const ACCOUNT_ID_IN_PATH = /^\/open-banking\/v3\.1\/aisp\/accounts\/([^/?]+)(?:\/transactions|\/balances)?$/;
const QUERY_OR_FRAGMENT = /[?#].*$/s;

export const accountAccessRules: AccessRules = (check) => {
  const resource = ACCOUNT_RESOURCES.find(({ template }) => template.test(check.request.electedResource ?? ''));
  if (resource === undefined) {
    return accessDenied(401, 'Path requested is invalid');
  }
  const granted = permissionsText(check.receiptData['Permissions']);
  if (!resource.permissions.some((permission) => granted.includes(permission))) {
    return accessDenied(403, 'Permission mismatch. Consent does not contain necessary permissions');
  }
  if (resource.singleAccount && !isConsentedAccount(check)) {
    return accessDenied(401, 'Account Id requested is not consented for the user');
  }
  if (check.consent.status !== ConsentStatus.Authorised) {
    return accessDenied(400, 'Consent is not in the correct state');
  }
  if (hasExpired(check.receiptData['ExpirationDateTime'], check.nowMillis)) {
    return accessDenied(400, 'Provided consent is expired');
  }
  return undefined;
};

/** The permissions as the one string the accelerator searches (`Permissions.toString().contains(…)`). */
function permissionsText(permissions: unknown): string {
  if (isString(permissions)) {
    return permissions;
  }
  return Array.isArray(permissions) ? permissions.filter(isString).join(',') : '';
}

/** The account in the path must be mapped, and still active, on one of the consent's authorizations. */
function isConsentedAccount({ request, consent }: AccessCheck): boolean {
  const path = request.resourceParams?.['resource'];
  const accountId = isString(path) ? ACCOUNT_ID_IN_PATH.exec(path.replace(QUERY_OR_FRAGMENT, ''))?.[1] : undefined;
  if (accountId === undefined) {
    return false;
  }
  return (consent.authorizations ?? []).some((authorization) =>
    (authorization.resources ?? []).some(
      (mapping) => mapping.accountId === accountId && mapping.status === ACTIVE_MAPPING,
    ),
  );
}
