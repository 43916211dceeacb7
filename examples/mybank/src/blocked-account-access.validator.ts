import { Inject, Injectable } from '@nestjs/common';
import {
  InheritedPoints,
  fail,
  type ConsentAccessValidator,
  type ExtensionContext,
  type OutcomeOf,
  type RequestDataOf,
} from '@consent-extensions/sdk';
import { MYBANK_OPTIONS, type MyBankOptions } from './mybank-options.js';

/**
 * A bank rule in front of the standard's: no data access to an account the bank has blocked (e.g. under a fraud
 * hold), whatever the consent says. Every other call gets exactly the UK module's answer.
 */
@Injectable()
export class BlockedAccountAccessValidator implements ConsentAccessValidator {
  constructor(
    private readonly inherited: InheritedPoints,
    @Inject(MYBANK_OPTIONS) private readonly options: MyBankOptions,
  ) {}

  async handle(
    data: RequestDataOf<'validate-consent-access'>,
    context: ExtensionContext,
  ): Promise<OutcomeOf<'validate-consent-access'>> {
    const resource = data.dataRequestPayload?.resourceParams?.['resource'] ?? '';
    const blocked = this.options.blockedAccounts.find((accountId) => resource.split(/[/?]/).includes(accountId));
    if (blocked !== undefined) {
      // The UK error format: the gateway relays errorMessage as the UK.OBIE code and errorCode as the HTTP status.
      return fail(403, {
        errorMessage: 'UK.OBIE.Resource.InvalidConsentStatus',
        errorDescription: `Account ${blocked} is blocked by the bank`,
      });
    }
    return this.inherited.handle('validate-consent-access', data, context);
  }
}
