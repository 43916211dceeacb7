import { SettingsReader } from '@app/contract';
import type { DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@app/platform';
import { createUaeSpec } from '@app/spec-uae';
import { uaeJourneyPiiDecryptionKey } from '@app/testing';
import { rootModuleServing } from '../../support/root-module.js';
import { startTestServer, type RunningTestServer, type TestServerEnv } from '../../support/test-server.js';

/** The bank decrypts the fixtures' PII with the demo key unless a test names another one. */
const withDemoPiiKey = (env: TestServerEnv): TestServerEnv => ({
  UAE_PII_DECRYPTION_KEY: uaeJourneyPiiDecryptionKey(),
  ...env,
});

/** The service as an operator deploys the UAE specification: EXTENSION_SPECS=uae and its UAE_* settings, through AppModule. */
export function startUaeTestServer(env: TestServerEnv = {}): Promise<RunningTestServer> {
  return startTestServer({ env: { EXTENSION_SPECS: 'uae', ...withDemoPiiKey(env) } });
}

/**
 * The application serving `uae` beside `default`, built by hand from the same settings AppModule would read; prefer
 * `startUaeTestServer`, which goes through AppModule as production does.
 */
export function uaeRootModule(env: TestServerEnv = {}): (config: AppConfig) => DynamicModule {
  return (config) => rootModuleServing(config, createUaeSpec(new SettingsReader(withDemoPiiKey(env), 'uae')));
}
