import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuditOutcome } from '@app/persistence';

/** One decision of the audit trail as the trace shows it. */
export interface TracedDecision {
  readonly id: number;
  readonly requestId: string;
  readonly spec: string;
  readonly extension: string;
  readonly consentId: string | null;
  readonly outcome: AuditOutcome;
  readonly errorCode: number | null;
  readonly durationMs: number;
  readonly createdAt: Date;
}

/** Enough for a person to read; a consent used for months has far more calls, the newest come first. */
export const TRACE_LIMIT = 200;

const COLUMNS = 'id, request_id, spec, extension, consent_id, outcome, error_code, duration_ms, created_at';

type Row = Readonly<Record<string, unknown>>;

/** Text columns come back as strings from both drivers; anything else is shown as JSON rather than guessed at. */
function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** SQLite returns integers as numbers, MariaDB returns BIGINT as strings. */
function integer(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

function decision(row: Row): TracedDecision {
  return {
    id: integer(row.id),
    requestId: text(row.request_id),
    spec: text(row.spec),
    extension: text(row.extension),
    consentId: row.consent_id === null ? null : text(row.consent_id),
    outcome: text(row.outcome) as AuditOutcome,
    errorCode: row.error_code === null ? null : integer(row.error_code),
    durationMs: integer(row.duration_ms),
    createdAt: new Date(integer(row.created_at)),
  };
}

/**
 * Read-only queries on the audit trail for the decision trace, newest first. They live here, on the DataSource,
 * because the persistence library's repository offers only the oldest-first query by consent; both are plain indexed
 * SELECTs that never run inside a transaction of the service's own.
 */
@Injectable()
export class AuditTrailLookup {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The decisions on one call (a retried call is answered, and audited, more than once). */
  byRequestId(requestId: string): Promise<TracedDecision[]> {
    return this.select(
      `SELECT ${COLUMNS} FROM audit_record WHERE request_id = ? ORDER BY created_at DESC, id DESC LIMIT ${TRACE_LIMIT}`,
      [requestId],
    );
  }

  /** Every decision on one consent. */
  byConsentId(consentId: string): Promise<TracedDecision[]> {
    return this.select(
      `SELECT ${COLUMNS} FROM audit_record WHERE consent_id = ? ORDER BY created_at DESC, id DESC LIMIT ${TRACE_LIMIT}`,
      [consentId],
    );
  }

  private async select(sql: string, parameters: readonly string[]): Promise<TracedDecision[]> {
    const rows: unknown = await this.dataSource.query(sql, [...parameters]);
    return (Array.isArray(rows) ? (rows as Row[]) : []).map(decision);
  }
}
