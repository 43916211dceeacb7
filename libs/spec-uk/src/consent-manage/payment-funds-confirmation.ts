import { Inject, Injectable } from '@nestjs/common';
import { BankBackend } from '@app/bank-backend';
import { type JsonObject, type StoredConsentResource, epochSeconds, type Clock } from '@app/contract';
import { UK_SPEC_CLOCK, UK_SPEC_OPTIONS } from '../uk-spec.tokens.js';
import type { UkSpecOptions } from '../uk-spec.options.js';
import { attributeOf, ConsentAttribute } from '../shared/consent-attributes.js';
import { formatUkDateTime } from '../shared/date-time.js';
import { scaledAmount } from '../shared/amount.js';
import { objectAt, stringAt } from '../shared/json.js';
import type { UkConsentKind } from '../shared/uk-consent-kind.js';
import { UkErrorCode, ukRejection, type UkRejection } from '../shared/uk-error.js';
import { UkConsentStatus } from '../shared/uk-status.js';
import { selfLink } from './uk-consent-response-body.js';

/**
 * `GET /{payment-consents}/{ConsentId}/funds-confirmation` (§A.5, the "Confirmation of Funds" of the domestic,
 * international and international scheduled consent pages): only on an Authorised consent (otherwise 400
 * UK.OBIE.Resource.InvalidConsentStatus), it asks the bank whether the account the customer approved can pay the
 * InstructedAmount now, and answers OBWriteFundsConfirmationResponse1. The consent's status is never changed.
 */
@Injectable()
export class PaymentFundsConfirmation {
  constructor(
    @Inject(BankBackend) private readonly bank: BankBackend,
    @Inject(UK_SPEC_OPTIONS) private readonly options: UkSpecOptions,
    @Inject(UK_SPEC_CLOCK) private readonly clock: Clock,
  ) {}

  async answer(
    kind: UkConsentKind,
    consentId: string,
    consent: StoredConsentResource,
  ): Promise<{ readonly body: JsonObject } | { readonly rejection: UkRejection }> {
    if (consent.status !== UkConsentStatus.Authorised) {
      return {
        rejection: ukRejection(
          400,
          UkErrorCode.ResourceInvalidConsentStatus,
          `Funds can be confirmed only on an Authorised consent; this one is ${String(consent.status)}`,
        ),
      };
    }
    const accountId = attributeOf(consent, ConsentAttribute.DebtorAccountId);
    const instructed = objectAt(objectAt(objectAt(consent.receipt, 'Data'), 'Initiation'), 'InstructedAmount');
    const amount = stringAt(instructed, 'Amount');
    const currency = stringAt(instructed, 'Currency');
    // The receipt's amount was validated at creation; one the identity server hands back malformed cannot be checked.
    if (
      accountId === undefined ||
      scaledAmount(amount) === undefined ||
      amount === undefined ||
      currency === undefined
    ) {
      // Persist records the approved account on every payment consent; one authorised before it did cannot be checked.
      return {
        rejection: ukRejection(
          500,
          UkErrorCode.UnexpectedError,
          'The consent records no approved debtor account and amount to check the funds of',
        ),
      };
    }
    const fundsAvailable = await this.bank.fundsAvailable(accountId, { amount, currency });
    return {
      body: {
        Data: {
          FundsAvailableResult: {
            FundsAvailableDateTime: formatUkDateTime(epochSeconds(this.clock.now())) ?? '',
            FundsAvailable: fundsAvailable,
          },
        },
        Links: { Self: selfLink(kind, consentId, this.options, '/funds-confirmation') },
        Meta: {},
      },
    };
  }
}
