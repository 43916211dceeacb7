import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdentityServerClient, IdentityServerSimulator, ukJourneyTrustFile, type KeyOrder } from '@app/testing';
import {
  TEST_PASSWORD,
  TEST_USER,
  startTestServer,
  type RunningTestServer,
  type TestServerEnv,
  type TestServerOptions,
} from '../../support/test-server.js';

/** A trust file holding the journey TPP's public signing key, as a bank would configure UK_JWS_TRUST_FILE. */
export function writeJourneyTrustFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'uk-trust-')), 'trust.json');
  writeFileSync(path, JSON.stringify(ukJourneyTrustFile()));
  return path;
}

/**
 * The service as an operator deploys the UK specification (EXTENSION_SPECS=uk, through AppModule) on a fresh test
 * database (SQLite, or MariaDB with TEST_DATABASE_URL), or on `options.databaseUrl`, trusting the journey TPP's key
 * and verifying signatures: the deployment where the TPP's raw body reaches the service, which `ukSimulator`
 * reproduces by default. A test of the identity server's real behaviour (re-ordered keys) sets
 * UK_SIGNATURE_VERIFICATION=off and passes `java-hash-map` to `ukSimulator`.
 */
export function startUkTestServer(
  env: TestServerEnv = {},
  options: Pick<TestServerOptions, 'databaseUrl'> = {},
): Promise<RunningTestServer> {
  return startTestServer({
    ...options,
    env: { EXTENSION_SPECS: 'uk', UK_SIGNATURE_VERIFICATION: 'on', UK_JWS_TRUST_FILE: writeJourneyTrustFile(), ...env },
  });
}

/** `as-given`: the TPP's key order reaches the service (UK_SIGNATURE_VERIFICATION=on); `java-hash-map`: the identity server's. */
export function ukSimulator(server: RunningTestServer, keyOrder: KeyOrder = 'as-given'): IdentityServerSimulator {
  return new IdentityServerSimulator(
    new IdentityServerClient({
      baseUrl: server.baseUrl,
      spec: 'uk',
      credentials: { kind: 'basic', username: TEST_USER, password: TEST_PASSWORD },
      keyOrder,
    }),
  );
}

/** The UK test server of one test file, and its simulator. */
export interface UkTestContext {
  readonly server: RunningTestServer;
  readonly simulator: IdentityServerSimulator;
}

/**
 * Starts the UK test server (startUkTestServer, with ukSimulator's default key order) before the file's tests and
 * closes it after them; `receive` gets both for the file's own variables.
 */
export function startUkServerForFile(receive: (context: UkTestContext) => void): void {
  let server: RunningTestServer | undefined;
  beforeAll(async () => {
    server = await startUkTestServer();
    receive({ server, simulator: ukSimulator(server) });
  });
  afterAll(async () => {
    await server?.close();
  });
}
