import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import { createConnection } from 'mysql2/promise';
import { freePort } from '../bench/child-server.js';

/*
 * A MariaDB server of the scenario's own: its own data directory in a temporary folder, its own loopback port, started
 * and stopped by the scenario (which may kill it), never the machine's shared server. Debian's mariadb-server package
 * provides mariadbd and mariadb-install-db.
 */

const run = promisify(execFile);
const READY_TIMEOUT_MS = 60_000;

export class OwnMariaDb {
  private process: ChildProcess | undefined;

  private constructor(
    private readonly folder: string,
    readonly port: number,
  ) {}

  /** Creates the data directory (mariadb-install-db) and starts the server. */
  static async create(): Promise<OwnMariaDb> {
    const folder = await mkdtemp(join(tmpdir(), 'consent-ext-chaos-mariadb-'));
    const server = new OwnMariaDb(folder, await freePort());
    try {
      await mkdir(join(folder, 'data'));
      await mkdir(join(folder, 'tmp'));
      await writeFile(
        server.configFile,
        [
          '[mariadbd]',
          `datadir=${join(folder, 'data')}`,
          `tmpdir=${join(folder, 'tmp')}`,
          `socket=${server.socket}`,
          `pid-file=${join(folder, 'mariadbd.pid')}`,
          `log-error=${join(folder, 'error.log')}`,
          `port=${server.port}`,
          'bind-address=127.0.0.1',
          'skip-name-resolve',
          'character-set-server=utf8mb4',
          'collation-server=utf8mb4_unicode_ci',
          'innodb_buffer_pool_size=64M',
          // Durable commits, as a bank runs them: an acknowledged write must survive the server's crash.
          'innodb_flush_log_at_trx_commit=1',
          '',
        ].join('\n'),
      );
      await run('mariadb-install-db', [
        `--defaults-file=${server.configFile}`,
        '--user=root',
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
      ]);
      await server.start();
      // The service connects over TCP from 127.0.0.1, as root without a password, like to the machine's own server.
      await run('mariadb', [
        '--no-defaults',
        '--protocol=socket',
        `--socket=${server.socket}`,
        '--user=root',
        '-e',
        "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY ''; GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;",
      ]);
    } catch (error: unknown) {
      await server.dispose();
      throw error;
    }
    return server;
  }

  /** The server without a database, as `--mariadb-url` takes it. */
  get serverUrl(): string {
    return `mysql://root@127.0.0.1:${this.port}`;
  }

  private get configFile(): string {
    return join(this.folder, 'my.cnf');
  }

  private get socket(): string {
    return join(this.folder, 'mariadbd.sock');
  }

  /** Starts mariadbd on the existing data directory and waits until it accepts a connection over TCP. */
  async start(): Promise<void> {
    const child = spawn('/usr/sbin/mariadbd', [`--defaults-file=${this.configFile}`, '--user=root'], {
      stdio: 'ignore',
    });
    this.process = child;
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        throw new Error(`mariadbd exited with code ${child.exitCode}; see ${join(this.folder, 'error.log')}`);
      }
      try {
        const connection = await createConnection({
          host: '127.0.0.1',
          port: this.port,
          user: 'root',
          connectTimeout: 1000,
        });
        await connection.end();
        return;
      } catch {
        // Not accepting connections yet (or the TCP user is not created yet: a socket login follows in create()).
        if (this.process === child && (await this.answersOnSocket())) {
          return;
        }
      }
      await delay(100);
    }
    throw new Error(`mariadbd did not accept connections within ${READY_TIMEOUT_MS / 1000} s`);
  }

  /** SIGKILL (a crash: InnoDB recovers at the next start) or SIGTERM (a clean shutdown); waits for the exit. */
  async stop(signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
    const child = this.process;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) {
      return;
    }
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  }

  async dispose(): Promise<void> {
    await this.stop('SIGTERM');
    await rm(this.folder, { recursive: true, force: true });
  }

  private async answersOnSocket(): Promise<boolean> {
    try {
      await run('mariadb-admin', [
        '--no-defaults',
        '--protocol=socket',
        `--socket=${this.socket}`,
        '--user=root',
        'ping',
      ]);
      return true;
    } catch {
      return false;
    }
  }
}
