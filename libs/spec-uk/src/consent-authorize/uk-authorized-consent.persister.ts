import { Inject, Injectable } from '@nestjs/common';
import { BankBackend, type BankAccountView } from '@app/bank-backend';
import {
  AuthorizedConsentPersister,
  succeed,
  type AccountMapping,
  type AuthorizeFailure,
  type ExtensionFailure,
  type OutcomeOf,
  type RequestDataOf,
  type StoredConsentResource,
  epochSeconds,
  type Clock,
} from '@app/contract';
import { UK_SPEC_CLOCK, UK_SPEC_OPTIONS } from '../uk-spec.tokens.js';
import type { UkSpecOptions } from '../uk-spec.options.js';
import { formatUkDateTime, instantOf } from '../shared/date-time.js';
import { authorizingClientId, foreignConsentAuthorizeFailure, ownedByAnotherTpp } from '../shared/consent-owner.js';
import { nonEmptyString, objectAt, stringsAt } from '../shared/json.js';
import { attributeOf, ConsentAttribute, nextReauthenticationAttribute } from '../shared/consent-attributes.js';
import { consentValidityTime } from '../consent-manage/creation/consent-creation-outcome.js';
import { kindOfType, type UkConsentKind } from '../shared/uk-consent-kind.js';
import { ACTIVE_MAPPING, AUTHORISATION_TYPE, UkAuthorizationStatus, UkConsentStatus } from '../shared/uk-status.js';
import { authorizeFailure } from './authorize-failure.js';
import { customerApproved, selectedAccountIds } from './authorized-selection.js';
import { consentExpired } from './consent-expiry.js';
import { namedAccount } from './customer-accounts.js';
import { FurtherAuthorisation } from './further-authorisation.js';
import { authorisationTypeOf, completionDeadline, requiredAuthorisers } from './multi-authorisation.js';
import {
  ownAuthorization,
  reauthenticable,
  reauthenticationAmendment,
  reauthenticationRefusal,
} from './reauthentication.js';

type PersistRequest = RequestDataOf<'persist-authorized-consent'>;
type Outcome = OutcomeOf<'persist-authorized-consent'>;

/**
 * The customer's decision (contract §4.10): approval makes the consent and its authorization `Authorised` with one
 * active mapping per account and permission (for payment, funds-confirmation and VRP consents the permission is the
 * consent's scope); denial makes them `Rejected`. The accounts must be the customer's, one only where one is allowed,
 * able to pay for payments, and the debtor account the consent names. The user id is echoed exactly, or the identity
 * server would add a second authorization. On an `Authorised` consent it is a further authoriser's decision on a
 * payment (multi-authorisation) or the re-authentication of a long-lived consent. A retried call is answered from the
 * platform's idempotency record.
 */
