import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type QueryRunner } from 'typeorm';
import type { DatabaseKind } from '../sql/database-kind.js';
import { isUniqueViolation } from '../sql/driver-errors.js';
import { bigintColumn, execute, nullableTextColumn, selectRows, textColumn } from '../sql/sql-rows.js';
import { SqlGateway } from '../sql/sql-gateway.js';

/** Adds `amount` to one counter, provided the counter then stays within `limit`. */
export interface UsageIncrement {
  /** What is limited, e.g. `frequency:consent-123`. */
  readonly counterKey: string;
  /** Which period of it, e.g. `2025-11-21` for a daily limit. */
  readonly periodKey: string;
  /** A count, or an amount in minor units; never negative. */
  readonly amount: bigint | number;
  readonly limit: bigint | number;
}

export type FirstUsageOutcome = { readonly outcome: 'accepted' } | { readonly outcome: 'refused'; readonly counterKey: string };

export type ConsumeResult =
  | FirstUsageOutcome
  /** The request id was already consumed: this is what the first call got, and nothing was counted again. */
  | { readonly outcome: 'replayed'; readonly previous: FirstUsageOutcome };

const MAX_REQUEST_ID_LENGTH = 128;
const MAX_COUNTER_KEY_LENGTH = 255;
const MAX_PERIOD_KEY_LENGTH = 32;
const MAX_COUNTER_VALUE = 2n ** 63n - 1n;
const COUNTERS_SAVEPOINT = 'usage_counters';

interface CheckedIncrement {
  readonly counterKey: string;
  readonly periodKey: string;
  readonly amount: bigint;
  readonly limit: bigint;
}

/** Usage limits (frequency per day, amount per period…) that hold across every instance of the service. */
@Injectable()
export class UsageCounterRepository {
  private readonly gateway: SqlGateway;

  constructor(@Inject(DataSource) dataSource: DataSource) {
    this.gateway = SqlGateway.for(dataSource);
  }

  /**
   * Applies all increments or none, in one transaction. Each counter moves with one conditional upsert that the
   * database evaluates under its row lock, so no number of concurrent callers, in any number of processes, can push
   * a counter past its limit. The request id is recorded first: a resend of the same id waits for the first call,
   * then replays its outcome. When several counters would overflow, the one reported is the first in
   * (counterKey, periodKey) order, the order in which counters are locked (so that two calls never deadlock).
   */
  async consume(requestId: string, increments: readonly UsageIncrement[]): Promise<ConsumeResult> {
    if (requestId === '' || requestId.length > MAX_REQUEST_ID_LENGTH) {
      throw new RangeError(`A request id must have 1 to ${MAX_REQUEST_ID_LENGTH} characters.`);
    }
    const checked = increments.map(checkIncrement).sort(byCounter);
    const outcome = await this.gateway.transaction(async (runner) => {
      if (!(await recordEvent(runner, requestId))) {
        return undefined;
      }
      await runner.query(`SAVEPOINT ${COUNTERS_SAVEPOINT}`);
      for (const increment of checked) {
        if (!(await applyIncrement(runner, this.gateway.kind, increment))) {
          // Undo the counters moved so far but keep the event, now saying "refused", for the replays.
          await runner.query(`ROLLBACK TO SAVEPOINT ${COUNTERS_SAVEPOINT}`);
          await execute(runner, `UPDATE usage_event SET outcome = 'refused', refused_key = ? WHERE request_id = ?`, [
            increment.counterKey,
            requestId,
          ]);
          return { outcome: 'refused', counterKey: increment.counterKey } as const;
        }
      }
      return { outcome: 'accepted' } as const;
    });
    if (outcome !== undefined) {
      return outcome;
    }
    return { outcome: 'replayed', previous: await this.gateway.run((runner) => previousOutcome(runner, requestId)) };
  }

  /** How much of a counter is used in a period (0 when nothing was counted yet). */
  async usedIn(counterKey: string, periodKey: string): Promise<bigint> {
    const used = await this.gateway.run((runner) => readCounter(runner, this.gateway.kind, counterKey, periodKey));
    return used ?? 0n;
  }

  /** Forgets the request ids recorded before `cutoff` (their resends can no longer arrive); returns how many. */
  async purgeOlderThan(cutoff: Date): Promise<number> {
    return this.gateway.run((runner) => execute(runner, 'DELETE FROM usage_event WHERE created_at < ?', [cutoff.getTime()]));
  }
}

/** Records the request id; false when it was recorded before (on MariaDB, after waiting for that transaction). */
async function recordEvent(runner: QueryRunner, requestId: string): Promise<boolean> {
  try {
    await execute(runner, `INSERT INTO usage_event (request_id, outcome, refused_key, created_at) VALUES (?, 'accepted', NULL, ?)`, [
      requestId,
      Date.now(),
    ]);
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) {
      return false;
    }
    throw error;
  }
}

