import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { BankBackendModule } from '@app/bank-backend';
import { PersistenceModule } from '@app/persistence';
import { ExtensionPlatformModule, type AppConfig } from '@app/platform';
import { SettingsReader } from '@app/contract';
import { DEFAULT_SPEC } from '@app/spec-default';
import { createUkSpec } from '@app/spec-uk';
import { IdentityServerClient, IdentityServerSimulator, type KeyOrder } from '@app/testing';
import { TEST_PASSWORD, TEST_USER, startTestServer, type RunningTestServer } from '../../support/test-server.js';
import { ukJourneyTrustFile } from '@app/testing';

/** A trust file holding the journey TPP's public signing key, as a bank would configure UK_JWS_TRUST_FILE. */
export function writeJourneyTrustFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'uk-trust-')), 'trust.json');
  writeFileSync(path, JSON.stringify(ukJourneyTrustFile()));
  return path;
}

/** The application serving `uk` (with `default` as the fallback of the points it leaves out), as in production. */
export function ukRootModule(env: Record<string, string | undefined>): (config: AppConfig) => DynamicModule {
  const uk = createUkSpec(new SettingsReader(env, 'uk'));
  return (config) => {
    @Module({})
    class UkTestAppModule {}
    return {
      module: UkTestAppModule,
      imports: [
        PersistenceModule.forRoot({ databaseUrl: config.databaseUrl }),
        { ...BankBackendModule.forRoot({ seedDemoData: true }), global: true },
        ExtensionPlatformModule.forRoot({ config, specs: [uk, DEFAULT_SPEC], fallback: DEFAULT_SPEC }),
      ],
    };
  };
}

/**
 * The service on a fresh test database (SQLite, or MariaDB with TEST_DATABASE_URL), trusting the journey TPP's key and
 * verifying signatures: the deployment where the TPP's raw body reaches the service, which `ukSimulator` reproduces by
 * default. A test of the identity server's real behaviour (re-ordered keys) sets UK_SIGNATURE_VERIFICATION=off and
 * passes `java-hash-map` to `ukSimulator`.
 */
export function startUkTestServer(env: Record<string, string | undefined> = {}): Promise<RunningTestServer> {
  return startTestServer({ rootModule: ukRootModule({ UK_SIGNATURE_VERIFICATION: 'on', UK_JWS_TRUST_FILE: writeJourneyTrustFile(), ...env }) });
}

/** `as-given`: the TPP's key order reaches the service (UK_SIGNATURE_VERIFICATION=on); `java-hash-map`: the identity server's. */
export function ukSimulator(server: RunningTestServer, keyOrder: KeyOrder = 'as-given'): IdentityServerSimulator {
  return new IdentityServerSimulator(
    new IdentityServerClient({ baseUrl: server.baseUrl, spec: 'uk', credentials: { kind: 'basic', username: TEST_USER, password: TEST_PASSWORD }, keyOrder }),
  );
}
