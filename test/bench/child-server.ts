import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

/*
 * A server the bench runs as a child process (the service, the Fastify baseline): started with `node <script>`,
 * considered ready when a GET on its readiness path answers 200, stopped with SIGTERM as an orchestrator would.
 */

const READY_TIMEOUT_MS = 90_000;
const READY_POLL_MS = 150;
const STOP_TIMEOUT_MS = 15_000;
/** The tail of the child's output kept to explain a failed start. */
const OUTPUT_TAIL_CHARS = 4000;

export interface ChildServerOptions {
  readonly label: string;
  readonly script: string;
  readonly env: Readonly<Record<string, string>>;
  readonly port: number;
  readonly readinessPath: string;
  /** Node flags before the script, e.g. `--cpu-prof`. */
  readonly nodeFlags?: readonly string[];
}

export class ChildServer {
  private output = '';

  private constructor(
    readonly label: string,
    readonly baseUrl: string,
    private readonly child: ChildProcess,
  ) {
    const keep = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  get pid(): number {
    if (this.child.pid === undefined) {
      throw new Error(`${this.label} has no process id`);
    }
    return this.child.pid;
  }

  static async start(options: ChildServerOptions): Promise<ChildServer> {
    const child = spawn(process.execPath, [...(options.nodeFlags ?? []), options.script], {
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new ChildServer(options.label, `http://127.0.0.1:${options.port}`, child);
    await server.waitUntilReady(options.readinessPath);
    return server;
  }

  /** The last characters the process wrote (stdout and stderr), to explain a fault it answered. */
  get recentOutput(): string {
    return this.output;
  }

  /** Whether the process has exited (by itself or by a signal). */
  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** Sends a signal (the fault tests' SIGKILL) and waits for the process to exit. */
  async kill(signal: NodeJS.Signals): Promise<void> {
    if (this.exited) {
      return;
    }
    const exited = once(this.child, 'exit');
    this.child.kill(signal);
    await exited;
  }

  /** SIGTERM, then SIGKILL if the process has not exited in time. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      return;
    }
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    try {
      await exited;
    } finally {
      clearTimeout(timer);
    }
  }

  private async waitUntilReady(readinessPath: string): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) {
        throw new Error(`${this.label} exited with code ${this.child.exitCode} before it was ready:\n${this.output}`);
      }
      try {
        const response = await fetch(`${this.baseUrl}${readinessPath}`, { signal: AbortSignal.timeout(2000) });
        await response.arrayBuffer();
        if (response.status === 200) {
          return;
        }
      } catch {
        // Not listening yet.
      }
      await delay(READY_POLL_MS);
    }
    await this.stop();
    throw new Error(`${this.label} was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${this.output}`);
  }
}

/** A port that was free a moment ago, chosen by the kernel. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') {
    throw new Error('could not find a free port');
  }
  return address.port;
}
