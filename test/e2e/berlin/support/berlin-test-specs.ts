import { SettingsReader } from '@app/contract';
import type { DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@app/platform';
import { BerlinSpecModule, createBerlinSpec, resolveBerlinSpecOptions, type Clock } from '@app/spec-berlin';
import { rootModuleServing } from '../../support/root-module.js';
import {
  startTestServer,
  type RunningTestServer,
  type TestServerEnv,
  type TestServerOptions,
} from '../../support/test-server.js';

/**
 * The service as an operator deploys the Berlin Group specification: EXTENSION_SPECS=berlin and its BERLIN_* settings,
 * through AppModule, on a fresh test database or on `options.databaseUrl`.
 */
export function startBerlinTestServer(
  env: TestServerEnv = {},
  options: Pick<TestServerOptions, 'databaseUrl'> = {},
): Promise<RunningTestServer> {
  return startTestServer({ ...options, env: { EXTENSION_SPECS: 'berlin', ...env } });
}

export interface BerlinTestOptions {
  /** `BERLIN_*` settings, as an operator would set them. */
  readonly env?: TestServerEnv;
  /** A clock the tests move, for validity and per-day rules. */
  readonly clock?: Clock;
}

/**
 * The application serving the Berlin Group specification beside `default`, for a test that moves the clock, which no
 * setting reaches: the specification AppModule would build from the settings, on the given clock.
 */
export function berlinRootModule(options: BerlinTestOptions = {}): (config: AppConfig) => DynamicModule {
  return (config) => {
    const settings = new SettingsReader(options.env ?? {}, 'berlin');
    return rootModuleServing(config, {
      ...createBerlinSpec(settings),
      module: BerlinSpecModule.register(resolveBerlinSpecOptions(settings), options.clock),
    });
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
