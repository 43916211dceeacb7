import { Module, type DynamicModule } from '@nestjs/common';
import { bindPoints, defineSpecModule, SPEC_MODULE_API_VERSION, type SettingsReader } from '@consent-extensions/sdk';
import { MYBANK_OPTIONS, readMyBankOptions } from './mybank-options.js';
import { RefreshTokenPolicyIssuer } from './refresh-token-policy.issuer.js';

@Module({})
class MyBankModule {
  static register(settings: SettingsReader): DynamicModule {
    return {
      module: MyBankModule,
      providers: [
        { provide: MYBANK_OPTIONS, useValue: readMyBankOptions(settings) },
        ...bindPoints({ 'issue-refresh-token': RefreshTokenPolicyIssuer }),
      ],
    };
  }
}

/**
 * A bank's own specification from scratch: one point of its own (the refresh-token policy), the 23 others with the
 * accelerator's default behaviour. Served at `/mybank`.
 */
export default defineSpecModule({
  apiVersion: SPEC_MODULE_API_VERSION,
  id: 'mybank',
  create: (settings) => ({
    id: 'mybank',
    title: 'MyBank: the accelerator’s behaviour with the bank’s refresh-token policy',
    module: MyBankModule.register(settings),
  }),
});
