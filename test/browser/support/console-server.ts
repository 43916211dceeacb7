import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uaeJourneyPiiDecryptionKey, ukJourneyTrustFile } from '@app/testing';
import { AppModule } from '../../../apps/extension-server/src/app.module.js';
import { startTestServer, type RunningTestServer } from '../../e2e/support/test-server.js';

export interface ConsoleServer extends RunningTestServer {
  /** The console's root, e.g. http://127.0.0.1:41234/console. */
  readonly consoleUrl: string;
  readonly port: number;
}

/**
 * The service as `npm start` runs it (every built-in specification, the demo bank, the console on its default
 * setting), with Basic credentials for the identity server, the UK journey TPP's key trusted and the UAE demo PII key,
 * so that every example of the console goes through. `env` overrides the console's and the specifications' settings.
 */
export async function startConsoleServer(env: Record<string, string> = {}): Promise<ConsoleServer> {
  const trustFile = join(mkdtempSync(join(tmpdir(), 'console-trust-')), 'uk-trust.json');
  writeFileSync(trustFile, JSON.stringify(ukJourneyTrustFile()));
  const specEnv = {
    ...process.env,
    CONSOLE: 'loopback',
    UK_JWS_TRUST_FILE: trustFile,
    UAE_PII_DECRYPTION_KEY: uaeJourneyPiiDecryptionKey(),
    ...env,
  };
  const server = await startTestServer({ rootModule: (config) => AppModule.forRoot(config, [], specEnv) });
  const { port } = server.app.getHttpServer().address() as AddressInfo;
  return { ...server, consoleUrl: `${server.baseUrl}/console`, port };
}
