import { SettingsReader } from '@app/contract';
import { Module, type DynamicModule } from '@nestjs/common';
import { BankBackendModule } from '@app/bank-backend';
import { PersistenceModule } from '@app/persistence';
import { ExtensionPlatformModule, type AppConfig } from '@app/platform';
import { BerlinSpecModule, BERLIN_SPEC_ID, resolveBerlinSpecOptions, type Clock } from '@app/spec-berlin';
import { DEFAULT_SPEC } from '@app/spec-default';

export interface BerlinTestOptions {
  /** `BERLIN_*` settings, as an operator would set them. */
  readonly env?: Readonly<Record<string, string>>;
  /** A clock the tests move, for validity and per-day rules. */
  readonly clock?: Clock;
}

/** The application serving the Berlin Group specification, with `default` as the fallback of the points it leaves out. */
export function berlinRootModule(options: BerlinTestOptions = {}): (config: AppConfig) => DynamicModule {
  return (config) => {
    @Module({})
    class BerlinTestAppModule {}
    const berlin = {
      id: BERLIN_SPEC_ID,
      title: 'Berlin Group (test)',
      module: BerlinSpecModule.register(resolveBerlinSpecOptions(new SettingsReader(options.env ?? {})), options.clock),
    };
    return {
      module: BerlinTestAppModule,
      imports: [
        PersistenceModule.forRoot({ databaseUrl: config.databaseUrl }),
        { ...BankBackendModule.forRoot({ seedDemoData: true }), global: true },
        ExtensionPlatformModule.forRoot({ config, specs: [berlin, DEFAULT_SPEC], fallback: DEFAULT_SPEC }),
      ],
    };
  };
}

/** A clock tests can set and move. */
export class MovableClock implements Clock {
  constructor(private current: number = Date.now()) {}

  now(): number {
    return this.current;
  }

  set(epochMillis: number): void {
    this.current = epochMillis;
  }

  advanceDays(days: number): void {
    this.current += days * 86_400_000;
  }
}
