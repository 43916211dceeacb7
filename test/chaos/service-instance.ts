import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { IdentityServerClient, IdentityServerSimulator, ukJourneyTrustFile } from '@app/testing';
import { ChildServer, freePort } from '../bench/child-server.js';
import { scenarioSettings, SERVICE_MAIN } from '../bench/service-under-test.js';

/*
 * Instances of the real service from its production build, started as the README starts it (`node
 * dist/apps/extension-server/src/main.js`, Basic credentials, LOG_LEVEL=warn), each on a fixed loopback port so that
 * a restarted instance comes back where the load (or nginx) expects it. All instances of one scenario share their
 * credentials and settings, as the replicas of one deployment do.
 */

export const BASIC_USER = 'chaos-identity-server';

export class ServiceDeployment {
  private constructor(
    readonly password: string,
    private readonly settingsDir: string,
    private readonly settings: Readonly<Record<string, string>>,
  ) {}

  static async create(): Promise<ServiceDeployment> {
    const settingsDir = await mkdtemp(join(tmpdir(), 'consent-ext-chaos-settings-'));
    const trustFile = join(settingsDir, 'uk-jws-trust.json');
    await writeFile(trustFile, JSON.stringify(ukJourneyTrustFile()));
    return new ServiceDeployment(randomBytes(18).toString('base64url'), settingsDir, scenarioSettings(trustFile));
  }

  /** The Authorization header of the identity server's Basic-Auth mode. */
  get authorization(): string {
    return `Basic ${Buffer.from(`${BASIC_USER}:${this.password}`).toString('base64')}`;
  }

  async instance(label: string, databaseUrl: string): Promise<ServiceInstance> {
    return new ServiceInstance(this, label, databaseUrl, await freePort());
  }

  environment(port: number, databaseUrl: string): Record<string, string> {
    return {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      EXTENSION_BASIC_USER: BASIC_USER,
      EXTENSION_BASIC_PASSWORD: this.password,
      LOG_LEVEL: 'warn',
      ...this.settings,
    };
  }

  /** An identity server simulator calling `/{spec}` of a base URL with the deployment's credentials. */
  simulatorFor(baseUrl: string, spec: string): IdentityServerSimulator {
    return new IdentityServerSimulator(
      new IdentityServerClient({
        baseUrl,
        spec,
        credentials: { kind: 'basic', username: BASIC_USER, password: this.password },
      }),
    );
  }

  async dispose(): Promise<void> {
    await rm(this.settingsDir, { recursive: true, force: true });
  }
}

export class ServiceInstance {
  private server: ChildServer | undefined;
  private starts = 0;

  constructor(
    private readonly deployment: ServiceDeployment,
    readonly label: string,
    readonly databaseUrl: string,
    readonly port: number,
  ) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The process id of the running process (a restart gives a new one). */
  get pid(): number {
    if (this.server === undefined) {
      throw new Error(`${this.label} is not running`);
    }
    return this.server.pid;
  }

  /** The lines of the process's recent output that mention an error (the service logs a fault's cause there). */
  recentErrors(): string[] {
    return (this.server?.recentOutput ?? '').split('\n').filter((line) => /error|errno|deadlock/i.test(line));
  }

  /** Starts the process and waits until GET /health answers 200. */
  async start(): Promise<void> {
    if (this.server !== undefined && !this.server.exited) {
      throw new Error(`${this.label} is already running`);
    }
    this.starts += 1;
    this.server = await ChildServer.start({
      label: `${this.label} (start ${this.starts})`,
      script: SERVICE_MAIN,
      port: this.port,
      readinessPath: '/health',
      env: this.deployment.environment(this.port, this.databaseUrl),
    });
  }

  /** SIGKILL: the process dies at once, whatever it was doing (no flush, no answer to calls in flight). */
  async kill(): Promise<void> {
    await this.server?.kill('SIGKILL');
  }

  /** SIGTERM, as an orchestrator stops a replica: the service finishes the calls in flight, then exits. */
  async stop(): Promise<void> {
    await this.server?.stop();
  }
}
