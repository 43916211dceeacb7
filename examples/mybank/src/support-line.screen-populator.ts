import { Inject, Injectable } from '@nestjs/common';
import {
  InheritedPoints,
  type ConsentScreenPopulator,
  type ExtensionContext,
  type OutcomeOf,
  type RequestDataOf,
} from '@consent-extensions/sdk';
import { MYBANK_OPTIONS, type MyBankOptions } from './mybank-options.js';

/** The UK consent screen, plus one box the bank adds: where the customer gets help about this consent. */
@Injectable()
export class SupportLineScreenPopulator implements ConsentScreenPopulator {
  constructor(
    private readonly inherited: InheritedPoints,
    @Inject(MYBANK_OPTIONS) private readonly options: MyBankOptions,
  ) {}

  async handle(
    data: RequestDataOf<'populate-consent-authorize-screen'>,
    context: ExtensionContext,
  ): Promise<OutcomeOf<'populate-consent-authorize-screen'>> {
    const outcome = await this.inherited.handle('populate-consent-authorize-screen', data, context);
    if (outcome.status !== 'SUCCESS') {
      return outcome;
    }
    const consentData = outcome.data.consentData;
    return {
      ...outcome,
      data: {
        ...outcome.data,
        consentData: {
          ...consentData,
          basicConsentData: {
            ...consentData.basicConsentData,
            'Questions about this consent': [this.options.supportLine],
          },
        },
      },
    };
  }
}
