import { Inject, Injectable } from '@nestjs/common';
import {
  AuthorizedConsentPersister,
  fail,
  succeed,
  type AccountMapping,
  type Authorization,
  type ExtensionContext,
  type OutcomeOf,
  type RequestDataOf,
  type StoredConsentResource,
} from '@app/contract';
import { BankBackend } from '@app/bank-backend';
import type { BerlinSpecOptions } from '../berlin-spec.options.js';
import { BERLIN_SPEC_OPTIONS } from '../berlin-spec.tokens.js';
import { attributeOf, ConsentAttribute } from '../shared/consent-attributes.js';
import { authorizingClientId, ownedByAnotherTpp, unknownConsentAuthorizeFailure } from '../shared/consent-owner.js';
import {
  ACTIVE_MAPPING,
  AUTHORISATION_TYPE,
  ConsentStatus,
  ScaStatus,
  TransactionStatus,
} from '../shared/consent-status.js';
import { BerlinConsentType } from '../shared/consent-type.js';
import { RecurringConsentRegistry } from '../shared/recurring-consent-registry.js';
import { approversOf, isAuthorisable, requiredApprovals } from './authorisation-state.js';
import { coverageOf, type CoveredAccount } from './consent-coverage.js';

/**
 * persist-authorized-consent: approval makes the consent `valid` (a payment `ACCP`), or `partiallyAuthorised` (`PATC`)
 * while fewer different customers have approved than its accounts require (multilevel SCA for business accounts); denial makes it `rejected` (`RJCT`). The
 * accounts and rights are recomputed from the consent and the bank, never taken from the page as they are: only a
 * bank-offered consent lets the customer choose, among the customer's own accounts. A recurring AIS consent made
 * valid ends the customer's earlier recurring consent with the same TPP (§B.3). The platform replays the answer to a
 * resent requestId.
 */
@Injectable()
export class BerlinAuthorizedConsentPersister extends AuthorizedConsentPersister {
  constructor(
    private readonly bank: BankBackend,
    private readonly recurringConsents: RecurringConsentRegistry,
    @Inject(BERLIN_SPEC_OPTIONS) private readonly options: BerlinSpecOptions,
  ) {
    super();
  }

  async handle(
    data: RequestDataOf<'persist-authorized-consent'>,
    context: ExtensionContext,
  ): Promise<OutcomeOf<'persist-authorized-consent'>> {
    const consent = data.consentResource ?? {};
    // First: another TPP's authorisation may neither approve nor reject the consent.
    if (ownedByAnotherTpp(consent, authorizingClientId(data.userGrantedData?.requestParameters))) {
      return unknownConsentAuthorizeFailure();
    }
    const userId = data.userGrantedData?.userId ?? data.userGrantedData?.authorizedResources?.userId;
    if (consent.id === undefined || userId === undefined) {
      return fail(400, { errorMessage: 'No Berlin Group consent or customer to persist' });
    }
    if (!isAuthorisable(consent)) {
      return fail(400, { errorMessage: `The consent is ${consent.status ?? 'in no status'} and cannot be authorised` });
    }
    const isPayment = consent.type === BerlinConsentType.Payments;
    if (data.isApproved !== true) {
      return succeed({
        consentResource: {
          status: isPayment ? TransactionStatus.Rejected : ConsentStatus.Rejected,
          authorizations: [{ userId, type: AUTHORISATION_TYPE, status: ScaStatus.Failed, resources: [] }],
        },
      });
    }
    const covered = await this.coveredAccounts(consent, userId, data);
    if ('error' in covered) {
      return fail(400, {
        errorMessage: covered.error,
        newConsentStatus: isPayment ? TransactionStatus.Rejected : ConsentStatus.Rejected,
      });
    }
    const approvals = new Set([...approversOf(consent), userId]).size;
    const named = covered.named ? covered.accounts.map(({ account }) => account) : [];
    const complete = approvals >= requiredApprovals(this.options, named);
    const authorizations: Authorization[] = [
      { userId, type: AUTHORISATION_TYPE, status: ScaStatus.Finalised, resources: mappingsOf(covered.accounts) },
    ];
    if (!complete && (consent.authorizations?.length ?? 0) <= 1) {
      // With a single authorization row the identity server would give the next approver this customer's row; a
      // second, open row makes it add one per approver instead (contract §4.10).
      authorizations.push({ type: AUTHORISATION_TYPE, status: ScaStatus.Received, resources: [] });
    }
    const attributes = complete ? await this.endEarlierRecurringConsent(consent, userId, context.requestId) : {};
    return succeed({
      consentResource: {
        status: complete
          ? isPayment
            ? TransactionStatus.AcceptedCustomerProfile
            : ConsentStatus.Valid
          : isPayment
            ? TransactionStatus.PartiallyAccepted
            : ConsentStatus.PartiallyAuthorised,
        authorizations,
        ...(Object.keys(attributes).length === 0 ? {} : { attributes }),
      },
    });
  }

  private async coveredAccounts(
    consent: StoredConsentResource,
    userId: string,
    data: RequestDataOf<'persist-authorized-consent'>,
  ): Promise<{ readonly accounts: readonly CoveredAccount[]; readonly named: boolean } | { readonly error: string }> {
    const coverage = coverageOf(consent, await this.bank.accountsOf(userId));
    if (coverage.mode === 'refused') {
      return { error: coverage.reason };
    }
    if (coverage.mode === 'fixed') {
      return coverage.accounts.length === 0
        ? { error: 'The customer has no account this consent can cover' }
        : coverage;
    }
    const chosen = new Set(
      (data.userGrantedData?.authorizedResources?.authorizedData ?? [])
        .flatMap((entry) => entry.accounts ?? [])
        .map((account) => account.accountId)
        .filter((accountId): accountId is string => typeof accountId === 'string'),
    );
    if (chosen.size === 0) {
      return { error: 'No account was chosen for the consent' };
    }
    const accounts = coverage.candidates.filter((account) => chosen.has(account.accountId));
    if (accounts.length !== chosen.size) {
      return { error: 'A chosen account is not held by the customer' };
    }
    return { accounts: accounts.map((account) => ({ account, rights: coverage.rights })), named: true };
  }

  /** §B.3 side effect of a recurring AIS consent made valid; returns the attribute that ties it to its group. */
  private async endEarlierRecurringConsent(
    consent: StoredConsentResource,
    userId: string,
    requestId: string,
  ): Promise<Record<string, string>> {
    if (
      consent.type !== BerlinConsentType.Accounts ||
      consent.recurringIndicator !== true ||
      consent.clientId === undefined
    ) {
      return {};
    }
    const group =
      attributeOf(consent, ConsentAttribute.RecurringGroup) ?? this.recurringConsents.groupOf(consent.clientId, userId);
    await this.recurringConsents.register(requestId, group, consent.createdTime ?? 0);
    return attributeOf(consent, ConsentAttribute.RecurringGroup) === undefined
      ? { [ConsentAttribute.RecurringGroup]: group }
      : {};
  }
}

function mappingsOf(accounts: readonly CoveredAccount[]): AccountMapping[] {
  return accounts.flatMap(({ account, rights }) =>
    rights.map((permission) => ({ accountId: account.accountId, permission, status: ACTIVE_MAPPING })),
  );
}
