import { Module, type DynamicModule } from '@nestjs/common';
import { BankBackendModule } from '@app/bank-backend';
import { PersistenceModule } from '@app/persistence';
import { ExtensionPlatformModule, type AppConfig } from '@app/platform';
import { FALLBACK_SPEC, selectSpecs } from './available-specs.js';

/** The deployable service: persistence, the bank backend, the platform and the specifications chosen by config. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PersistenceModule.forRoot({ databaseUrl: config.databaseUrl, poolSize: config.databasePoolSize }),
        // Global, so that every specification module can inject the BankBackend port without importing this module.
        {
          ...BankBackendModule.forRoot({
            backendUrl: config.bankBackendUrl,
            timeoutMs: config.bankBackendTimeoutMs,
            seedDemoData: config.seedDemoData,
          }),
          global: true,
        },
        ExtensionPlatformModule.forRoot({ config, specs: selectSpecs(config.enabledSpecs), fallback: FALLBACK_SPEC }),
      ],
    };
  }
}
