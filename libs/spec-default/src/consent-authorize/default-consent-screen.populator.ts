import { Inject, Injectable } from '@nestjs/common';
import { BankBackend } from '@app/bank-backend';
import {
  ConsentScreenPopulator,
  succeed,
  type OutcomeOf,
  type RequestDataOf,
  type ScreenAccount,
  type Clock,
} from '@app/contract';
import { DEFAULT_SPEC_CLOCK } from '../default-spec.tokens.js';
import { AuthorizationStatus, ConsentStatus } from '../shared/consent-status.js';
import { ConsentType } from '../shared/consent-type.js';
import { isNonEmptyJsonObject, nonEmptyString } from '../shared/json.js';
import { authorizeFailure } from './authorize-failure.js';
import {
  preInitiatedScreenData,
  scopeBasedScreenData,
  type ScreenData,
  type ScreenDataRefusal,
} from './consent-screen-data.js';
import { offeredCustomerAccounts } from './customer-accounts.js';
import { intentIdOf, requestedScopes } from './request-parameters.js';

type ScreenRequest = RequestDataOf<'populate-consent-authorize-screen'>;

/**
 * The consent page of the accelerator's `DefaultConsentRetrievalStep` (contract §4.9, §7.4), with the customer's
 * real accounts from the bank instead of the accelerator's two dummy accounts.
 */
@Injectable()
export class DefaultConsentScreenPopulator extends ConsentScreenPopulator {
  constructor(
    @Inject(BankBackend) private readonly bank: BankBackend,
    @Inject(DEFAULT_SPEC_CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  async handle(data: ScreenRequest): Promise<OutcomeOf<'populate-consent-authorize-screen'>> {
    const screen = this.screenData(data);
    if ('errorMessage' in screen) {
      return authorizeFailure(screen.errorMessage);
    }
    if (!screen.offersCustomerAccounts) {
      return succeed({ consentData: screen.consentData });
    }
    const accounts = await this.customerAccounts(data.userId, screen.consentData.type === ConsentType.Payments);
    return succeed({ consentData: screen.consentData, consumerData: { accounts } });
  }

  private screenData({ consentId, requestParameters, consentResource }: ScreenRequest): ScreenData | ScreenDataRefusal {
    // The identity server sends `{}` when the flow has no consent yet: a scope-based flow.
    if (!isNonEmptyJsonObject(consentResource)) {
      return scopeBasedScreenData(requestedScopes(requestParameters));
    }
    if (nonEmptyString(consentId) === undefined && intentIdOf(requestParameters) === undefined) {
      return { errorMessage: 'intent_id not found in request object' };
    }
    if (consentResource.status !== ConsentStatus.AwaitingAuthorisation) {
      return { errorMessage: 'Consent not in authorizable state' };
    }
    if (consentResource.authorizations?.[0]?.status !== AuthorizationStatus.Created) {
      return { errorMessage: 'Authorisation not in authorisable state' };
    }
    return preInitiatedScreenData(consentResource, this.clock.now());
  }

  private async customerAccounts(userId: string | undefined, forPayment: boolean): Promise<ScreenAccount[]> {
    const customer = nonEmptyString(userId);
    return customer === undefined ? [] : offeredCustomerAccounts(await this.bank.accountsOf(customer), forPayment);
  }
}
