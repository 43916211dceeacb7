import { Inject, Injectable } from '@nestjs/common';
import { BankBackend } from '@app/bank-backend';
import {
  AuthorizedConsentPersister,
  succeed,
  type AccountMapping,
  type AuthorizeFailure,
  type ExtensionFailure,
  type OutcomeOf,
  type RequestDataOf,
  type StoredConsentResource,
} from '@app/contract';
import { UK_SPEC_CLOCK } from '../uk-spec.tokens.js';
import type { Clock } from '../shared/clock.js';
import { authorizingClientId, foreignConsentAuthorizeFailure, ownedByAnotherTpp } from '../shared/consent-owner.js';
import { nonEmptyString, objectAt, stringsAt } from '../shared/json.js';
import { attributeOf, ConsentAttribute } from '../shared/consent-attributes.js';
import { kindOfType, type UkConsentKind } from '../shared/uk-consent-kind.js';
import { ACTIVE_MAPPING, AUTHORISATION_TYPE, UkAuthorizationStatus, UkConsentStatus } from '../shared/uk-status.js';
import { authorizeFailure } from './authorize-failure.js';
import { customerApproved, selectedAccountIds } from './authorized-selection.js';
import { consentExpired } from './consent-expiry.js';
import { namedAccount } from './customer-accounts.js';

type PersistRequest = RequestDataOf<'persist-authorized-consent'>;
type Outcome = OutcomeOf<'persist-authorized-consent'>;

/**
 * The customer's decision (contract §4.10): approval makes the consent and its authorization `Authorised` with one
 * active mapping per account and permission (for payment, funds-confirmation and VRP consents the permission is the
 * consent's scope); denial makes them `Rejected`. The accounts must be the customer's, one only where one is allowed,
 * able to pay for payments, and the debtor account the consent names. The user id is echoed exactly, or the identity
 * server would add a second authorization. A retried call is answered from the platform's idempotency record.
 */
@Injectable()
export class UkAuthorizedConsentPersister extends AuthorizedConsentPersister {
  constructor(
    @Inject(BankBackend) private readonly bank: BankBackend,
    @Inject(UK_SPEC_CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  async handle({ isApproved, consentResource, userGrantedData = {} }: PersistRequest): Promise<Outcome> {
    // First: another TPP's authorisation may neither approve nor reject the consent.
    if (ownedByAnotherTpp(consentResource, authorizingClientId(userGrantedData.requestParameters))) {
      return foreignConsentAuthorizeFailure();
    }
    const { authorizedResources = {} } = userGrantedData;
    const userId = nonEmptyString(userGrantedData.userId) ?? nonEmptyString(authorizedResources.userId);
    const kind = kindOfType(consentResource?.type);
    if (kind === undefined || consentResource === undefined) {
      return authorizeFailure('Only a UK consent created by a TPP can be authorised here');
    }
    if (userId === undefined) {
      return authorizeFailure('The identity server sent no logged-in user');
    }
    if (consentResource.status !== UkConsentStatus.AwaitingAuthorisation) {
      return authorizeFailure(`The consent is ${String(consentResource.status)}, not awaiting authorisation`);
    }
    if (consentExpired(kind, consentResource, this.clock.now())) {
      // It expired while the customer was on the page: it can no longer be authorised.
      return authorizeFailure('The consent has expired', UkConsentStatus.Rejected);
    }
    if (!customerApproved(isApproved, authorizedResources.approval)) {
      return succeed({
        consentResource: {
          status: UkConsentStatus.Rejected,
          authorizations: [{ userId, type: AUTHORISATION_TYPE, status: UkAuthorizationStatus.Rejected, resources: [] }],
        },
      });
    }
    const accountIds = selectedAccountIds(authorizedResources.authorizedData);
    const refused = await this.selectionRefusal(kind, consentResource, userId, accountIds);
    if (refused !== undefined) {
      return refused;
    }
    const permissions = kind.family === 'account-access' ? stringsAt(objectAt(consentResource.receipt, 'Data'), 'Permissions') : [kind.scope];
    const resources: AccountMapping[] = accountIds.flatMap((accountId) => permissions.map((permission) => ({ accountId, permission, status: ACTIVE_MAPPING })));
    return succeed({
      consentResource: {
        status: UkConsentStatus.Authorised,
        authorizations: [{ userId, type: AUTHORISATION_TYPE, status: UkAuthorizationStatus.Authorised, resources }],
        ...approvedAccountAttributes(kind, consentResource, accountIds),
      },
    });
  }

  private async selectionRefusal(
    kind: UkConsentKind,
    consent: StoredConsentResource,
    userId: string,
    accountIds: readonly string[],
  ): Promise<ExtensionFailure<AuthorizeFailure> | undefined> {
    if (accountIds.length === 0) {
      return authorizeFailure('No account was selected');
    }
    if (kind.family !== 'account-access' && accountIds.length > 1) {
      return authorizeFailure('Only one account can be selected for this consent');
    }
    for (const accountId of accountIds) {
      if (!(await this.bank.holdsAccount(userId, accountId))) {
        return authorizeFailure(`Account ${accountId} is not one of your accounts`);
      }
    }
    if (kind.family === 'account-access') {
      return undefined;
    }
    const account = await this.bank.accountDetails(accountIds[0]);
    if (account === null || account.status !== 'Enabled' || ((kind.family === 'payment' || kind.family === 'vrp') && !account.payable)) {
      return authorizeFailure(`Account ${accountIds[0]} cannot be used for this consent`);
    }
    const data = objectAt(consent.receipt, 'Data');
    const debtor = kind.family === 'funds-confirmation' ? objectAt(data, 'DebtorAccount') : objectAt(objectAt(data, 'Initiation'), 'DebtorAccount');
    if (debtor !== undefined && namedAccount([account], debtor) === undefined) {
      return authorizeFailure('The selected account is not the debtor account named by the TPP', UkConsentStatus.Rejected);
    }
    return undefined;
  }
}

/**
 * A payment consent remembers the account it was approved for: the consent retrieval, which the identity server
 * sends without the account mappings, answers its funds confirmation for that account. Written once (the identity
 * server refuses an attribute key twice).
 */
function approvedAccountAttributes(kind: UkConsentKind, consent: StoredConsentResource, accountIds: readonly string[]): { attributes?: Record<string, string> } {
  if (kind.family !== 'payment' || accountIds[0] === undefined || attributeOf(consent, ConsentAttribute.DebtorAccountId) !== undefined) {
    return {};
  }
  return { attributes: { [ConsentAttribute.DebtorAccountId]: accountIds[0] } };
}
