import { setTimeout as delay } from 'node:timers/promises';
import { answerSignature, CallSender, isAcknowledged, type Attempt } from './calls.js';
import { openChaosDatabase } from './chaos-database.js';
import { Ledger } from './ledger.js';
import { OwnMariaDb } from './own-mariadb.js';
import { outcomeLine, type ScenarioReport } from './scenario-report.js';
import { maxCallsFor, runPrefix, type ScenarioSettings } from './scenario-settings.js';
import { ServiceDeployment } from './service-instance.js';
import { Timeline } from './timeline.js';
import { Checks } from './violations.js';
import { isRecordedKind, Workload } from './workload.js';

/*
 * The database killed under load, then started again, while the service keeps running. During the outage every call
 * must get the contract's error answer quickly (the identity server then fails or retries the step; a call that hangs
 * until its read timeout holds a customer's redirect), and once the database is back the same service process must
 * answer again by itself. Nothing acknowledged may be lost: every answer given before the crash is replayed
 * identically afterwards, and every call refused during the outage succeeds when resent.
 */

/** The database is killed at this fraction of the load. */
const OUTAGE_AT = 0.3;
/**
 * The longest an error answer may take during the outage: under half the identity server's 5 s read timeout, so that
 * it gets the error, not a timeout. (Calls in flight at the crash wait for their statement to fail; on two loaded
 * cores that has taken up to 1.4 s.)
 */
const FAST_ERROR_MS = 2000;
/** After the first success following the restart, every call must succeed: no lingering broken connection. */
const SETTLE_MS = 1000;
const REPLAY_CONCURRENCY = 8;

