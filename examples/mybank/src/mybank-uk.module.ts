import { Module, type DynamicModule } from '@nestjs/common';
import { bindPoints, defineSpecModule, SPEC_MODULE_API_VERSION, type SettingsReader } from '@consent-extensions/sdk';
import { BlockedAccountAccessValidator } from './blocked-account-access.validator.js';
import { MYBANK_OPTIONS, readMyBankOptions } from './mybank-options.js';
import { SupportLineScreenPopulator } from './support-line.screen-populator.js';

@Module({})
class MyBankUkModule {
  static register(settings: SettingsReader): DynamicModule {
    return {
      module: MyBankUkModule,
      providers: [
        { provide: MYBANK_OPTIONS, useValue: readMyBankOptions(settings) },
        ...bindPoints({
          'populate-consent-authorize-screen': SupportLineScreenPopulator,
          'validate-consent-access': BlockedAccountAccessValidator,
        }),
      ],
    };
  }
}

/**
 * "Serve `uk`, but with my own consent screen and access check": a specification derived from the built-in `uk`.
 * Its two points call the UK module's answer and add the bank's rule; the other 22 are the UK module's (and, where
 * that has none, the default's). Served at `/mybank-uk`.
 */
export default defineSpecModule({
  apiVersion: SPEC_MODULE_API_VERSION,
  id: 'mybank-uk',
  create: (settings) => ({
    id: 'mybank-uk',
    title: 'MyBank: UK Open Banking with the bank’s consent screen and account blocks',
    module: MyBankUkModule.register(settings),
    extends: 'uk',
    forwardedHeaders: [
      'x-idempotency-key',
      'x-jws-signature',
      'x-fapi-interaction-id',
      'x-fapi-auth-date',
      'Content-Type',
    ],
  }),
});
