import type { DatabaseKind } from '../sql/database-kind.js';
import { bigintColumn, nullableTextColumn, textColumn, type SqlParameter } from '../sql/sql-rows.js';
import type { SqlStatements } from '../sql/sql-statements.js';
import { eventKeyOf } from './event-key.js';
import { counterId, decideBatch, type ConsumeResult, type CountedCall, type FirstUsageOutcome } from './usage-decisions.js';

/**
 * One batch of counted calls in one transaction and a fixed number of statements, whatever its size: lock and read
 * the counters the batch touches, read the request ids already recorded, decide in memory, then write all events in
 * one statement and all changed counters in another. On MariaDB the reads lock (FOR UPDATE), so that no batch of
 * another instance can move the same counters or record the same request ids until this one commits: limits stay
 * exact across instances. On SQLite the transaction holds the write lock from its start (BEGIN IMMEDIATE).
 */
export async function writeUsageBatch(sql: SqlStatements, kind: DatabaseKind, calls: readonly CountedCall[], now: number): Promise<ConsumeResult[]> {
  const lock = kind === 'sqlite' ? '' : ' FOR UPDATE';
  const counters = await readCounters(sql, kind, calls, lock);
  const events = await readEvents(sql, calls, lock);
  const { results, newEvents, changedCounters } = decideBatch(calls, counters, events);

  if (newEvents.size > 0) {
    const rows = [...newEvents].flatMap(([requestId, outcome]): SqlParameter[] => [
      eventKeyOf(requestId),
      requestId,
      outcome.outcome,
      outcome.outcome === 'refused' ? outcome.counterKey : null,
      now,
    ]);
    await sql.execute(`INSERT INTO usage_event (event_key, request_id, outcome, refused_key, created_at) VALUES ${placeholders(newEvents.size, 5)}`, rows);
  }
  if (changedCounters.size > 0) {
    const rows = [...changedCounters.values()].flatMap(({ counterKey, periodKey, used }): SqlParameter[] => [counterKey, periodKey, used, now]);
    const upsert =
      kind === 'sqlite'
        ? 'ON CONFLICT (counter_key, period_key) DO UPDATE SET used = excluded.used, updated_at = excluded.updated_at'
        : 'ON DUPLICATE KEY UPDATE used = VALUES(used), updated_at = VALUES(updated_at)';
    await sql.execute(`INSERT INTO usage_counter (counter_key, period_key, used, updated_at) VALUES ${placeholders(changedCounters.size, 4)} ${upsert}`, rows);
  }
  return [...results];
}

async function readCounters(sql: SqlStatements, kind: DatabaseKind, calls: readonly CountedCall[], lock: string): Promise<Map<string, bigint>> {
  const keys = new Map<string, readonly [string, string]>();
  for (const { increments } of calls) {
    for (const { counterKey, periodKey } of increments) {
      keys.set(counterId(counterKey, periodKey), [counterKey, periodKey]);
    }
  }
  const counters = new Map<string, bigint>();
  if (keys.size === 0) {
    return counters;
  }
  // better-sqlite3 returns integers as JavaScript numbers, rounding those above 2^53: SQLite hands them over as text.
  const used = kind === 'sqlite' ? 'CAST(used AS TEXT) AS used' : 'used';
  const where = [...keys.values()].map(() => '(counter_key = ? AND period_key = ?)').join(' OR ');
  const rows = await sql.select(`SELECT counter_key, period_key, ${used} FROM usage_counter WHERE ${where}${lock}`, [...keys.values()].flat());
  for (const row of rows) {
    counters.set(counterId(textColumn(row, 'counter_key'), textColumn(row, 'period_key')), bigintColumn(row, 'used'));
  }
  return counters;
}

/** The events already recorded for the batch's request ids, found by key (exact) and returned by request id. */
async function readEvents(sql: SqlStatements, calls: readonly CountedCall[], lock: string): Promise<Map<string, FirstUsageOutcome>> {
  const byKey = new Map(calls.map((call) => [eventKeyOf(call.requestId), call.requestId]));
  const keys = [...byKey.keys()];
  const rows = await sql.select(`SELECT event_key, outcome, refused_key FROM usage_event WHERE event_key IN (${keys.map(() => '?').join(', ')})${lock}`, keys);
  return new Map(rows.map((row) => [byKey.get(textColumn(row, 'event_key'))!, recordedOutcome(row)]));
}

function recordedOutcome(row: Readonly<Record<string, unknown>>): FirstUsageOutcome {
  const outcome = textColumn(row, 'outcome');
  const refusedKey = nullableTextColumn(row, 'refused_key');
  if (outcome === 'accepted') {
    return { outcome: 'accepted' };
  }
  if (outcome === 'refused' && refusedKey !== null) {
    return { outcome: 'refused', counterKey: refusedKey };
  }
  throw new Error(`Usage event ${textColumn(row, 'event_key')} holds an unknown outcome "${outcome}".`);
}

function placeholders(rows: number, columns: number): string {
  const row = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
  return Array.from({ length: rows }, () => row).join(', ');
}
