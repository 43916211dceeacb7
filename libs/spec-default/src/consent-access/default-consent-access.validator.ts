import { Inject, Injectable } from '@nestjs/common';
import { ConsentAccessValidator, succeed, type OutcomeOf, type RequestDataOf, type Clock } from '@app/contract';
import { DEFAULT_SPEC_CLOCK } from '../default-spec.tokens.js';
import { ConsentType } from '../shared/consent-type.js';
import { isJsonObject, nonEmptyString } from '../shared/json.js';
import { accessDenied, type AccessRules } from './access-check.js';
import { accountAccessRules } from './account-access.rules.js';
import { fundsConfirmationAccessRules } from './funds-confirmation-access.rules.js';
import { paymentAccessRules } from './payment-access.rules.js';

const RULES_BY_TYPE: ReadonlyMap<string, AccessRules> = new Map([
  [ConsentType.Accounts, accountAccessRules],
  [ConsentType.Default, accountAccessRules],
  [ConsentType.FundsConfirmations, fundsConfirmationAccessRules],
  [ConsentType.Payments, paymentAccessRules],
]);

/**
 * The accelerator's `DefaultConsentValidator` rules per consent type (contract §7.5); the identity server has already
 * checked the user and the client. Runs on every protected API call: no I/O.
 */
@Injectable()
export class DefaultConsentAccessValidator extends ConsentAccessValidator {
  constructor(@Inject(DEFAULT_SPEC_CLOCK) private readonly clock: Clock) {
    super();
  }

  handle({
    consentId,
    consentResource = {},
    dataRequestPayload = {},
  }: RequestDataOf<'validate-consent-access'>): Promise<OutcomeOf<'validate-consent-access'>> {
    const rules = RULES_BY_TYPE.get(consentResource.type ?? '');
    if (rules === undefined) {
      return Promise.resolve(accessDenied(500, 'Invalid consent type'));
    }
    const receiptData = consentResource.receipt?.['Data'];
    const denial = rules({
      consentId: nonEmptyString(consentResource.id) ?? nonEmptyString(consentId),
      consent: consentResource,
      receiptData: isJsonObject(receiptData) ? receiptData : {},
      request: dataRequestPayload,
      nowMillis: this.clock.now(),
    });
    return Promise.resolve(denial ?? succeed({}));
  }
}
