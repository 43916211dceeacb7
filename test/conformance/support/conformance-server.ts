import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uaeJourneyPiiDecryptionKey, ukJourneyTrustFile } from '@app/testing';
import { AppModule } from '../../../apps/extension-server/src/app.module.js';
import { startTestServer, TEST_PASSWORD, TEST_USER, type RunningTestServer } from '../../e2e/support/test-server.js';

export const SERVICE_CREDENTIALS = { kind: 'basic', username: TEST_USER, password: TEST_PASSWORD } as const;

/**
 * The service as CI starts it for the journeys: every built-in specification, trusting the UK journey TPP's signing
 * key and holding the UAE journey's demo PII key, with Basic credentials.
 */
export function startConformanceServer(env: Record<string, string> = {}): Promise<RunningTestServer> {
  const trustFile = join(mkdtempSync(join(tmpdir(), 'conformance-trust-')), 'uk-trust.json');
  writeFileSync(trustFile, JSON.stringify(ukJourneyTrustFile()));
  const specEnv = {
    ...process.env,
    UK_JWS_TRUST_FILE: trustFile,
    UAE_PII_DECRYPTION_KEY: uaeJourneyPiiDecryptionKey(),
    ...env,
  };
  return startTestServer({ rootModule: (config) => AppModule.forRoot(config, [], specEnv) });
}
