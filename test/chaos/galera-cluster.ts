import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createConnection } from 'mysql2/promise';

/*
 * The three-node MariaDB Galera cluster of scripts/cluster/galera.sh, started and stopped by the scenario in a folder
 * and on ports of its own (so that a cluster a developer started by hand on the script's default ports is left alone).
 */

const run = promisify(execFile);
/** This file is dist/test/chaos/galera-cluster.js once built; the script stays in the repository's scripts/. */
const GALERA_SCRIPT = fileURLToPath(new URL('../../../scripts/cluster/galera.sh', import.meta.url));
/** Nodes on 23306, 23307, 23308 (the script's Galera ports follow from it). */
const SCENARIO_BASE_PORT = 23306;
const START_TIMEOUT_MS = 400_000;

export interface WsrepCounters {
  /** Local transactions that failed certification (a conflicting write set of another node was ordered first). */
  readonly certFailures: number;
  /** Local transactions aborted by a replicated write set applied on this node (brute-force aborts). */
  readonly bruteForceAborts: number;
}

export class GaleraCluster {
  private constructor(private readonly environment: NodeJS.ProcessEnv) {}

  static async start(folder: string): Promise<GaleraCluster> {
    const cluster = new GaleraCluster({
      ...process.env,
      GALERA_DIR: folder,
      GALERA_BASE_PORT: String(SCENARIO_BASE_PORT),
    });
    await run(GALERA_SCRIPT, ['start'], { env: cluster.environment, timeout: START_TIMEOUT_MS });
    return cluster;
  }

  /** The node's port: node 1, 2 or 3. */
  portOf(node: 1 | 2 | 3): number {
    return SCENARIO_BASE_PORT + node - 1;
  }

  serverUrlOf(node: 1 | 2 | 3): string {
    return `mysql://root@127.0.0.1:${this.portOf(node)}`;
  }

  /** The counters of conflicts between nodes, summed over the three nodes. */
  async conflictCounters(): Promise<WsrepCounters> {
    let certFailures = 0;
    let bruteForceAborts = 0;
    for (const node of [1, 2, 3] as const) {
      const connection = await createConnection({ host: '127.0.0.1', port: this.portOf(node), user: 'root' });
      try {
        const [rows] = await connection.query(
          "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_local_cert_failures', 'wsrep_local_bf_aborts')",
        );
        for (const row of rows as { Variable_name: string; Value: string }[]) {
          if (row.Variable_name === 'wsrep_local_cert_failures') {
            certFailures += Number(row.Value);
          } else {
            bruteForceAborts += Number(row.Value);
          }
        }
      } finally {
        await connection.end();
      }
    }
    return { certFailures, bruteForceAborts };
  }

  async stop(): Promise<void> {
    await run(GALERA_SCRIPT, ['stop'], { env: this.environment, timeout: START_TIMEOUT_MS });
  }
}
