import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ukJourneyTrustFile } from '@app/testing';
import { ChildServer, freePort } from '../bench/child-server.js';
import { SERVICE_MAIN, scenarioSettings } from '../bench/service-under-test.js';

/** The service the fuzzer sends its inputs to. */
export interface FuzzedService {
  readonly baseUrl: string;
  readonly user: string;
  readonly password: string;
  readonly bodyLimitBytes: number;
  stop(): Promise<void>;
}

/*
 * By default the production build, started as the README starts it, every built-in specification served, with the
 * settings the journeys need (demo bank, the UK journey's trusted TPP key, the UAE demo PII key) and a body limit of
 * 1 MB, so that inputs just over the limit stay cheap to send.
 */

export const FUZZ_BODY_LIMIT_BYTES = 1024 * 1024;
const BASIC_USER = 'fuzz-identity-server';

export async function startFuzzService(databaseUrl: string | undefined): Promise<FuzzedService> {
  const workDir = await mkdtemp(join(tmpdir(), 'consent-ext-fuzz-'));
  try {
    const trustFile = join(workDir, 'uk-jws-trust.json');
    await writeFile(trustFile, JSON.stringify(ukJourneyTrustFile()));
    const port = await freePort();
    const password = randomBytes(18).toString('base64url');
    const server = await ChildServer.start({
      label: 'the service under fuzzing',
      script: SERVICE_MAIN,
      port,
      readinessPath: '/health',
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl ?? `sqlite:${join(workDir, 'fuzz.sqlite')}`,
        EXTENSION_BASIC_USER: BASIC_USER,
        EXTENSION_BASIC_PASSWORD: password,
        EXTENSION_BODY_LIMIT: `${FUZZ_BODY_LIMIT_BYTES / 1024}kb`,
        LOG_LEVEL: 'error',
        ...scenarioSettings(trustFile),
      },
    });
    return {
      baseUrl: server.baseUrl,
      user: BASIC_USER,
      password,
      bodyLimitBytes: FUZZ_BODY_LIMIT_BYTES,
      async stop() {
        await server.stop();
        await rm(workDir, { recursive: true, force: true });
      },
    };
  } catch (error: unknown) {
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }
}

function byteSize(raw: string | undefined): number {
  const match = /^(\d+)\s*(b|kb|mb)?$/i.exec(raw?.trim() ?? '10mb');
  if (match === null) {
    throw new Error(`EXTENSION_BODY_LIMIT must be a size like 10mb, got ${JSON.stringify(raw)}`);
  }
  return Number(match[1]) * { b: 1, kb: 1024, mb: 1024 * 1024 }[(match[2] ?? 'b').toLowerCase() as 'b' | 'kb' | 'mb'];
}

/** A service someone else started (`--base-url`), described by the settings it was started with. */
export function runningService(baseUrl: string, env: NodeJS.ProcessEnv): FuzzedService {
  return {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    user: env['EXTENSION_BASIC_USER'] ?? '',
    password: env['EXTENSION_BASIC_PASSWORD'] ?? '',
    bodyLimitBytes: byteSize(env['EXTENSION_BODY_LIMIT']),
    stop: () => Promise.resolve(),
  };
}
