import type { DatabaseKind } from '../sql/database-kind.js';
import { bigintColumn, nullableTextColumn, textColumn, type SqlParameter, type SqlRow } from '../sql/sql-rows.js';
import type { SqlStatement, SqlStatements, TwoTripTransaction } from '../sql/sql-statements.js';
import { eventKeyOf } from './event-key.js';
import {
  counterId,
  decideBatch,
  type BatchDecisions,
  type ConsumeResult,
  type CountedCall,
  type FirstUsageOutcome,
} from './usage-decisions.js';

/**
 * The counters a MariaDB batch found missing. Locking a row that does not exist locks the gap where it would be, and
 * two transactions that each lock a gap and then insert into it deadlock: a missing counter is therefore created
 * (at 0, on its own, by insertMissingCounters) and the batch run again, when every counter it locks is a row.
 */
export class MissingCountersError extends Error {
  override readonly name = 'MissingCountersError';
  readonly counters: readonly (readonly [counterKey: string, periodKey: string])[];

  // No parameter property: the SQLite writer thread runs this file with Node's type stripping in the tests.
  constructor(counters: readonly (readonly [counterKey: string, periodKey: string])[]) {
    super(`${counters.length} usage counters do not exist yet`);
    this.counters = counters;
  }
}

/**
 * One batch of counted calls in one transaction and a fixed number of statements, whatever its size: lock and read
 * the counters the batch touches and read the request ids already recorded, decide in memory, then write all events
 * in one statement and all changed counters in another.
 *
 * SQLite (writeUsageBatch): the transaction holds the write lock from its start (BEGIN IMMEDIATE); the counters and
 * the events are read in two statements.
 *
 * MariaDB (writeMysqlUsageBatch): two round trips, START TRANSACTION with the read, the writes with COMMIT
 * (TwoTripTransaction). The counters are read FOR UPDATE, rows that exist (see MissingCountersError), so that no other
 * batch, of this instance or another, moves them until this one commits: limits stay exact across instances, and
 * batches on other counters go on beside it. The events are read without a lock, once the counters' locks are held:
 * a batch that recorded the same request id on the same counters has committed by then, and is seen. One on other
 * counters that records it at the same time makes this batch's INSERT fail on the primary key, and the batch is run
 * again (UsageCounterRepository): it then finds the event and replays it. Locking the events instead would lock the
 * gaps where new request ids go, and concurrent batches would deadlock on them.
 */
export async function writeUsageBatch(
  sql: SqlStatements,
  calls: readonly CountedCall[],
  now: number,
): Promise<ConsumeResult[]> {
  const counters = await readSqliteCounters(sql, calls);
  const events = await readEvents(sql, calls);
  const decisions = decideBatch(calls, counters, events);
  for (const { sql: text, parameters } of batchWrites(decisions, 'sqlite', now)) {
    await sql.execute(text, parameters);
  }
  return [...decisions.results];
}

/** See writeUsageBatch: the MariaDB batch, in two round trips. */
export async function writeMysqlUsageBatch(
  transaction: TwoTripTransaction,
  calls: readonly CountedCall[],
  now: number,
): Promise<ConsumeResult[]> {
  const read = mysqlStateRead(calls);
  const { counters, events } = mysqlStateOf(await transaction.begin(read.statement), read);
  const decisions = decideBatch(calls, counters, events);
  await transaction.commit(batchWrites(decisions, 'mysql', now));
  return [...decisions.results];
}

/** The statements that record a batch's decisions: its new events, then its changed counters, one statement each. */
function batchWrites(decisions: BatchDecisions, kind: DatabaseKind, now: number): SqlStatement[] {
  const { newEvents, changedCounters } = decisions;
  const writes: SqlStatement[] = [];
  if (newEvents.size > 0) {
    writes.push({
      sql: `INSERT INTO usage_event (event_key, request_id, outcome, refused_key, created_at) VALUES ${placeholders(newEvents.size, 5)}`,
      parameters: [...newEvents].flatMap(([requestId, outcome]): SqlParameter[] => [
        eventKeyOf(requestId),
        requestId,
        outcome.outcome,
        outcome.outcome === 'refused' ? outcome.counterKey : null,
        now,
      ]),
    });
  }
  if (changedCounters.size > 0) {
    const upsert =
      kind === 'sqlite'
        ? 'ON CONFLICT (counter_key, period_key) DO UPDATE SET used = excluded.used, updated_at = excluded.updated_at'
        : 'ON DUPLICATE KEY UPDATE used = VALUES(used), updated_at = VALUES(updated_at)';
    writes.push({
      sql: `INSERT INTO usage_counter (counter_key, period_key, used, updated_at) VALUES ${placeholders(changedCounters.size, 4)} ${upsert}`,
      parameters: [...changedCounters.values()].flatMap(({ counterKey, periodKey, used }): SqlParameter[] => [
        counterKey,
        periodKey,
        used,
        now,
      ]),
    });
  }
  return writes;
}

/** The counters the calls move, each once: `counterId` to (counterKey, periodKey). */
export function countersOf(calls: readonly CountedCall[]): Map<string, readonly [string, string]> {
  const keys = new Map<string, readonly [string, string]>();
  for (const { increments } of calls) {
    for (const { counterKey, periodKey } of increments) {
      keys.set(counterId(counterKey, periodKey), [counterKey, periodKey]);
    }
  }
  return keys;
}

