import { createDataSource } from '@app/persistence';
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
 * Two instances of the service on one database, every call sent to both at the same moment (the identity server's
 * retry after a timeout may reach another instance while the first copy still runs). Each requestId must get one
 * answer, the same from both instances; every usage limit must hold exactly across the two; neither instance may
 * answer with an error because of the other (on a Galera cluster: a certification conflict must be retried inside
 * the service, not surfaced).
 */

export interface TwoInstanceTopology {
  readonly title: string;
  /** The DATABASE_URL of each instance (the same database; on a cluster, through different nodes). */
  readonly urlOfA: string;
  readonly urlOfB: string;
  /** Where the checks read the database (on a cluster, a third node). */
  readonly checkUrl: string;
  readonly labelOfA: string;
  readonly labelOfB: string;
}

const REPLAY_CONCURRENCY = 8;

/** The scenario on `settings.database`: both instances on the same SQLite file or MariaDB database. */
export async function twoInstancesScenario(settings: ScenarioSettings): Promise<ScenarioReport> {
  const database = await openChaosDatabase(settings.database, settings.mariadbUrl);
  try {
    return await runTwoInstances(settings, {
      title: `two-instances: concurrent copies of every requestId on one ${settings.database} database`,
      urlOfA: database.url,
      urlOfB: database.url,
      checkUrl: database.url,
      labelOfA: 'instance A',
      labelOfB: 'instance B',
    });
  } finally {
    await database.dispose();
  }
}

/** Runs the scenario on a database that already exists and is migrated. */
export async function runTwoInstances(
  settings: ScenarioSettings,
  topology: TwoInstanceTopology,
  timeline: Timeline = new Timeline(),
): Promise<ScenarioReport> {
  const checks = new Checks();
  const figures: string[] = [];
  const deployment = await ServiceDeployment.create();
  const instances: ServiceInstance[] = [];
  const checkSource = await createDataSource(topology.checkUrl);
  try {
    const first = await deployment.instance(topology.labelOfA, topology.urlOfA);
    const second = await deployment.instance(topology.labelOfB, topology.urlOfB);
    instances.push(first, second);
    await Promise.all([first.start(), second.start()]);
    timeline.mark(`${first.label} (pid ${first.pid}) and ${second.label} (pid ${second.pid}) started`);
    const prefix = runPrefix('two-instances');
    const workload = await Workload.prepare((spec) => deployment.simulatorFor(first.baseUrl, spec), prefix);
    timeline.mark('journeys prepared on A; load with a copy of every call to each instance starts');
    const ledger = new Ledger(prefix);
    const sender = new CallSender(deployment.authorization, () => timeline.now());
    await ledger.runLoad(
      workload,
      {
        workers: settings.workers,
        durationMs: settings.durationSeconds * 1000,
        maxCalls: maxCallsFor(settings.durationSeconds),
      },
      (call) => Promise.all([sender.send(first.baseUrl, 'A', call), sender.send(second.baseUrl, 'B', call)]),
      () => timeline.now(),
    );
    const loadAttempts = ledger.all();
    timeline.mark(`load ended: ${ledger.callCount} requestIds, ${loadAttempts.length} copies`);
    figures.push(
      outcomeLine(
        `copies sent to ${first.label}`,
        ledger.countBy(loadAttempts.filter((attempt) => attempt.target === 'A')),
      ),
    );
    figures.push(
      outcomeLine(
        `copies sent to ${second.label}`,
        ledger.countBy(loadAttempts.filter((attempt) => attempt.target === 'B')),
      ),
    );
    checks.equal(
      'copies answered with an error or not at all (a conflict surfaced)',
      loadAttempts.filter((attempt) => !isAcknowledged(attempt)).length,
      0,
    );
    for (const failed of loadAttempts.filter((attempt) => !isAcknowledged(attempt)).slice(0, 3)) {
      figures.push(
        `  e.g. ${failed.call.kind} on ${failed.target}: ${failed.outcome} ${failed.httpStatus ?? ''} ${(failed.text ?? failed.error ?? '').slice(0, 200)}`,
      );
    }
    if (loadAttempts.some((attempt) => attempt.outcome === 'fault')) {
      // The cause of a 500 is only in the service's log, under the requestId.
      for (const instance of [first, second]) {
        instance
          .recentErrors()
          .slice(-2)
          .forEach((line) => figures.push(`  ${instance.label} logged: ${line.slice(0, 400)}`));
      }
    }
    // Each requestId once more, to the instance that did not answer it first: the answer on record must come back.
    const replays = await ledger.replayAll(
      sender,
      (call) => {
        const firstAnswer = ledger
          .attemptsOf(call.requestId)
          .filter(isAcknowledged)
          .sort((left, right) => left.endedMs - right.endedMs)[0];
        return firstAnswer?.target === 'A'
          ? { baseUrl: second.baseUrl, target: 'replay on B' }
          : { baseUrl: first.baseUrl, target: 'replay on A' };
      },
      REPLAY_CONCURRENCY,
    );
    timeline.mark(`every requestId replayed on the other instance (${replays.length})`);
    figures.push(outcomeLine('replays', ledger.countBy(replays)));
    await ledger.verify(checks, checkSource);
    return { title: topology.title, timeline, figures, checks };
  } finally {
    await Promise.all(instances.map((instance) => instance.stop()));
    await checkSource.destroy();
    await deployment.dispose();
  }
}
