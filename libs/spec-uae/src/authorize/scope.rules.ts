import type { UaeConsentRequest } from './uae-consent-request.js';
import { stringArrayAt } from '../shared/json.js';

/*
 * The `scope` of a PAR request object against its `authorization_details` type (Security Profile, OAuth 2.0 Scopes:
 * "Bank Data Sharing: `accounts openid`", "Payment Initiation: `payments openid`"; `openid` is "required on every
 * request"; a scope "inconsistent with the authorization_details type" is refused with `invalid_scope`).
 */

const OPENID = 'openid';
const ACCOUNTS = 'accounts';
const PAYMENTS = 'payments';

/**
 * The account-reading permissions a payment consent may carry: with any of them the TPP adds `accounts` to
 * `payments openid` ("Account Permissions in a Payment Consent", Impact on Scope). Without `accounts` the consent is
 * still valid (its token just cannot read the accounts), so `accounts` is allowed, never required, beside them.
 */
const ACCOUNT_READING_PERMISSIONS = ['ReadAccountsBasic', 'ReadAccountsDetail', 'ReadBalances'];

/** The scope values a consent of this kind may ask for, and the ones it must ask for. */
function scopesFor(request: UaeConsentRequest): {
  readonly required: readonly string[];
  readonly allowed: readonly string[];
} {
  if (request.kind === 'account-access') {
    return { required: [ACCOUNTS, OPENID], allowed: [ACCOUNTS, OPENID] };
  }
  const readsAccounts = (stringArrayAt(request.consent, 'Permissions') ?? []).some((permission) =>
    ACCOUNT_READING_PERMISSIONS.includes(permission),
  );
  return { required: [PAYMENTS, OPENID], allowed: readsAccounts ? [ACCOUNTS, PAYMENTS, OPENID] : [PAYMENTS, OPENID] };
}

/** Why the scope does not fit the consent, as an `error_description`; undefined when it fits. */
export function scopeProblem(scope: string, request: UaeConsentRequest): string | undefined {
  const values = scope.split(' ').filter((value) => value !== '');
  const { required, allowed } = scopesFor(request);
  const missing = required.find((value) => !values.includes(value));
  if (missing !== undefined) {
    return `invalid_scope: a ${request.type} consent needs the scope ${required.join(' ')}; ${missing} is missing (scope)`;
  }
  // Sorted, so that the value named does not depend on the order the TPP wrote them in.
  const unexpected = values.filter((value) => !allowed.includes(value)).sort()[0];
  return unexpected === undefined
    ? undefined
    : `invalid_scope: ${unexpected} does not fit a ${request.type} consent, whose scope is ${allowed.join(' ')} (scope)`;
}
