import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openChaosDatabase, onServer } from './chaos-database.js';
import { GaleraCluster } from './galera-cluster.js';
import type { ScenarioReport } from './scenario-report.js';
import type { ScenarioSettings } from './scenario-settings.js';
import { Timeline } from './timeline.js';
import { runTwoInstances } from './two-instances-scenario.js';

/*
 * The two-instance scenario on a three-node MariaDB Galera cluster: instance A writes through node 1, instance B
 * through node 2, and the checks read node 3. Galera certifies each transaction at commit against the write sets of
 * the other nodes; two copies of one requestId, or two calls on one usage counter, written through different nodes
 * conflict there, and the loser gets ER_LOCK_DEADLOCK (1213). The service must retry that, never answer it: the
 * checks are those of two instances on one server (one answer per requestId, exact limits, no error answers).
 */

export async function galeraScenario(settings: ScenarioSettings): Promise<ScenarioReport> {
  const timeline = new Timeline();
  const folder = await mkdtemp(join(tmpdir(), 'consent-ext-chaos-galera-'));
  // The nodes run as the mysql user (see galera.sh), which must be able to reach their folders below this one.
  await chmod(folder, 0o755);
  let cluster: GaleraCluster | undefined;
  try {
    timeline.mark('starting a three-node Galera cluster (scripts/cluster/galera.sh)');
    cluster = await GaleraCluster.start(join(folder, 'cluster'));
    timeline.mark(
      `cluster synced: nodes on 127.0.0.1:${cluster.portOf(1)}, ${cluster.portOf(2)}, ${cluster.portOf(3)}`,
    );
    const database = await openChaosDatabase('mariadb', cluster.serverUrlOf(1));
    try {
      const before = await cluster.conflictCounters();
      const report = await runTwoInstances(
        settings,
        {
          title:
            'galera: two instances through two nodes of a three-node Galera cluster, concurrent copies of every requestId',
          urlOfA: database.url,
          urlOfB: onServer(database.url, '127.0.0.1', cluster.portOf(2)),
          checkUrl: onServer(database.url, '127.0.0.1', cluster.portOf(3)),
          labelOfA: 'instance A (node 1)',
          labelOfB: 'instance B (node 2)',
        },
        timeline,
      );
      const after = await cluster.conflictCounters();
      const figures = [
        ...report.figures,
        `conflicts between nodes during the run: ${after.certFailures - before.certFailures} certification failures, ${after.bruteForceAborts - before.bruteForceAborts} brute-force aborts (each surfaced to the service as error 1213 unless the server retried it)`,
      ];
      return { ...report, figures };
    } finally {
      await database.dispose();
    }
  } finally {
    await cluster?.stop();
    timeline.mark('cluster stopped');
    await rm(folder, { recursive: true, force: true });
  }
}