async function readSqliteCounters(sql: SqlStatements, calls: readonly CountedCall[]): Promise<Map<string, bigint>> {
  const keys = countersOf(calls);
  if (keys.size === 0) {
    return new Map();
  }
  // better-sqlite3 returns integers as JavaScript numbers, rounding those above 2^53: SQLite hands them over as text.
  const rows = await sql.select(
    `SELECT counter_key, period_key, CAST(used AS TEXT) AS used FROM usage_counter WHERE ${counterConditions(keys.size)}`,
    [...keys.values()].flat(),
  );
  return new Map(
    rows.map((row) => [
      counterId(textColumn(row, 'counter_key'), textColumn(row, 'period_key')),
      bigintColumn(row, 'used'),
    ]),
  );
}

/** MariaDB's read of a batch: the counters, locked, and the events, unlocked, in one statement. */
interface MysqlStateRead {
  readonly statement: SqlStatement;
  readonly counterKeys: ReadonlyMap<string, readonly [string, string]>;
  readonly requestIdsByEventKey: ReadonlyMap<string, string>;
}

/** The union's parts run in order, so the events are read once the counters' locks are held (see writeUsageBatch). */
function mysqlStateRead(calls: readonly CountedCall[]): MysqlStateRead {
  const counterKeys = countersOf(calls);
  const requestIdsByEventKey = eventKeysOf(calls);
  const eventPart = `(SELECT 'event' AS row_kind, event_key AS first_key, outcome AS second_key, NULL AS used, refused_key FROM usage_event WHERE event_key IN (${[...requestIdsByEventKey.keys()].map(() => '?').join(', ')}))`;
  const counterPart = `(SELECT 'counter' AS row_kind, counter_key AS first_key, period_key AS second_key, used, NULL AS refused_key FROM usage_counter WHERE ${counterConditions(counterKeys.size)} FOR UPDATE)`;
  return {
    statement: {
      sql: counterKeys.size === 0 ? eventPart : `${counterPart} UNION ALL ${eventPart}`,
      parameters: [...[...counterKeys.values()].flat(), ...requestIdsByEventKey.keys()],
    },
    counterKeys,
    requestIdsByEventKey,
  };
}

function mysqlStateOf(
  rows: readonly SqlRow[],
  read: MysqlStateRead,
): { counters: Map<string, bigint>; events: Map<string, FirstUsageOutcome> } {
  const counters = new Map<string, bigint>();
  const events = new Map<string, FirstUsageOutcome>();
  for (const row of rows) {
    if (textColumn(row, 'row_kind') === 'counter') {
      counters.set(counterId(textColumn(row, 'first_key'), textColumn(row, 'second_key')), bigintColumn(row, 'used'));
    } else {
      events.set(
        read.requestIdsByEventKey.get(textColumn(row, 'first_key'))!,
        recordedOutcome(
          textColumn(row, 'first_key'),
          textColumn(row, 'second_key'),
          nullableTextColumn(row, 'refused_key'),
        ),
      );
    }
  }
  if (counters.size < read.counterKeys.size) {
    throw new MissingCountersError([...read.counterKeys].filter(([id]) => !counters.has(id)).map(([, key]) => key));
  }
  return { counters, events };
}

/** `count` (counter_key, period_key) pairs, as OR-ed equalities: both index columns, so one range scan each. */
export function counterConditions(count: number): string {
  return Array.from({ length: count }, () => '(counter_key = ? AND period_key = ?)').join(' OR ');
}

/** The batch's request ids by their event key (exact: see event-key.ts). */
function eventKeysOf(calls: readonly CountedCall[]): Map<string, string> {
  return new Map(calls.map((call) => [eventKeyOf(call.requestId), call.requestId]));
}

/**
 * Creates missing counters at 0, each as its own statement outside any batch's transaction (so that it holds no
 * lock a batch waits for); one another instance created meanwhile is left as it is.
 */
export async function insertMissingCounters(
  sql: SqlStatements,
  counters: readonly (readonly [string, string])[],
  now: number,
): Promise<void> {
  if (counters.length === 0) {
    return;
  }
  await sql.execute(
    `INSERT IGNORE INTO usage_counter (counter_key, period_key, used, updated_at) VALUES ${placeholders(counters.length, 4)}`,
    counters.flatMap(([counterKey, periodKey]) => [counterKey, periodKey, 0, now]),
  );
}

/** The events already recorded for the batch's request ids, found by key (exact) and returned by request id. */
async function readEvents(sql: SqlStatements, calls: readonly CountedCall[]): Promise<Map<string, FirstUsageOutcome>> {
  const byKey = eventKeysOf(calls);
  const keys = [...byKey.keys()];
  const rows = await sql.select(
    `SELECT event_key, outcome, refused_key FROM usage_event WHERE event_key IN (${keys.map(() => '?').join(', ')})`,
    keys,
  );
  return new Map(
    rows.map((row) => [
      byKey.get(textColumn(row, 'event_key'))!,
      recordedOutcome(textColumn(row, 'event_key'), textColumn(row, 'outcome'), nullableTextColumn(row, 'refused_key')),
    ]),
  );
}

function recordedOutcome(eventKey: string, outcome: string, refusedKey: string | null): FirstUsageOutcome {
  if (outcome === 'accepted') {
    return { outcome: 'accepted' };
  }
  if (outcome === 'refused' && refusedKey !== null) {
    return { outcome: 'refused', counterKey: refusedKey };
  }
  throw new Error(`Usage event ${eventKey} holds an unknown outcome "${outcome}".`);
}

function placeholders(rows: number, columns: number): string {
  const row = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
  return Array.from({ length: rows }, () => row).join(', ');
}
