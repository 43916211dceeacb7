import { setTimeout as delay } from 'node:timers/promises';
import { answerSignature, CallSender, isAcknowledged } from './calls.js';
import { openChaosDatabase } from './chaos-database.js';
import { Ledger } from './ledger.js';
import { outcomeLine, type ScenarioReport } from './scenario-report.js';
import { maxCallsFor, runPrefix, type ScenarioSettings } from './scenario-settings.js';
import { ServiceDeployment } from './service-instance.js';
import { Timeline } from './timeline.js';
import { Checks } from './violations.js';
import { isRecordedKind, Workload } from './workload.js';

/*
 * SIGKILL under load, then full replay. The service records a stored point's answer in the database before it sends
 * it, so an answer the identity server received survives any crash: after the restart, every acknowledged requestId
 * resent with the same bytes must get the identical answer, and every usage counted before the crash stays counted
 * once. The calls cut off by the kill are resent too (as the identity server does after its read timeout) and must be
 * answered, without counting twice.
 */

/** The kill falls at this fraction of the load, so that there are answers before it and a load after the restart. */
const KILL_AT = 0.4;
const REPLAY_CONCURRENCY = 8;
const LOAD_WINDOW_MS = 500;

export async function killScenario(settings: ScenarioSettings): Promise<ScenarioReport> {
  const timeline = new Timeline();
  const checks = new Checks();
  const figures: string[] = [];
  const database = await openChaosDatabase(settings.database, settings.mariadbUrl);
  const deployment = await ServiceDeployment.create();
  const instance = await deployment.instance('the service', database.url);
  try {
    await instance.start();
    timeline.mark(`service started on ${settings.database} (pid ${instance.pid})`);
    const prefix = runPrefix('kill');
    const workload = await Workload.prepare((spec) => deployment.simulatorFor(instance.baseUrl, spec), prefix);
    timeline.mark('journeys prepared; load starts');
    const ledger = new Ledger(prefix);
    const sender = new CallSender(deployment.authorization, () => timeline.now());
    const durationMs = settings.durationSeconds * 1000;
    const load = ledger.runLoad(
      workload,
      { workers: settings.workers, durationMs, maxCalls: maxCallsFor(settings.durationSeconds) },
      async (call) => [await sender.send(instance.baseUrl, 'service', call)],
      () => timeline.now(),
    );
    await delay(durationMs * KILL_AT);
    const killedPid = instance.pid;
    const killedAt = timeline.now();
    await instance.kill();
    timeline.mark(`SIGKILL to pid ${killedPid}`, killedAt);
    await instance.start();
    const restartedAt = timeline.now();
    timeline.mark(`restarted on the same database (pid ${instance.pid}), /health 200`);
    await load;
    timeline.mark(`load ended: ${ledger.callCount} calls`);

    const loadAttempts = ledger.all();
    const acknowledgedBeforeKill = loadAttempts.filter(
      (attempt) => isAcknowledged(attempt) && attempt.endedMs <= killedAt,
    );
    const cutOff = loadAttempts.filter((attempt) => attempt.outcome === 'no-answer' && attempt.startedMs <= killedAt);
    const acknowledged = loadAttempts.filter(isAcknowledged);
    figures.push(outcomeLine('load', ledger.countBy(loadAttempts)));
    figures.push(
      `calls in flight at the kill (no answer): ${cutOff.length}; calls refused while the service was down: ${loadAttempts.filter((attempt) => attempt.outcome === 'no-answer').length - cutOff.length}`,
    );
    figures.push(`restart: ${((restartedAt - killedAt) / 1000).toFixed(2)} s from SIGKILL to /health 200`);

    const replays = await ledger.replayAll(
      sender,
      () => ({ baseUrl: instance.baseUrl, target: 'replay' }),
      REPLAY_CONCURRENCY,
    );
    timeline.mark(`every requestId replayed (${replays.length})`);
    figures.push(outcomeLine('replay of every requestId', ledger.countBy(replays)));

    const replayOf = new Map(replays.map((attempt) => [attempt.call.requestId, attempt]));
    const identical = (attempts: typeof acknowledged) =>
      attempts.filter((attempt) => {
        const replay = replayOf.get(attempt.call.requestId);
        const recorded = isRecordedKind(attempt.call.kind);
        return (
          replay !== undefined &&
          isAcknowledged(replay) &&
          answerSignature(replay, recorded) === answerSignature(attempt, recorded)
        );
      }).length;
    const recordedBeforeKill = acknowledgedBeforeKill.filter((attempt) => isRecordedKind(attempt.call.kind));
    figures.push(
      `acknowledged before the kill: ${acknowledgedBeforeKill.length} (${recordedBeforeKill.length} recorded points, ${acknowledgedBeforeKill.length - recordedBeforeKill.length} limited points)`,
    );
    // Under load, the kill may still find no call inside the service (on two busy cores the answers can all be in the
    // client's socket buffers at that instant): the cut-off calls are a figure, the load around the kill a check.
    const justBefore = acknowledged.filter(
      (attempt) => attempt.endedMs > killedAt - LOAD_WINDOW_MS && attempt.endedMs <= killedAt,
    ).length;
    checks.that(
      `the load was running when the service was killed (answers in the ${LOAD_WINDOW_MS} ms before)`,
      justBefore > 0,
      `${justBefore}`,
    );
    checks.equal(
      'acknowledged before the kill, replayed after it with the identical answer',
      identical(acknowledgedBeforeKill),
      acknowledgedBeforeKill.length,
    );
    checks.equal(
      'every acknowledged call of the load, replayed with the identical answer',
      identical(acknowledged),
      acknowledged.length,
    );
    checks.equal(
      'replays not acknowledged (a fault, no answer)',
      replays.filter((attempt) => !isAcknowledged(attempt)).length,
      0,
    );
    await ledger.verify(checks, database.dataSource);
    return { title: `kill: SIGKILL under load and full replay on ${settings.database}`, timeline, figures, checks };
  } finally {
    await instance.stop();
    await database.dispose();
    await deployment.dispose();
  }
}
