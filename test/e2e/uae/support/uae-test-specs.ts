import { SettingsReader } from '@app/contract';
import { Module, type DynamicModule } from '@nestjs/common';
import { BankBackendModule } from '@app/bank-backend';
import { PersistenceModule } from '@app/persistence';
import { ExtensionPlatformModule, type AppConfig } from '@app/platform';
import { DEFAULT_SPEC } from '@app/spec-default';
import { createUaeSpec, type UaeClock } from '@app/spec-uae';
import { uaeJourneyPiiDecryptionKey } from '@app/testing';

/**
 * The application serving `uae` (with its settings and an optional fixed clock) and the default fallback. The bank
 * decrypts the fixtures' PII with the demo key unless `env` names another one.
 */
export function uaeRootModule(env: Readonly<Record<string, string | undefined>> = {}, clock?: UaeClock): (config: AppConfig) => DynamicModule {
  const settings = new SettingsReader({ UAE_PII_DECRYPTION_KEY: uaeJourneyPiiDecryptionKey(), ...env });
  return (config) => {
    @Module({})
    class UaeTestAppModule {}
    return {
      module: UaeTestAppModule,
      imports: [
        PersistenceModule.forRoot({ databaseUrl: config.databaseUrl }),
        { ...BankBackendModule.forRoot({ seedDemoData: true }), global: true },
        ExtensionPlatformModule.forRoot({ config, specs: [createUaeSpec(settings, clock), DEFAULT_SPEC], fallback: DEFAULT_SPEC }),
      ],
    };
  };
}
