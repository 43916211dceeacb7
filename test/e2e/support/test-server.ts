import type { AddressInfo } from 'node:net';
import { TextDecoder } from 'node:util';
import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { isExtensionName } from '@app/contract';
import { createExtensionServer, createServiceLogger, loadAppConfig, type AppConfig } from '@app/platform';
import { createTestDataSource, isJsonRecord, reportAnswer } from '@app/testing';
import { AppModule } from '../../../apps/extension-server/src/app.module.js';
import type { LoadedSpecModule } from '../../../apps/extension-server/src/modules/extension-module-loader.js';

export const TEST_USER = 'is-admin';
export const TEST_PASSWORD = 'test-secret-é';

export interface RunningTestServer {
  readonly baseUrl: string;
  readonly app: NestFastifyApplication;
  readonly config: AppConfig;
  readonly databaseUrl: string;
  /**
   * Stops this service and starts it again on the same database with the same options, as an operator's restart.
   * The database this server created stays until the restarted server is closed.
   */
  restart(): Promise<RunningTestServer>;
  close(): Promise<void>;
}

/** The environment of a test server: a value left undefined unsets a default of the harness. */
export type TestServerEnv = Readonly<Record<string, string | undefined>>;

export interface TestServerOptions {
  /**
   * The environment as an operator would set it, read by the service's configuration (EXTENSION_SPECS, ...) and by the
   * specifications (UK_*, BERLIN_*, ...), and nothing else: the shell's environment never reaches a test server.
   */
  readonly env?: TestServerEnv;
  /** Reuse a database (to test behaviour across restarts). */
  readonly databaseUrl?: string;
  /** Specification modules served beside the built-in ones, as EXTENSION_MODULES would load them. */
  readonly modules?: readonly LoadedSpecModule[];
  /**
   * Replace AppModule, only for what no setting reaches, such as a clock the test moves (see `rootModuleServing`):
   * everything else goes through AppModule and `env`, as in production.
   */
  readonly rootModule?: (config: AppConfig) => DynamicModule;
  /** Collects the service's log lines (JSON) instead of printing them. */
  readonly logLines?: string[];
}

/**
 * Starts the service exactly as `main.ts` does (same bootstrap function, AppModule with the specifications `env`
 * selects, real HTTP on a free port) on a fresh test database: SQLite by default, MySQL/MariaDB when
 * TEST_DATABASE_URL says so.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<RunningTestServer> {
  return startOnDatabase(options, () => Promise.resolve());
}

/** `releaseDatabase` frees a database an earlier server of a restart created (see `restart`). */
async function startOnDatabase(
  options: TestServerOptions,
  releaseEarlierDatabase: () => Promise<void>,
): Promise<RunningTestServer> {
  let databaseUrl = options.databaseUrl;
  let releaseDatabase = releaseEarlierDatabase;
  if (databaseUrl === undefined) {
    // The service opens its own connections and finds the migrations already applied.
    const database = await createTestDataSource();
    databaseUrl = database.databaseUrl;
    releaseDatabase = () => database.close();
  }
  const env: TestServerEnv = {
    DATABASE_URL: databaseUrl,
    EXTENSION_BASIC_USER: TEST_USER,
    EXTENSION_BASIC_PASSWORD: TEST_PASSWORD,
    LOG_LEVEL: 'silent',
    // The journeys grant consents on the demo customers' accounts.
    SEED_DEMO_DATA: 'true',
    ...options.env,
  };
  const config = loadAppConfig(env);
  const rootModule = options.rootModule
    ? options.rootModule(config)
    : AppModule.forRoot(config, options.modules ?? [], env);
  const logger = options.logLines
    ? createServiceLogger(config.logLevel, { write: (line: string) => void options.logLines!.push(line) })
    : undefined;
  const { app } = await createExtensionServer(rootModule, config, logger);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const scheme = config.tls ? 'https' : 'http';
  return {
    baseUrl: `${scheme}://127.0.0.1:${port}`,
    app,
    config,
    databaseUrl,
    async restart() {
      await app.close();
      return startOnDatabase({ ...options, databaseUrl }, releaseDatabase);
    },
    async close() {
      await app.close();
      await releaseDatabase();
    },
  };
}

export function basicAuth(user = TEST_USER, password = TEST_PASSWORD): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'latin1').toString('base64')}`;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The requestId of a raw body, read as the service reads it (UTF-8 when valid, else ISO-8859-1); undefined if none. */
function requestIdOf(body: string | Buffer): string | undefined {
  let text: string;
  if (typeof body === 'string') {
    text = body;
  } else {
    try {
      text = STRICT_UTF8.decode(body);
    } catch {
      text = body.toString('latin1');
    }
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return isJsonRecord(parsed) && typeof parsed.requestId === 'string' ? parsed.requestId : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A raw POST, for the malformed inputs the identity-server simulator would never send. An HTTP 200 answer of an
 * extension point is reported to the answer hook like the simulator's, so the e2e contract guard checks it too.
 */
export async function rawPost(
  url: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: unknown; text: string; headers: Headers }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: basicAuth(), ...headers },
    body,
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const extension = new URL(url).pathname.split('/').at(-1);
  const requestId = requestIdOf(body);
  if (extension !== undefined && isExtensionName(extension) && requestId !== undefined) {
    reportAnswer({ extension, requestId, httpStatus: response.status, body: json });
  }
  return { status: response.status, json, text, headers: response.headers };
}
