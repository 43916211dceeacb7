import { setTimeout as delay } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import { countRows } from '../bench/bench-database.js';
import { answerSignature, isAcknowledged, type Attempt, type CallSender, type Outcome } from './calls.js';
import type { Checks } from './violations.js';
import { isRecordedKind, type Workload, type WorkloadCall } from './workload.js';

/*
 * Every call a scenario sent and every answer it got, by requestId, and the checks that hold whatever the fault:
 * each requestId has one answer (all acknowledged copies, replays included, agree), every limit is reached exactly,
 * and the database holds one record per call, no more and no fewer.
 */

export interface LoadShape {
  /** Concurrent callers (each waits for its answer before its next call, as the identity server's threads do). */
  readonly workers: number;
  readonly durationMs: number;
  /** A bound on the calls of the load, whatever the duration. */
  readonly maxCalls: number;
  /** Ends the load before the duration when it returns true (the duration stays the upper bound). */
  readonly until?: () => boolean;
}

/** How one call is sent: to one instance, or as concurrent copies to several. */
export type Dispatch = (call: WorkloadCall) => Promise<readonly Attempt[]>;

/** After an unanswered call, a caller waits this long before its next one, so that a dead service is not spun on. */
const BACKOFF_AFTER_NO_ANSWER_MS = 50;

export class Ledger {
  private readonly calls = new Map<string, WorkloadCall>();
  private readonly attempts = new Map<string, Attempt[]>();

  constructor(readonly runPrefix: string) {}

  add(attempt: Attempt): void {
    const { requestId } = attempt.call;
    this.calls.set(requestId, attempt.call);
    const list = this.attempts.get(requestId);
    if (list === undefined) {
      this.attempts.set(requestId, [attempt]);
    } else {
      list.push(attempt);
    }
  }

  all(): readonly Attempt[] {
    return [...this.attempts.values()].flat();
  }

  get callCount(): number {
    return this.calls.size;
  }

  allCalls(): readonly WorkloadCall[] {
    return [...this.calls.values()];
  }

  attemptsOf(requestId: string): readonly Attempt[] {
    return this.attempts.get(requestId) ?? [];
  }

  /** Sends calls from `workload` with `workers` concurrent callers until the duration or the call bound is reached. */
  async runLoad(workload: Workload, shape: LoadShape, dispatch: Dispatch, now: () => number): Promise<void> {
    const deadline = now() + shape.durationMs;
    let issued = 0;
    const worker = async (): Promise<void> => {
      while (now() < deadline && issued < shape.maxCalls && shape.until?.() !== true) {
        issued += 1;
        const attempts = await dispatch(workload.next());
        attempts.forEach((attempt) => this.add(attempt));
        if (attempts.some((attempt) => attempt.outcome === 'no-answer')) {
          await delay(BACKOFF_AFTER_NO_ANSWER_MS);
        }
      }
    };
    await Promise.all(Array.from({ length: shape.workers }, worker));
  }