export async function dbOutageScenario(settings: ScenarioSettings): Promise<ScenarioReport> {
  const timeline = new Timeline();
  const checks = new Checks();
  const figures: string[] = [];
  const server = await OwnMariaDb.create();
  timeline.mark(`own mariadbd started on 127.0.0.1:${server.port}`);
  const deployment = await ServiceDeployment.create();
  let database: Awaited<ReturnType<typeof openChaosDatabase>> | undefined;
  let instance: Awaited<ReturnType<typeof deployment.instance>> | undefined;
  try {
    database = await openChaosDatabase('mariadb', server.serverUrl);
    instance = await deployment.instance('the service', database.url);
    await instance.start();
    const servicePid = instance.pid;
    timeline.mark(`service started (pid ${servicePid})`);
    const prefix = runPrefix('db-outage');
    const target = instance;
    const workload = await Workload.prepare((spec) => deployment.simulatorFor(target.baseUrl, spec), prefix);
    timeline.mark('journeys prepared; load starts');
    const ledger = new Ledger(prefix);
    const sender = new CallSender(deployment.authorization, () => timeline.now());
    const durationMs = settings.durationSeconds * 1000;
    const outageMs = Math.max(3000, durationMs / 4);
    const load = ledger.runLoad(
      workload,
      { workers: settings.workers, durationMs, maxCalls: maxCallsFor(settings.durationSeconds) },
      async (call) => [await sender.send(target.baseUrl, 'service', call)],
      () => timeline.now(),
    );
    await delay(durationMs * OUTAGE_AT);
    const killedAt = timeline.now();
    await server.stop('SIGKILL');
    timeline.mark('SIGKILL to mariadbd', killedAt);
    timeline.mark('mariadbd exited');
    await delay(outageMs);
    const restartAt = timeline.now();
    timeline.mark('mariadbd starting on the same data directory', restartAt);
    await server.start();
    const readyAt = timeline.now();
    timeline.mark('mariadbd accepts connections (crash recovery done)', readyAt);
    await load;
    timeline.mark(`load ended: ${ledger.callCount} calls`);

    const attempts = ledger
      .all()
      .slice()
      .sort((left, right) => left.startedMs - right.startedMs);
    const faults = attempts.filter((attempt) => attempt.outcome === 'fault');
    const answeredAfterKill = attempts.filter((attempt) => attempt.endedMs > killedAt);
    const firstFault = faults[0];
    const lastSuccessBefore = attempts
      .filter((attempt) => isAcknowledged(attempt) && attempt.endedMs <= killedAt)
      .at(-1);
    const firstSuccessAfter = attempts
      .filter((attempt) => isAcknowledged(attempt) && attempt.startedMs >= restartAt)
      .sort((left, right) => left.endedMs - right.endedMs)[0];
    const lastFault = faults
      .slice()
      .sort((left, right) => left.endedMs - right.endedMs)
      .at(-1);
    if (lastSuccessBefore !== undefined) {
      timeline.mark('last answer before the crash', lastSuccessBefore.endedMs);
    }
    if (firstFault !== undefined) {
      timeline.mark(`first contract error (HTTP ${firstFault.httpStatus})`, firstFault.endedMs);
    }
    if (lastFault !== undefined) {
      timeline.mark('last contract error', lastFault.endedMs);
    }
    if (firstSuccessAfter !== undefined) {
      timeline.mark('first success after the restart (same service process)', firstSuccessAfter.endedMs);
    }

    const duringOutage = answeredAfterKill.filter(
      (attempt) => attempt.startedMs >= killedAt && attempt.endedMs <= readyAt,
    );
    const slowest = Math.max(0, ...faults.map((attempt) => attempt.endedMs - attempt.startedMs));
    const statuses = [...new Set(faults.map((attempt) => attempt.httpStatus))].join(', ');
    figures.push(outcomeLine('load', ledger.countBy(attempts)));
    figures.push(
      `answers before the crash: p99 ${percentile(
        attempts.filter((attempt) => isAcknowledged(attempt) && attempt.endedMs <= killedAt),
        0.99,
      ).toFixed(0)} ms`,
    );
    figures.push(outcomeLine('calls made while the database was down', ledger.countBy(duringOutage)));
    figures.push(
      `contract errors: ${faults.length} (HTTP ${statuses || '-'}), slowest ${slowest.toFixed(0)} ms, p99 ${percentile(faults, 0.99).toFixed(0)} ms`,
    );
    figures.push(
      `outage: database down ${((readyAt - killedAt) / 1000).toFixed(2)} s; service answering again ${firstSuccessAfter === undefined ? 'never' : `${((firstSuccessAfter.endedMs - readyAt) / 1000).toFixed(3)} s after the database`}`,
    );

    checks.that(
      'the service answered calls with contract errors during the outage',
      faults.length > 0,
      `${faults.length}`,
    );
    checks.equal(
      'calls during the outage without an answer, or with a malformed one',
      duringOutage.filter((attempt) => attempt.outcome === 'no-answer' || attempt.outcome === 'malformed').length,
      0,
    );
    checks.equal(
      `contract errors slower than ${FAST_ERROR_MS} ms`,
      faults.filter((attempt) => attempt.endedMs - attempt.startedMs > FAST_ERROR_MS).length,
      0,
    );
    checks.that(
      'the same service process answered again after the database came back',
      firstSuccessAfter !== undefined && instance.pid === servicePid,
      firstSuccessAfter === undefined ? 'no success after the restart' : `pid ${instance.pid}`,
    );
    const settled =
      firstSuccessAfter === undefined
        ? []
        : attempts.filter((attempt) => attempt.startedMs > firstSuccessAfter.endedMs + SETTLE_MS);
    checks.equal(
      `calls failing more than ${SETTLE_MS} ms after the first success following the restart`,
      settled.filter((attempt) => !isAcknowledged(attempt)).length,
      0,
    );
    checks.equal(
      'calls without any answer during the whole load',
      attempts.filter((attempt) => attempt.outcome === 'no-answer').length,
      0,
    );

    const acknowledgedBeforeCrash = attempts.filter(
      (attempt) => isAcknowledged(attempt) && attempt.endedMs <= killedAt,
    );
    const replays = await ledger.replayAll(
      sender,
      () => ({ baseUrl: target.baseUrl, target: 'replay' }),
      REPLAY_CONCURRENCY,
    );
    timeline.mark(`every requestId replayed (${replays.length})`);
    figures.push(outcomeLine('replay of every requestId', ledger.countBy(replays)));
    const replayOf = new Map(replays.map((attempt) => [attempt.call.requestId, attempt]));
    const identical = acknowledgedBeforeCrash.filter((attempt: Attempt) => {
      const replay = replayOf.get(attempt.call.requestId);
      const recorded = isRecordedKind(attempt.call.kind);
      return (
        replay !== undefined &&
        isAcknowledged(replay) &&
        answerSignature(replay, recorded) === answerSignature(attempt, recorded)
      );
    });
    checks.equal(
      'acknowledged before the crash, replayed after it with the identical answer (0 acknowledged writes lost)',
      identical.length,
      acknowledgedBeforeCrash.length,
    );
    checks.equal(
      'calls refused with an error during the outage, answered when resent',
      faults.filter((attempt) => !isAcknowledged(replayOf.get(attempt.call.requestId) ?? attempt)).length,
      0,
    );
    await ledger.verify(checks, database.dataSource);
    return { title: 'db-outage: MariaDB killed and restarted under load', timeline, figures, checks };
  } finally {
    await instance?.stop();
    await database?.dispose();
    await server.dispose();
    await deployment.dispose();
  }
}

function percentile(attempts: readonly Attempt[], fraction: number): number {
  const durations = attempts.map((attempt) => attempt.endedMs - attempt.startedMs).sort((left, right) => left - right);
  if (durations.length === 0) {
    return 0;
  }
  return durations[Math.min(durations.length - 1, Math.ceil(fraction * durations.length) - 1)];
}
