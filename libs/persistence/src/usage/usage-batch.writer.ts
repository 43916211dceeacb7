import type { DatabaseKind } from '../sql/database-kind.js';
import { bigintColumn, nullableTextColumn, textColumn, type SqlParameter } from '../sql/sql-rows.js';
import type { SqlStatements } from '../sql/sql-statements.js';
import { eventKeyOf } from './event-key.js';
import {
  counterId,
  decideBatch,
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
 * the counters the batch touches and read the request ids already recorded (one statement on MariaDB, two on
 * SQLite), decide in memory, then write all events in one statement and all changed counters in another.
 *
 * On MariaDB the counters are read FOR UPDATE, rows that exist (see MissingCountersError), so that no other batch, of
 * this instance or another, moves them until this one commits: limits stay exact across instances, and batches on
 * other counters go on beside it. The events are read without a lock, once the counters' locks are held: a batch
 * that recorded the same request id on the same counters has committed by then, and is seen. One on other counters
 * that records it at the same time makes this batch's INSERT fail on the primary key, and the batch is run again
 * (UsageCounterRepository): it then finds the event and replays it. Locking the events instead would lock the gaps
 * where new request ids go, and concurrent batches would deadlock on them.
 *
 * On SQLite the transaction holds the write lock from its start (BEGIN IMMEDIATE).
 */
export async function writeUsageBatch(
  sql: SqlStatements,
  kind: DatabaseKind,
  calls: readonly CountedCall[],
  now: number,
): Promise<ConsumeResult[]> {
  const { counters, events } =
    kind === 'sqlite'
      ? { counters: await readSqliteCounters(sql, calls), events: await readEvents(sql, calls) }
      : await readMysqlState(sql, calls);
  const { results, newEvents, changedCounters } = decideBatch(calls, counters, events);

  if (newEvents.size > 0) {
    const rows = [...newEvents].flatMap(([requestId, outcome]): SqlParameter[] => [
      eventKeyOf(requestId),
      requestId,
      outcome.outcome,
      outcome.outcome === 'refused' ? outcome.counterKey : null,
      now,
    ]);
    await sql.execute(
      `INSERT INTO usage_event (event_key, request_id, outcome, refused_key, created_at) VALUES ${placeholders(newEvents.size, 5)}`,
      rows,
    );
  }
  if (changedCounters.size > 0) {
    const rows = [...changedCounters.values()].flatMap(({ counterKey, periodKey, used }): SqlParameter[] => [
      counterKey,
      periodKey,
      used,
      now,
    ]);
    const upsert =
      kind === 'sqlite'
        ? 'ON CONFLICT (counter_key, period_key) DO UPDATE SET used = excluded.used, updated_at = excluded.updated_at'
        : 'ON DUPLICATE KEY UPDATE used = VALUES(used), updated_at = VALUES(updated_at)';
    await sql.execute(
      `INSERT INTO usage_counter (counter_key, period_key, used, updated_at) VALUES ${placeholders(changedCounters.size, 4)} ${upsert}`,
      rows,
    );
  }
  return [...results];
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

/**
 * MariaDB: the counters, locked, and the events, unlocked, in one statement and one round trip. The union's parts run
 * in order, so the events are read once the counters' locks are held (see writeUsageBatch).
 */
async function readMysqlState(
  sql: SqlStatements,
  calls: readonly CountedCall[],
): Promise<{ counters: Map<string, bigint>; events: Map<string, FirstUsageOutcome> }> {
  const keys = countersOf(calls);
  const byEventKey = eventKeysOf(calls);
  const eventPart = `(SELECT 'event' AS row_kind, event_key AS first_key, outcome AS second_key, NULL AS used, refused_key FROM usage_event WHERE event_key IN (${[...byEventKey.keys()].map(() => '?').join(', ')}))`;
  const counterPart = `(SELECT 'counter' AS row_kind, counter_key AS first_key, period_key AS second_key, used, NULL AS refused_key FROM usage_counter WHERE ${counterConditions(keys.size)} FOR UPDATE)`;
  const rows = await sql.select(keys.size === 0 ? eventPart : `${counterPart} UNION ALL ${eventPart}`, [
    ...[...keys.values()].flat(),
    ...byEventKey.keys(),
  ]);
  const counters = new Map<string, bigint>();
  const events = new Map<string, FirstUsageOutcome>();
  for (const row of rows) {
    if (textColumn(row, 'row_kind') === 'counter') {
      counters.set(counterId(textColumn(row, 'first_key'), textColumn(row, 'second_key')), bigintColumn(row, 'used'));
    } else {
      events.set(
        byEventKey.get(textColumn(row, 'first_key'))!,
        recordedOutcome(
          textColumn(row, 'first_key'),
          textColumn(row, 'second_key'),
          nullableTextColumn(row, 'refused_key'),
        ),
      );
    }
  }
  if (counters.size < keys.size) {
    throw new MissingCountersError([...keys].filter(([id]) => !counters.has(id)).map(([, key]) => key));
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