  /**
   * Sends every call of the run once more, as the identity server resends after a timeout: with `concurrency`
   * callers, each copy to `baseUrlOf(call)`. Returns the replay attempts (also added to the ledger).
   */
  async replayAll(
    sender: CallSender,
    baseUrlOf: (call: WorkloadCall) => { readonly baseUrl: string; readonly target: string },
    concurrency: number,
  ): Promise<Attempt[]> {
    const pending = this.allCalls().slice();
    const replays: Attempt[] = [];
    const worker = async (): Promise<void> => {
      for (let call = pending.shift(); call !== undefined; call = pending.shift()) {
        const { baseUrl, target } = baseUrlOf(call);
        const attempt = await sender.send(baseUrl, target, call);
        replays.push(attempt);
        this.add(attempt);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return replays;
  }

  countBy(attempts: readonly Attempt[]): Record<Outcome, number> {
    const counts: Record<Outcome, number> = { success: 0, refused: 0, fault: 0, malformed: 0, 'no-answer': 0 };
    attempts.forEach((attempt) => (counts[attempt.outcome] += 1));
    return counts;
  }

  /**
   * The invariants of every scenario, once every call has been replayed and answered:
   * - every requestId has exactly one answer: all its acknowledged attempts carry the same signature;
   * - every requestId is acknowledged in the end (the replay answered it);
   * - per limited consent, exactly `limit` calls were accepted (the preparation's own call counts as one), unless
   *   fewer calls than that were sent;
   * - the database holds one idempotency record per recorded call and one usage event per Berlin read of this run.
   */
  async verify(checks: Checks, dataSource: DataSource): Promise<void> {
    let divergent = 0;
    let unanswered = 0;
    const acceptedPerBudget = new Map<string, number>();
    const sentPerBudget = new Map<string, number>();
    let recordedIds = 0;
    let berlinIds = 0;
    for (const call of this.calls.values()) {
      const recorded = isRecordedKind(call.kind);
      recordedIds += recorded ? 1 : 0;
      berlinIds += call.kind === 'berlin-read' ? 1 : 0;
      const acknowledged = this.attemptsOf(call.requestId).filter(isAcknowledged);
      const signatures = new Set(acknowledged.map((attempt) => answerSignature(attempt, recorded)));
      if (signatures.size > 1) {
        divergent += 1;
        if (divergent <= 3) {
          process.stderr.write(
            `  requestId ${call.requestId} (${call.kind}) got ${signatures.size} different answers:\n    ${[...signatures].map((text) => text.slice(0, 300)).join('\n    ')}\n`,
          );
        }
      }
      const last = acknowledged.at(-1);
      if (last === undefined) {
        unanswered += 1;
        continue;
      }
      if (call.budget !== undefined) {
        sentPerBudget.set(call.budget.name, (sentPerBudget.get(call.budget.name) ?? 0) + 1);
        if (last.outcome === 'success') {
          acceptedPerBudget.set(call.budget.name, (acceptedPerBudget.get(call.budget.name) ?? 0) + 1);
        }
      }
    }
    checks.equal('requestIds with more than one answer', divergent, 0);
    checks.equal('requestIds never acknowledged, even by the final replay', unanswered, 0);
    const budgets = new Map(
      this.allCalls().flatMap((call) => (call.budget === undefined ? [] : [[call.budget.name, call.budget] as const])),
    );
    const reached = [...budgets.values()].filter(
      (budget) => (sentPerBudget.get(budget.name) ?? 0) >= budget.limit,
    ).length;
    // A limit the load never reached would pass the count below without testing it.
    checks.that(
      'limits the load went beyond (each consent got more calls than its limit)',
      reached === budgets.size && reached > 0,
      `${reached} of ${budgets.size}`,
    );
    for (const budget of [...budgets.values()].sort((left, right) => left.name.localeCompare(right.name))) {
      const sent = sentPerBudget.get(budget.name) ?? 0;
      // The preparation's call was accepted and counted: the load can add limit - 1 at most.
      const expected = Math.min(budget.limit - 1, sent);
      checks.equal(
        `${budget.name}: accepted calls of ${sent} (limit ${budget.limit}, one used by the preparation)`,
        acceptedPerBudget.get(budget.name) ?? 0,
        expected,
      );
    }
    const prefix = `${this.runPrefix}-%`;
    checks.equal(
      'idempotency records of this run in the database (one per recorded call)',
      await countRows(dataSource, 'SELECT COUNT(*) AS n FROM extension_request WHERE request_id LIKE ?', [prefix]),
      recordedIds,
    );
    checks.equal(
      'usage events of this run in the database (one per Berlin read)',
      await countRows(dataSource, 'SELECT COUNT(*) AS n FROM usage_event WHERE request_id LIKE ?', [prefix]),
      berlinIds,
    );
  }
}