/** Adds the increment if the counter stays within its limit; tells whether it did. */
async function applyIncrement(runner: QueryRunner, kind: DatabaseKind, increment: CheckedIncrement): Promise<boolean> {
  const { counterKey, periodKey, amount, limit } = increment;
  if (amount > limit) {
    return false;
  }
  if (amount === 0n) {
    // Nothing to add: MariaDB would report "no row changed" just as for a refusal, so ask instead.
    return ((await readCounter(runner, kind, counterKey, periodKey)) ?? 0n) <= limit;
  }
  // `used <= limit - amount` rather than `used + amount <= limit`: the sum could overflow a BIGINT near the top.
  const headroom = limit - amount;
  const now = Date.now();
  if (kind === 'sqlite') {
    // The DO UPDATE's WHERE skips the update when the limit would be passed: SQLite then reports 0 changes.
    const changed = await execute(
      runner,
      `INSERT INTO usage_counter (counter_key, period_key, used, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (counter_key, period_key) DO UPDATE SET used = used + excluded.used, updated_at = excluded.updated_at
       WHERE used <= ?`,
      [counterKey, periodKey, amount, now, headroom],
    );
    return changed === 1;
  }
  // MariaDB reports 1 for an insert, 2 for an update that changed the row and 0 for one that changed nothing, which
  // is what the IF()s do when the limit would be passed (the connection does not ask for "found rows"). updated_at
  // is assigned first because assignments read the values already assigned on their left.
  const changed = await execute(
    runner,
    `INSERT INTO usage_counter (counter_key, period_key, used, updated_at) VALUES (?, ?, ?, ?)
     ON DUPLICATE KEY UPDATE updated_at = IF(used <= ?, VALUES(updated_at), updated_at),
                             used = IF(used <= ?, used + VALUES(used), used)`,
    [counterKey, periodKey, amount, now, headroom, headroom],
  );
  return changed === 1 || changed === 2;
}

async function readCounter(runner: QueryRunner, kind: DatabaseKind, counterKey: string, periodKey: string): Promise<bigint | undefined> {
  // better-sqlite3 returns integers as JavaScript numbers, rounding those above 2^53: SQLite hands them over as text.
  const used = kind === 'sqlite' ? 'CAST(used AS TEXT) AS used' : 'used';
  const [row] = await selectRows(runner, `SELECT ${used} FROM usage_counter WHERE counter_key = ? AND period_key = ?`, [counterKey, periodKey]);
  return row === undefined ? undefined : bigintColumn(row, 'used');
}

async function previousOutcome(runner: QueryRunner, requestId: string): Promise<FirstUsageOutcome> {
  const [row] = await selectRows(runner, 'SELECT outcome, refused_key FROM usage_event WHERE request_id = ?', [requestId]);
  if (row === undefined) {
    throw new Error(`Usage event ${requestId} was recorded, then disappeared (purged while it was being replayed?).`);
  }
  const outcome = textColumn(row, 'outcome');
  const refusedKey = nullableTextColumn(row, 'refused_key');
  if (outcome === 'accepted') {
    return { outcome: 'accepted' };
  }
  if (outcome === 'refused' && refusedKey !== null) {
    return { outcome: 'refused', counterKey: refusedKey };
  }
  throw new Error(`Usage event ${requestId} holds an unknown outcome "${outcome}".`);
}

function checkIncrement(increment: UsageIncrement, index: number): CheckedIncrement {
  const { counterKey, periodKey } = increment;
  if (counterKey === '' || counterKey.length > MAX_COUNTER_KEY_LENGTH) {
    throw new RangeError(`increments[${index}].counterKey must have 1 to ${MAX_COUNTER_KEY_LENGTH} characters.`);
  }
  if (periodKey === '' || periodKey.length > MAX_PERIOD_KEY_LENGTH) {
    throw new RangeError(`increments[${index}].periodKey must have 1 to ${MAX_PERIOD_KEY_LENGTH} characters.`);
  }
  return {
    counterKey,
    periodKey,
    amount: counterValue(increment.amount, `increments[${index}].amount`),
    limit: counterValue(increment.limit, `increments[${index}].limit`),
  };
}

function counterValue(value: bigint | number, path: string): bigint {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new RangeError(`${path} must be an integer (a count, or an amount in minor units); got ${value}.`);
  }
  const exact = BigInt(value);
  if (exact < 0n || exact > MAX_COUNTER_VALUE) {
    throw new RangeError(`${path} must be between 0 and ${MAX_COUNTER_VALUE}; got ${exact}.`);
  }
  return exact;
}

function byCounter(left: CheckedIncrement, right: CheckedIncrement): number {
  if (left.counterKey !== right.counterKey) {
    return left.counterKey < right.counterKey ? -1 : 1;
  }
  if (left.periodKey !== right.periodKey) {
    return left.periodKey < right.periodKey ? -1 : 1;
  }
  return 0;
}
