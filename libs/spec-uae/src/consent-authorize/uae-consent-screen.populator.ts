import { Injectable } from '@nestjs/common';
import { BankBackend } from '@app/bank-backend';
import { ConsentScreenPopulator, succeed, type ConsentScreenRequest, type OutcomeOf } from '@app/contract';
import { UaeConsentRegistry } from '../registry/uae-consent-registry.js';
import { UaeConsentStatus } from '../shared/consent-status.js';
import { objectAt } from '../shared/json.js';
import { describeProblem } from '../shared/uae-error.js';
import { DOMESTIC_CURRENCY } from '../authorize/service-initiation-consent.rules.js';
import { authorizeFailure } from './authorize-failure.js';
import { basicConsentData, permissionLines, UAE_CONSENT_TYPES } from './consent-screen-data.js';
import { ConsentSourceReader } from './consent-source.js';
import { debtorAccountOf, eligibleAccounts, screenAccounts } from './eligible-accounts.js';

/** The uid of the single permission group of the page: the page posts the chosen accounts under it. */
export const PERMISSIONS_UID = 'uae-permissions';

/**
 * populate-consent-authorize-screen (contract §4.9). In the PAR flow nothing is stored yet: the consent comes from
 * the request object's `authorization_details`. Shows what the TPP asks for in plain language and offers the
 * customer's eligible accounts from the bank; a BaseConsentId renewal is only offered to the customer of the chain.
 */
@Injectable()
export class UaeConsentScreenPopulator extends ConsentScreenPopulator {
  constructor(
    private readonly sources: ConsentSourceReader,
    private readonly registry: UaeConsentRegistry,
    private readonly bank: BankBackend,
  ) {
    super();
  }

  async handle(data: ConsentScreenRequest): Promise<OutcomeOf<'populate-consent-authorize-screen'>> {
    const source = await this.sources.read(data.consentResource, data.requestParameters);
    const { preInitiated } = source;
    if (!source.reading.ok) {
      // Another TPP's consent keeps its status: only the TPP's own consent is rejected with the refusal.
      return authorizeFailure(describeProblem(source.reading.problem), preInitiated && !source.foreign);
    }
    if (preInitiated && data.consentResource?.status !== UaeConsentStatus.AwaitingAuthorization) {
      return authorizeFailure('Consent is not in an authorisable state', false);
    }
    const request = source.reading.request;
    const userId = data.userId;
    if (userId === undefined || userId === '' || source.clientId === undefined) {
      return authorizeFailure('The logged-in customer or the TPP is unknown', preInitiated);
    }
    if (!preInitiated && (await this.registry.isUsed(source.clientId, request.consentId))) {
      return authorizeFailure(`ConsentId ${request.consentId} has already been used by this TPP`, false);
    }
    if (
      request.baseConsentId !== undefined &&
      !(await this.registry.isOwnedBy(source.clientId, request.baseConsentId, userId))
    ) {
      return authorizeFailure(`BaseConsentId ${request.baseConsentId} is a consent of another customer`, preInitiated);
    }
    const payment = request.kind === 'service-initiation';
    const customerAccounts = await this.bank.accountsOf(userId);
    // Payments are domestic: the rules at PAR keep every amount in AED.
    const eligible = eligibleAccounts(
      customerAccounts,
      request.consent,
      payment ? { currency: DOMESTIC_CURRENCY } : undefined,
    );
    const debtorAccount = objectAt(objectAt(request.pii, 'Initiation'), 'DebtorAccount');
    const initiated = debtorAccount === undefined ? undefined : debtorAccountOf(eligible, debtorAccount);
    if (debtorAccount !== undefined && initiated === undefined) {
      return authorizeFailure(
        'The DebtorAccount of the payment is not a payable account of this customer',
        preInitiated,
      );
    }
    if (eligible.length === 0) {
      return authorizeFailure('The customer has no account this consent can cover', preInitiated);
    }
    const permissions = permissionLines(request);
    return succeed({
      consentData: {
        type: payment ? UAE_CONSENT_TYPES.serviceInitiation : UAE_CONSENT_TYPES.accountAccess,
        basicConsentData: basicConsentData(request),
        permissions:
          permissions.length === 0 ? [] : [{ uid: PERMISSIONS_UID, displayValues: permissions, initiatedAccounts: [] }],
        initiatedAccountsForConsent: initiated === undefined ? [] : screenAccounts([initiated]),
        allowMultipleAccounts: !payment,
        handleAccountSelectionSeparately: false,
        isReauthorization: false,
      },
      consumerData: { accounts: initiated === undefined ? screenAccounts(eligible) : [] },
    });
  }
}
