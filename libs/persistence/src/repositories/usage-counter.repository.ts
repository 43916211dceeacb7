import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isUniqueViolation } from '../sql/driver-errors.js';
import { BatchQueue } from '../sql/batch-queue.js';
import { execute, bigintColumn, selectRows, textColumn } from '../sql/sql-rows.js';
import { SqlGateway } from '../sql/sql-gateway.js';
import { runnerStatements } from '../sql/sql-statements.js';
import { SqliteWriter } from '../sql/sqlite-writer.js';
import {
  counterConditions,
  insertMissingCounters,
  MissingCountersError,
  writeMysqlUsageBatch,
  writeUsageBatch,
} from '../usage/usage-batch.writer.js';
import { UsageBatches } from '../usage/usage-batches.js';
import { counterId, type CheckedIncrement, type ConsumeResult, type CountedCall } from '../usage/usage-decisions.js';

export type { ConsumeResult, FirstUsageOutcome } from '../usage/usage-decisions.js';

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

/** A counter in one period: (counterKey, periodKey). */
type CounterRef = readonly [counterKey: string, periodKey: string];

const MAX_REQUEST_ID_LENGTH = 128;
const MAX_COUNTER_KEY_LENGTH = 255;
const MAX_PERIOD_KEY_LENGTH = 32;
const MAX_COUNTER_VALUE = 2n ** 63n - 1n;
/** Calls per batch: bounded so that one batch's statements and locks stay small. */
const MAX_BATCH = 200;
/**
 * Batches in flight at once on MariaDB, each on a pooled connection of its own (of DATABASE_POOL_SIZE, 10 by default),
 * never two on one counter (UsageBatches). SQLite writes one transaction at a time whatever the number.
 */
const MYSQL_BATCHES_IN_FLIGHT = 4;
/** A MariaDB batch runs again after creating its missing counters, or after another recorded one of its request ids. */
const MYSQL_BATCH_ATTEMPTS = 4;

/**
 * Usage limits (frequency per day, amount per period…) that hold across every instance of the service, at the cost of
 * a few statements per batch of calls rather than a transaction per call: the calls that arrive while batches are
 * being committed go together in a later one (see UsageBatches and writeUsageBatch). All increments of a call apply
 * or none; a request id resent (to this instance or another) replays its first outcome and counts nothing again. When
 * several counters would overflow, the one reported is the first in (counterKey, periodKey) order.
 */
@Injectable()
export class UsageCounterRepository {
  private readonly gateway: SqlGateway;
  private readonly batches: UsageBatches;
  /**
   * Reads of a counter (Berlin asks on every account read whether a newer recurring consent superseded this one) that
   * arrive together share one SELECT: one round trip for all of them instead of one each.
   */
  private readonly reads = new BatchQueue<CounterRef, bigint>((refs) => this.readUsed(refs), MAX_BATCH);

  constructor(@Inject(DataSource) dataSource: DataSource) {
    this.gateway = SqlGateway.for(dataSource);
    const writer = SqliteWriter.for(dataSource);
    if (writer !== undefined) {
      // A SQLite file: the batch runs in the writer thread (sql/sqlite-writer.ts), in the file's queue so that the
      // service's own connection never waits for the lock on the event loop.
      this.batches = new UsageBatches(
        (calls) => this.gateway.run(() => writer.run('usageBatch', { calls, now: Date.now() })),
        MAX_BATCH,
        1,
      );
    } else if (this.gateway.kind === 'sqlite') {
      this.batches = new UsageBatches(
        (calls) => this.gateway.transaction((runner) => writeUsageBatch(runnerStatements(runner), calls, Date.now())),
        MAX_BATCH,
        1,
      );
    } else {
      this.batches = new UsageBatches((calls) => this.mysqlBatch(calls), MAX_BATCH, MYSQL_BATCHES_IN_FLIGHT);
    }
  }

  async consume(requestId: string, increments: readonly UsageIncrement[]): Promise<ConsumeResult> {
    if (requestId === '' || requestId.length > MAX_REQUEST_ID_LENGTH) {
      throw new RangeError(`A request id must have 1 to ${MAX_REQUEST_ID_LENGTH} characters.`);
    }
    const checked = increments.map(checkIncrement).sort(byCounter);
    return this.batches.push({ requestId, increments: checked });
  }

  /** One batch on MariaDB, run again when it had to create counters or lost the race for a request id. */
  private async mysqlBatch(calls: readonly CountedCall[]): Promise<ConsumeResult[]> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.gateway.twoTripTransaction((transaction) =>
          writeMysqlUsageBatch(transaction, calls, Date.now()),
        );
      } catch (error) {
        if (attempt >= MYSQL_BATCH_ATTEMPTS) {
          throw error;
        }
        if (error instanceof MissingCountersError) {
          await this.gateway.run((runner) =>
            insertMissingCounters(runnerStatements(runner), error.counters, Date.now()),
          );
        } else if (!isUniqueViolation(error)) {
          // A duplicate key is a usage_event another batch recorded since this one read the events: run again, the
          // event is found and replayed. Anything else is the caller's.
          throw error;
        }
      }
    }
  }

  /** How much of a counter is used in a period (0 when nothing was counted yet). */
  usedIn(counterKey: string, periodKey: string): Promise<bigint> {
    return this.reads.push([counterKey, periodKey]);
  }

  /** The used amounts of a batch of reads, in their order; each distinct counter is asked for once. */
  private async readUsed(refs: readonly CounterRef[]): Promise<bigint[]> {
    const distinct = new Map(refs.map((ref) => [counterId(...ref), ref]));
    // better-sqlite3 returns integers as JavaScript numbers, rounding those above 2^53: SQLite hands them over as text.
    const used = this.gateway.kind === 'sqlite' ? 'CAST(used AS TEXT) AS used' : 'used';
    const rows = await this.gateway.run((runner) =>
      selectRows(
        runner,
        `SELECT counter_key, period_key, ${used} FROM usage_counter WHERE ${counterConditions(distinct.size)}`,
        [...distinct.values()].flat(),
      ),
    );
    const usedById = new Map(
      rows.map((row) => [
        counterId(textColumn(row, 'counter_key'), textColumn(row, 'period_key')),
        bigintColumn(row, 'used'),
      ]),
    );
    return refs.map((ref) => usedById.get(counterId(...ref)) ?? 0n);
  }

  /** Forgets the request ids recorded before `cutoff` (their resends can no longer arrive); returns how many. */
  async purgeOlderThan(cutoff: Date): Promise<number> {
    return this.gateway.run((runner) =>
      execute(runner, 'DELETE FROM usage_event WHERE created_at < ?', [cutoff.getTime()]),
    );
  }
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