@Injectable()
export class UkAuthorizedConsentPersister extends AuthorizedConsentPersister {
  constructor(
    @Inject(BankBackend) private readonly bank: BankBackend,
    @Inject(UK_SPEC_CLOCK) private readonly clock: Clock,
    @Inject(UK_SPEC_OPTIONS) private readonly options: UkSpecOptions,
    @Inject(FurtherAuthorisation) private readonly furtherAuthorisation: FurtherAuthorisation,
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
    const approved = customerApproved(isApproved, authorizedResources.approval);
    if (consentResource.status !== UkConsentStatus.AwaitingAuthorisation) {
      if (kind.family === 'payment') {
        return this.furtherDecision(consentResource, userId, approved);
      }
      return reauthenticable(kind) && authorizedResources.isReauthorization === true
        ? this.reauthentication(
            kind,
            consentResource,
            userId,
            approved,
            selectedAccountIds(authorizedResources.authorizedData),
          )
        : authorizeFailure(`The consent is ${String(consentResource.status)}, not awaiting authorisation`);
    }
    if (consentExpired(kind, consentResource, this.clock.now())) {
      // It expired while the customer was on the page: it can no longer be authorised.
      return authorizeFailure('The consent has expired', UkConsentStatus.Rejected);
    }
    if (!approved) {
      return succeed({
        consentResource: {
          status: UkConsentStatus.Rejected,
          authorizations: [{ userId, type: AUTHORISATION_TYPE, status: UkAuthorizationStatus.Rejected, resources: [] }],
        },
      });
    }
    const accountIds = selectedAccountIds(authorizedResources.authorizedData);
    const selection = await this.selection(kind, consentResource, userId, accountIds);
    if ('refusal' in selection) {
      return selection.refusal;
    }
    const authorisers =
      selection.account === undefined || kind.family !== 'payment'
        ? 1
        : requiredAuthorisers(selection.account, this.options.businessAccountAuthorisers);
    const unmet = this.multiAuthorisationRefusal(consentResource, authorisers);
    if (unmet !== undefined) {
      return unmet;
    }
    const permissions =
      kind.family === 'account-access'
        ? stringsAt(objectAt(consentResource.receipt, 'Data'), 'Permissions')
        : [kind.scope];
    const resources: AccountMapping[] = accountIds.flatMap((accountId) =>
      permissions.map((permission) => ({ accountId, permission, status: ACTIVE_MAPPING })),
    );
    const accountAttributes = approvedAccountAttributes(kind, consentResource, accountIds);
    return succeed({
      consentResource: {
        // The first authoriser stages the payment: Authorised, its MultiAuthorisation awaiting the others (§A.5).
        status: UkConsentStatus.Authorised,
        authorizations: [
          { userId, type: AUTHORISATION_TYPE, status: UkAuthorizationStatus.Authorised, resources },
          // With one authorization row the identity server would give the next authoriser this customer's row; an open
          // second row makes it add one row per further authoriser instead (contract §4.10).
          ...(authorisers > 1
            ? [{ type: AUTHORISATION_TYPE, status: UkAuthorizationStatus.Created, resources: [] }]
            : []),
        ],
        ...(accountAttributes === undefined && authorisers === 1
          ? {}
          : {
              attributes: {
                ...accountAttributes,
                ...(authorisers > 1 ? this.furtherAuthorisation.firstDecisionAttributes(authorisers) : {}),
              },
            }),
      },
    });
  }

  /**
   * An AuthorisationType of Single that the account cannot satisfy, or a CompletionDateTime that passed: "an ASPSP must
   * set the status of the payment-order consent to Rejected, if the AuthorisationType requested by the PISP cannot be
   * satisfied, after PSU Authentication".
   */
  private multiAuthorisationRefusal(
    consent: StoredConsentResource,
    authorisers: number,
  ): ExtensionFailure<AuthorizeFailure> | undefined {
    if (authorisers > 1 && authorisationTypeOf(consent) === 'Single') {
      return authorizeFailure(
        `The account needs ${authorisers} authorisers, but the payment asks for a single authorisation`,
        UkConsentStatus.Rejected,
      );
    }
    const deadline = instantOf(completionDeadline(consent));
    return deadline !== undefined && deadline <= this.clock.now()
      ? authorizeFailure(
          'The authorisation of this payment had to be complete by its CompletionDateTime',
          UkConsentStatus.Rejected,
        )
      : undefined;
  }

