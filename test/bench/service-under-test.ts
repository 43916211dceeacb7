import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  IdentityServerClient,
  IdentityServerSimulator,
  uaeJourneyPiiDecryptionKey,
  ukJourneyTrustFile,
} from '@app/testing';
import { BENCH_BERLIN_MAX_FREQUENCY_PER_DAY } from './berlin-scenarios.js';
import type { BenchDatabase } from './bench-database.js';
import { ChildServer, freePort } from './child-server.js';

/*
 * The real service, from its production build, started as the README starts it (`node
 * dist/apps/extension-server/src/main.js` with PORT, HOST, DATABASE_URL, Basic credentials and LOG_LEVEL=warn), every
 * implemented specification served.
 */

/** This file is dist/test/bench/service-under-test.js once built; main.js is in dist/apps/. */
export const SERVICE_MAIN = fileURLToPath(new URL('../../apps/extension-server/src/main.js', import.meta.url));
const BASIC_USER = 'bench-identity-server';

/**
 * The settings the scenarios' journeys need (shared with the fault tests, which start the service the same way):
 * `trustFile` is a file holding `ukJourneyTrustFile()`.
 */
export function scenarioSettings(trustFile: string): Record<string, string> {
  return {
    // The scenarios grant consents on the demo customers' accounts.
    SEED_DEMO_DATA: 'true',
    UK_JWS_TRUST_FILE: trustFile,
    // The UAE payment scenarios send their PII encrypted to the demo bank key, as the standard requires.
    UAE_PII_DECRYPTION_KEY: uaeJourneyPiiDecryptionKey(),
    // The counted Berlin read: its consents' frequencyPerDay (1000, the most allowed) must not be lowered to the default 4.
    BERLIN_MAX_FREQUENCY_PER_DAY: String(BENCH_BERLIN_MAX_FREQUENCY_PER_DAY),
  };
}

export interface ServiceStartOptions {
  /** V8 CPU profiles of the service go there (`node --cpu-prof`), written when it stops. */
  readonly cpuProfileDir?: string;
}

export class ServiceUnderTest {
  private constructor(
    readonly server: ChildServer,
    private readonly password: string,
    private readonly settingsDir: string,
  ) {}

  static async start(database: BenchDatabase, options: ServiceStartOptions = {}): Promise<ServiceUnderTest> {
    const port = await freePort();
    const password = randomBytes(18).toString('base64url');
    // The UK VRP consent is signed with the UK journey's TPP key, which the service trusts from this file.
    const settingsDir = await mkdtemp(join(tmpdir(), 'consent-ext-bench-settings-'));
    const trustFile = join(settingsDir, 'uk-jws-trust.json');
    await writeFile(trustFile, JSON.stringify(ukJourneyTrustFile()));
    let server: ChildServer;
    try {
      server = await ChildServer.start({
        label: `the service on ${database.choice}`,
        script: SERVICE_MAIN,
        port,
        readinessPath: '/health',
        nodeFlags: options.cpuProfileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`],
        env: {
          PORT: String(port),
          HOST: '127.0.0.1',
          DATABASE_URL: database.url,
          EXTENSION_BASIC_USER: BASIC_USER,
          EXTENSION_BASIC_PASSWORD: password,
          LOG_LEVEL: 'warn',
          ...scenarioSettings(trustFile),
        },
      });
    } catch (error: unknown) {
      await rm(settingsDir, { recursive: true, force: true });
      throw error;
    }
    return new ServiceUnderTest(server, password, settingsDir);
  }

  get baseUrl(): string {
    return this.server.baseUrl;
  }

  get pid(): number {
    return this.server.pid;
  }

  /** An identity server simulator calling `/{spec}` with the service's credentials. */
  simulatorFor(spec: string): IdentityServerSimulator {
    return new IdentityServerSimulator(
      new IdentityServerClient({
        baseUrl: this.baseUrl,
        spec,
        credentials: { kind: 'basic', username: BASIC_USER, password: this.password },
      }),
    );
  }

  /** Whether the service serves a specification: `GET /{spec}` answers 200. */
  async serves(spec: string): Promise<boolean> {
    const response = await fetch(`${this.baseUrl}/${encodeURIComponent(spec)}`, { signal: AbortSignal.timeout(5000) });
    await response.arrayBuffer();
    return response.status === 200;
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await rm(this.settingsDir, { recursive: true, force: true });
  }
}
