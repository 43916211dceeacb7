import { Module, type DynamicModule } from '@nestjs/common';
import type { SpecPlugin } from '@app/contract';
import { BankBackendModule } from '@app/bank-backend';
import { PersistenceModule } from '@app/persistence';
import { ExtensionPlatformModule, type AppConfig } from '@app/platform';
import { DEFAULT_SPEC } from '@app/spec-default';

/**
 * The application serving `specs` beside `default`, which is also the fallback of the points they leave out, on the
 * seeded embedded bank: AppModule's assembly, for the tests that must hand a specification something no setting
 * reaches (a clock they move). Every other test server goes through AppModule itself (`startTestServer`'s `env`).
 */
export function rootModuleServing(config: AppConfig, ...specs: readonly SpecPlugin[]): DynamicModule {
  @Module({})
  class TestRootModule {}
  return {
    module: TestRootModule,
    imports: [
      PersistenceModule.forRoot({ databaseUrl: config.databaseUrl }),
      { ...BankBackendModule.forRoot({ seedDemoData: true }), global: true },
      ExtensionPlatformModule.forRoot({ config, specs: [...specs, DEFAULT_SPEC], fallback: DEFAULT_SPEC }),
    ],
  };
}
