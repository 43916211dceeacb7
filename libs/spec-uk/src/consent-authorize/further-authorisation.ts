import { Inject, Injectable } from '@nestjs/common';
import { BankBackend, type BankAccountView } from '@app/bank-backend';
import {
  type AuthorizeFailure,
  type ConsentResourceUpdate,
  type ExtensionFailure,
  type StoredConsentResource,
  epochSeconds,
  type Clock,
} from '@app/contract';
import { UK_SPEC_CLOCK } from '../uk-spec.tokens.js';
import { attributeOf, ConsentAttribute, multiAuthorisationDecisionAttribute } from '../shared/consent-attributes.js';
import { formatUkDateTime } from '../shared/date-time.js';
import { AUTHORISATION_TYPE, UkAuthorizationStatus, UkConsentStatus } from '../shared/uk-status.js';
import { authorizeFailure } from './authorize-failure.js';
import {
  decidersOf,
  multiAuthorisationOf,
  MultiAuthorisationStatus,
  type MultiAuthorisation,
} from './multi-authorisation.js';

/** Who may authorise a payment further, and the account it debits. */
export interface FurtherAuthoriser {
  readonly debtor: BankAccountView;
  readonly multiAuthorisation: MultiAuthorisation;
}

/**
 * The authorisers after the first of a payment that needs several (§A.5): the consent is Authorised (or already
 * Consumed by its payment order) and its MultiAuthorisation awaits further authorisation. Each further authoriser holds
 * the account the payment debits, has not decided yet, and decides before the CompletionDateTime.
 */
@Injectable()
export class FurtherAuthorisation {
  constructor(
    @Inject(BankBackend) private readonly bank: BankBackend,
    @Inject(UK_SPEC_CLOCK) private readonly clock: Clock,
  ) {}

  /** The payment's multi-authorisation when it awaits this customer; otherwise the authorize-flow failure to answer. */
  async check(
    consent: StoredConsentResource,
    userId: string,
  ): Promise<FurtherAuthoriser | ExtensionFailure<AuthorizeFailure>> {
    const multiAuthorisation = multiAuthorisationOf(consent, this.clock.now());
    const staged = consent.status === UkConsentStatus.Authorised || consent.status === UkConsentStatus.Consumed;
    if (multiAuthorisation === undefined || !staged) {
      return authorizeFailure(`The consent is ${String(consent.status)}, not awaiting authorisation`);
    }
    if (multiAuthorisation.Status !== MultiAuthorisationStatus.AwaitingFurtherAuthorisation) {
      // The CompletionDateTime passed: "the AuthorisationType cannot be satisfied", so a consent not yet used is Rejected.
      const expired =
        attributeOf(consent, ConsentAttribute.MultiAuthorisationStatus) === undefined &&
        consent.status === UkConsentStatus.Authorised;
      return authorizeFailure(
        `The payment's authorisation is complete: ${multiAuthorisation.Status}`,
        expired ? UkConsentStatus.Rejected : undefined,
      );
    }
    if (decidersOf(consent).has(userId)) {
      return authorizeFailure('You have already authorised this payment');
    }
    const debtorId = attributeOf(consent, ConsentAttribute.DebtorAccountId);
    const debtor = debtorId === undefined ? null : await this.bank.accountDetails(debtorId);
    if (debtor === null || !(await this.bank.holdsAccount(userId, debtor.accountId))) {
      return authorizeFailure('Only a holder of the account this payment debits can authorise it');
    }
    return { debtor, multiAuthorisation };
  }

  /**
   * A further authoriser's decision: their own authorization (the first authoriser mapped the account already), the
   * time of the decision, and, when it completes the multi-authorisation, its final status. A decline rejects the
   * payment; a consent already used for its payment order stays Consumed.
   */
  decision(
    consent: StoredConsentResource,
    userId: string,
    approved: boolean,
    { multiAuthorisation }: FurtherAuthoriser,
  ): ConsentResourceUpdate {
    const decisions = decidersOf(consent).size + 1;
    const received = multiAuthorisation.NumberReceived + (approved ? 1 : 0);
    const final = !approved
      ? MultiAuthorisationStatus.Rejected
      : received >= multiAuthorisation.NumberRequired
        ? MultiAuthorisationStatus.Authorised
        : undefined;
    return {
      ...(approved || consent.status === UkConsentStatus.Consumed ? {} : { status: UkConsentStatus.Rejected }),
      authorizations: [
        {
          userId,
          type: AUTHORISATION_TYPE,
          status: approved ? UkAuthorizationStatus.Authorised : UkAuthorizationStatus.Rejected,
          resources: [],
        },
      ],
      attributes: {
        [multiAuthorisationDecisionAttribute(decisions)]: formatUkDateTime(epochSeconds(this.clock.now())) ?? '',
        ...(final === undefined ? {} : { [ConsentAttribute.MultiAuthorisationStatus]: final }),
      },
    };
  }

  /** What the first authoriser's approval adds when the account needs several authorisers. */
  firstDecisionAttributes(required: number): Record<string, string> {
    return {
      [ConsentAttribute.MultiAuthorisationNumberRequired]: String(required),
      [multiAuthorisationDecisionAttribute(1)]: formatUkDateTime(epochSeconds(this.clock.now())) ?? '',
    };
  }
}
