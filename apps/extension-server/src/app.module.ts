import { Module, type DynamicModule } from '@nestjs/common';
import { BankBackendModule } from '@app/bank-backend';
import { ConsoleModule, readConsoleSettings } from '@app/console';
import { PersistenceModule } from '@app/persistence';
import { ExtensionPlatformModule, type AppConfig } from '@app/platform';
import { FALLBACK_SPEC, selectSpecs } from './available-specs.js';
import type { LoadedSpecModule } from './modules/extension-module-loader.js';

/**
 * The deployable service: persistence, the bank backend, the platform and the specifications chosen by config, plus
 * the modules loaded from EXTENSION_MODULES (`loadSpecModules`, which is asynchronous and so runs before this).
 */
@Module({})
export class AppModule {
  static forRoot(
    config: AppConfig,
    loaded: readonly LoadedSpecModule[] = [],
    env: Readonly<Record<string, string | undefined>> = process.env,
  ): DynamicModule {
    const { served, bases } = selectSpecs(config.enabledSpecs, env, loaded);
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
            customerIds: config.customerIds,
          }),
          global: true,
        },
        ExtensionPlatformModule.forRoot({ config, specs: served, bases, fallback: FALLBACK_SPEC }),
        // The integrator console at /console (CONSOLE=off|loopback|on); it calls the served specifications over HTTP.
        ConsoleModule.forRoot(readConsoleSettings(env), served),
      ],
    };
  }
}