  /**
   * The customer who authorised a long-lived consent authenticates again (the identity server's isReauthorization):
   * the consent keeps its id, its status and its expiry, re-derived from the receipt (its ExpirationDateTime or
   * ValidToDateTime, which the bank may not change), and covers the accounts selected now. A declined re-authentication
   * leaves the consent as it was.
   */
  private async reauthentication(
    kind: UkConsentKind,
    consent: StoredConsentResource,
    userId: string,
    approved: boolean,
    accountIds: readonly string[],
  ): Promise<Outcome> {
    const refusal = reauthenticationRefusal(kind, consent, userId, consentExpired(kind, consent, this.clock.now()));
    const own = ownAuthorization(consent, userId);
    if (refusal !== undefined || own === undefined) {
      return authorizeFailure(refusal ?? 'Only the customer who authorised this consent can re-authenticate it');
    }
    if (!approved) {
      return succeed({ consentResource: {} });
    }
    const selection = await this.selection(kind, consent, userId, accountIds);
    if ('refusal' in selection) {
      return selection.refusal;
    }
    const permissions =
      kind.family === 'account-access' ? stringsAt(objectAt(consent.receipt, 'Data'), 'Permissions') : [kind.scope];
    return succeed({
      consentResource: {
        status: UkConsentStatus.Authorised,
        validityTime: consentValidityTime(kind.family, consent.receipt ?? {}),
        amendments: [reauthenticationAmendment(consent, own.id, accountIds, permissions)],
        attributes: {
          [nextReauthenticationAttribute(consent)]: formatUkDateTime(epochSeconds(this.clock.now())) ?? '',
        },
      },
    });
  }

  /** A further authoriser of a payment that needs several (§A.5), on a consent its first authoriser staged. */
  private async furtherDecision(consent: StoredConsentResource, userId: string, approved: boolean): Promise<Outcome> {
    const authoriser = await this.furtherAuthorisation.check(consent, userId);
    return 'status' in authoriser
      ? authoriser
      : succeed({ consentResource: this.furtherAuthorisation.decision(consent, userId, approved, authoriser) });
  }

  /** The accounts the customer chose, checked; for a consent on one account, that account. */
  private async selection(
    kind: UkConsentKind,
    consent: StoredConsentResource,
    userId: string,
    accountIds: readonly string[],
  ): Promise<{ readonly refusal: ExtensionFailure<AuthorizeFailure> } | { readonly account?: BankAccountView }> {
    if (accountIds.length === 0) {
      return { refusal: authorizeFailure('No account was selected') };
    }
    if (kind.family !== 'account-access' && accountIds.length > 1) {
      return { refusal: authorizeFailure('Only one account can be selected for this consent') };
    }
    for (const accountId of accountIds) {
      if (!(await this.bank.holdsAccount(userId, accountId))) {
        return { refusal: authorizeFailure(`Account ${accountId} is not one of your accounts`) };
      }
    }
    if (kind.family === 'account-access') {
      return {};
    }
    const account = await this.bank.accountDetails(accountIds[0]);
    if (
      account === null ||
      account.status !== 'Enabled' ||
      ((kind.family === 'payment' || kind.family === 'vrp') && !account.payable)
    ) {
      return { refusal: authorizeFailure(`Account ${accountIds[0]} cannot be used for this consent`) };
    }
    const data = objectAt(consent.receipt, 'Data');
    const debtor =
      kind.family === 'funds-confirmation'
        ? objectAt(data, 'DebtorAccount')
        : objectAt(objectAt(data, 'Initiation'), 'DebtorAccount');
    if (debtor !== undefined && namedAccount([account], debtor) === undefined) {
      return {
        refusal: authorizeFailure(
          'The selected account is not the debtor account named by the TPP',
          UkConsentStatus.Rejected,
        ),
      };
    }
    return { account };
  }
}

/**
 * A payment consent remembers the account it was approved for: the consent retrieval, which the identity server
 * sends without the account mappings, answers its funds confirmation for that account. Written once (the identity
 * server refuses an attribute key twice).
 */
function approvedAccountAttributes(
  kind: UkConsentKind,
  consent: StoredConsentResource,
  accountIds: readonly string[],
): Record<string, string> | undefined {
  if (
    kind.family !== 'payment' ||
    accountIds[0] === undefined ||
    attributeOf(consent, ConsentAttribute.DebtorAccountId) !== undefined
  ) {
    return undefined;
  }
  return { [ConsentAttribute.DebtorAccountId]: accountIds[0] };
}
