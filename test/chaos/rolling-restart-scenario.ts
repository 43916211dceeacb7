import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from '../bench/child-server.js';
import { CallSender, isAcknowledged } from './calls.js';
import { openChaosDatabase } from './chaos-database.js';
import { Ledger } from './ledger.js';
import { outcomeLine, type ScenarioReport } from './scenario-report.js';
import { maxCallsFor, runPrefix, type ScenarioSettings } from './scenario-settings.js';
import { ServiceDeployment, type ServiceInstance } from './service-instance.js';
import { Timeline } from './timeline.js';
import { Checks } from './violations.js';
import { Workload } from './workload.js';

/*
 * A rolling restart behind nginx: two instances on one database, nginx in front (scripts/cluster/nginx.sh, the
 * settings of docs/operations/rolling-restart.md), and under load each instance in turn stopped with SIGTERM, as an
 * orchestrator does, and started again. The client (the identity server) must see no failed call at all: nginx sends
 * what the stopping instance refuses to the other one, and the service finishes what it accepted.
 */

const run = promisify(execFile);
/** This file is dist/test/chaos/rolling-restart-scenario.js once built; the script stays in scripts/. */
const NGINX_SCRIPT = fileURLToPath(new URL('../../../scripts/cluster/nginx.sh', import.meta.url));
/** The first restart begins at this fraction of the load. */
const FIRST_RESTART_AT = 0.2;
/** Between the two restarts, as an orchestrator waits for a replica to be ready before it takes the next one. */
const PAUSE_BETWEEN_RESTARTS_MS = 1000;
/** Load that goes on after the last restart, with both instances back. */
const LOAD_AFTER_LAST_RESTART_MS = 2000;
/** However slow the restarts, the load stops after this. */
const MAX_LOAD_MS = 180_000;
const REPLAY_CONCURRENCY = 8;

export async function rollingRestartScenario(settings: ScenarioSettings): Promise<ScenarioReport> {
  const timeline = new Timeline();
  const checks = new Checks();
  const figures: string[] = [];
  const database = await openChaosDatabase(settings.database, settings.mariadbUrl);
  const deployment = await ServiceDeployment.create();
  const prefixFolder = await mkdtemp(join(tmpdir(), 'consent-ext-chaos-nginx-'));
  // nginx's worker runs as www-data and reads its temporary folders below this one.
  await chmod(prefixFolder, 0o755);
  const instances: ServiceInstance[] = [];
  let nginxStarted = false;
  try {
    const first = await deployment.instance('instance A', database.url);
    const second = await deployment.instance('instance B', database.url);
    instances.push(first, second);
    await Promise.all([first.start(), second.start()]);
    timeline.mark(
      `instance A (127.0.0.1:${first.port}, pid ${first.pid}) and B (127.0.0.1:${second.port}, pid ${second.pid}) started on ${settings.database}`,
    );
    const proxyPort = await freePort();
    await run(NGINX_SCRIPT, ['start', prefixFolder, String(proxyPort), String(first.port), String(second.port)]);
    nginxStarted = true;
    const proxyUrl = `http://127.0.0.1:${proxyPort}`;
    timeline.mark(`nginx on 127.0.0.1:${proxyPort} in front of both`);
    const prefix = runPrefix('rolling-restart');
    const workload = await Workload.prepare((spec) => deployment.simulatorFor(proxyUrl, spec), prefix);
    timeline.mark('journeys prepared through nginx; load through nginx starts');

    const ledger = new Ledger(prefix);
    const sender = new CallSender(deployment.authorization, () => timeline.now());
    let restartsDoneAt: number | undefined;
    const loadStart = timeline.now();
    const durationMs = settings.durationSeconds * 1000;
    const load = ledger.runLoad(
      workload,
      {
        workers: settings.workers,
        durationMs: MAX_LOAD_MS,
        maxCalls: maxCallsFor(MAX_LOAD_MS / 1000),
        until: () =>
          restartsDoneAt !== undefined &&
          timeline.now() >= Math.max(loadStart + durationMs, restartsDoneAt + LOAD_AFTER_LAST_RESTART_MS),
      },
      async (call) => [await sender.send(proxyUrl, 'nginx', call)],
      () => timeline.now(),
    );
    try {
      await delay(durationMs * FIRST_RESTART_AT);
      for (const instance of instances) {
        const oldPid = instance.pid;
        timeline.mark(`SIGTERM to ${instance.label} (pid ${oldPid})`);
        await instance.stop();
        timeline.mark(`${instance.label} exited`);
        await instance.start();
        timeline.mark(`${instance.label} started again (pid ${instance.pid}), /health 200`);
        await delay(PAUSE_BETWEEN_RESTARTS_MS);
      }
    } finally {
      restartsDoneAt = timeline.now();
    }
    await load;
    timeline.mark(`load ended: ${ledger.callCount} calls`);
    const attempts = ledger.all();
    figures.push(outcomeLine('calls through nginx', ledger.countBy(attempts)));
    const failed = attempts.filter((attempt) => !isAcknowledged(attempt));
    for (const attempt of failed.slice(0, 3)) {
      figures.push(
        `  e.g. ${attempt.call.kind}: ${attempt.outcome} ${attempt.httpStatus ?? ''} ${(attempt.text ?? attempt.error ?? '').slice(0, 200)}`,
      );
    }
    checks.equal('failed calls at the client (an error answer, or none)', failed.length, 0);
    figures.push(...(await nginxErrorSummary(prefixFolder)));
    const replays = await ledger.replayAll(sender, () => ({ baseUrl: proxyUrl, target: 'replay' }), REPLAY_CONCURRENCY);
    timeline.mark(`every requestId replayed through nginx (${replays.length})`);
    figures.push(outcomeLine('replays', ledger.countBy(replays)));
    await ledger.verify(checks, database.dataSource);
    return {
      title: `rolling-restart: two instances behind nginx restarted one at a time under load (${settings.database})`,
      timeline,
      figures,
      checks,
    };
  } finally {
    if (nginxStarted) {
      await run(NGINX_SCRIPT, ['stop', prefixFolder]);
    }
    await Promise.all(instances.map((instance) => instance.stop()));
    await database.dispose();
    await deployment.dispose();
    await rm(prefixFolder, { recursive: true, force: true });
  }
}

/** What nginx logged about the instances (refused connections, closed connections, retries), grouped by message. */
async function nginxErrorSummary(prefixFolder: string): Promise<string[]> {
  const log = await readFile(join(prefixFolder, 'logs', 'error.log'), 'utf8').catch(() => '');
  const counts = new Map<string, number>();
  for (const line of log.split('\n').filter((entry) => entry.includes('[error]') || entry.includes('[warn]'))) {
    // "… [error] 123#123: *45 connect() failed (111: Connection refused) while connecting to upstream, client: …"
    const upstream = /upstream: "http:\/\/127\.0\.0\.1:(\d+)/.exec(line)?.[1];
    const message = `${line.replace(/^.*?\] \d+#\d+: (\*\d+ )?/, '').replace(/, client: .*$/, '')}${upstream === undefined ? '' : ` (port ${upstream})`}`;
    counts.set(message, (counts.get(message) ?? 0) + 1);
  }
  return [...counts.entries()].map(([message, count]) => `nginx: ${count} × ${message}`);
}
