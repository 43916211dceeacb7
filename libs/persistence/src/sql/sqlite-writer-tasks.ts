import { insertAuditRows, type AuditRow } from '../repositories/audit-trail-rows.js';
import { writeUsageBatch } from '../usage/usage-batch.writer.js';
import type { ConsumeResult, CountedCall } from '../usage/usage-decisions.js';
import type { MessagePort } from 'node:worker_threads';
import type { SqlStatements } from './sql-statements.js';

/*
 * What the SQLite writer thread does, each task in one transaction of its own connection: the same writing code as
 * on the service's thread, given the thread's statements. Payloads and results cross the thread boundary by
 * structured clone (bigints included).
 */

export const SQLITE_WRITER_TASKS = {
  /** One batch of counted calls (UsageCounterRepository). */
  usageBatch: (
    sql: SqlStatements,
    payload: { readonly calls: readonly CountedCall[]; readonly now: number },
  ): Promise<ConsumeResult[]> => writeUsageBatch(sql, payload.calls, payload.now),
  /** Audit records (AuditTrailRepository), at most one statement's worth. */
  auditInsert: (sql: SqlStatements, payload: { readonly rows: readonly AuditRow[] }): Promise<void> =>
    insertAuditRows(sql, payload.rows),
} as const;

export type SqliteWriterTask = keyof typeof SQLITE_WRITER_TASKS;
export type SqliteWriterPayload<K extends SqliteWriterTask> = Parameters<(typeof SQLITE_WRITER_TASKS)[K]>[1];
export type SqliteWriterResult<K extends SqliteWriterTask> = Awaited<ReturnType<(typeof SQLITE_WRITER_TASKS)[K]>>;

/** A task sent to the thread, or the order to close its connection and end. */
export type SqliteWriterMessage =
  | { readonly kind: 'task'; readonly id: number; readonly task: SqliteWriterTask; readonly payload: unknown }
  | { readonly kind: 'close' };

/** A task's answer: its result, or the failure with the driver's code (so that isUniqueViolation still reads it). */
export type SqliteWriterReply =
  | { readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly id: number; readonly ok: false; readonly message: string; readonly code: string | undefined };

/** What a thread needs to open its connection as the service's own is opened (data-source-options.ts). */
export interface SqliteWriterSettings {
  readonly file: string;
  readonly busyTimeoutMs: number;
  /** The writer runs the tasks; the checkpointer copies the WAL into the file meanwhile (sqlite-writer.thread.ts). */
  readonly role: 'writer' | 'checkpointer';
  /** The writer's and the checkpointer's line to each other. */
  readonly peer: MessagePort;
}

/** Between the writer and the checkpointer: a commit happened; the WAL as the last checkpoint left it. */
export type CheckpointMessage =
  | { readonly kind: 'committed' }
  | { readonly kind: 'checkpointed'; readonly walFrames: number; readonly backfilledFrames: number };
