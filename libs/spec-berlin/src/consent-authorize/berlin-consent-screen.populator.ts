import { Inject, Injectable } from '@nestjs/common';
import {
  ConsentScreenPopulator,
  fail,
  succeed,
  type AuthorizeFailure,
  type OutcomeOf,
  type RequestDataOf,
  type StoredConsentResource,
  type Clock,
} from '@app/contract';
import { BankBackend } from '@app/bank-backend';
import type { BerlinSpecOptions } from '../berlin-spec.options.js';
import { BERLIN_SPEC_CLOCK, BERLIN_SPEC_OPTIONS } from '../berlin-spec.tokens.js';
import { authorizingClientId, ownedByAnotherTpp, unknownConsentAuthorizeFailure } from '../shared/consent-owner.js';
import { ConsentStatus, TransactionStatus } from '../shared/consent-status.js';
import { BerlinConsentType } from '../shared/consent-type.js';
import { hasLapsed } from '../shared/effective-status.js';
import { RecurringConsentRegistry } from '../shared/recurring-consent-registry.js';
import { approversOf, isAuthorisable, requiredApprovals } from './authorisation-state.js';
import { coverageOf } from './consent-coverage.js';
import { screenAccount, screenData } from './consent-screen-content.js';

/**
 * populate-consent-authorize-screen: the customer sees per account what is shared. Dedicated consents show the named
 * accounts (each must be the customer's), global and account-list consents all of them, bank-offered consents let the
 * customer choose, payments show the debtor account and the transfers. The request object's client must own the
 * consent.
 */
@Injectable()
export class BerlinConsentScreenPopulator extends ConsentScreenPopulator {
  constructor(
    private readonly bank: BankBackend,
    private readonly recurringConsents: RecurringConsentRegistry,
    @Inject(BERLIN_SPEC_OPTIONS) private readonly options: BerlinSpecOptions,
    @Inject(BERLIN_SPEC_CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  async handle({
    consentResource = {},
    userId,
    requestParameters,
  }: RequestDataOf<'populate-consent-authorize-screen'>): Promise<OutcomeOf<'populate-consent-authorize-screen'>> {
    // First: another TPP may not even reject the consent (no newConsentStatus).
    if (ownedByAnotherTpp(consentResource, authorizingClientId(requestParameters))) {
      return unknownConsentAuthorizeFailure();
    }
    if (consentResource.id === undefined || userId === undefined) {
      return refuse('No Berlin Group consent or payment to authorise');
    }
    if (!isAuthorisable(consentResource)) {
      return refuse(`The consent is ${consentResource.status ?? 'in no status'} and cannot be authorised`);
    }
    const rejected =
      consentResource.type === BerlinConsentType.Payments ? TransactionStatus.Rejected : ConsentStatus.Rejected;
    if (hasLapsed(consentResource, this.clock.now())) {
      return refuse('The consent is past its validUntil date', rejected);
    }
    if (await this.isSupersededRecurringConsent(consentResource, userId)) {
      // adorsys rejects an earlier recurring consent that was never authorised once a newer one is valid (§B.3).
      return refuse('A newer recurring consent of this TPP is already valid for the customer', rejected);
    }
    const approvers = approversOf(consentResource);
    if (approvers.has(userId)) {
      return refuse('You have already approved this consent; another approver must approve it');
    }
    const coverage = coverageOf(consentResource, await this.bank.accountsOf(userId));
    if (coverage.mode === 'refused') {
      return refuse(coverage.reason, rejected);
    }
    if (coverage.mode === 'fixed' && coverage.accounts.length === 0) {
      return refuse('The customer has no account this consent can cover', rejected);
    }
    const shown = coverage.mode === 'fixed' && coverage.named ? coverage.accounts.map(({ account }) => account) : [];
    const approvalsLeft = requiredApprovals(this.options, shown) - approvers.size;
    return succeed({
      consentData: screenData(consentResource, coverage, approvalsLeft),
      ...(coverage.mode === 'chosen' ? { consumerData: { accounts: coverage.candidates.map(screenAccount) } } : {}),
    });
  }

  private async isSupersededRecurringConsent(consent: StoredConsentResource, userId: string): Promise<boolean> {
    if (!isRecurringAccountConsent(consent)) {
      return false;
    }
    return this.recurringConsents.isSuperseded(
      this.recurringConsents.groupOf(consent.clientId, userId),
      consent.createdTime,
    );
  }
}

function isRecurringAccountConsent(
  consent: StoredConsentResource,
): consent is StoredConsentResource & { clientId: string } {
  return (
    consent.type === BerlinConsentType.Accounts && consent.recurringIndicator === true && consent.clientId !== undefined
  );
}

function refuse(errorMessage: string, newConsentStatus?: string): OutcomeOf<'populate-consent-authorize-screen'> {
  const data: AuthorizeFailure = { errorMessage, ...(newConsentStatus === undefined ? {} : { newConsentStatus }) };
  return fail(400, data);
}
