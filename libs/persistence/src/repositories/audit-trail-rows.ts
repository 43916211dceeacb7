import type { AuditOutcome } from '../entities/audit-record.js';
import type { SqlParameter } from '../sql/sql-rows.js';
import type { SqlStatements } from '../sql/sql-statements.js';

/*
 * Audit records as the rows of audit_record, and the statements that insert them: shared by the repository (on the
 * service's thread, MariaDB and in-memory SQLite) and the SQLite writer thread, which imports no TypeORM entity.
 */

export interface AuditRecordInput {
  readonly requestId: string;
  readonly spec: string;
  readonly extension: string;
  readonly consentId?: string | null;
  readonly outcome: AuditOutcome;
  readonly errorCode?: number | null;
  /** Rounded to whole milliseconds. */
  readonly durationMs: number;
  /** Defaults to now. */
  readonly createdAt?: Date;
}

export type AuditRow = readonly SqlParameter[];

const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['SUCCESS', 'ERROR', 'FAULT'];
const MAX_LENGTH = { requestId: 128, spec: 32, extension: 64, consentId: 255 } as const;
// Eight parameters a row: 500 rows stay far below SQLite's 32,766 bound parameters and MariaDB's packet size.
export const AUDIT_ROWS_PER_STATEMENT = 500;

/** The row of one record, in the column order of insertAuditRows; refuses an invalid record. */
export function auditRow(record: AuditRecordInput, index: number): AuditRow {
  const text = (field: keyof typeof MAX_LENGTH, value: string): string => {
    if (value === '' || value.length > MAX_LENGTH[field]) {
      throw new RangeError(`records[${index}].${field} must have 1 to ${MAX_LENGTH[field]} characters.`);
    }
    return value;
  };
  if (!AUDIT_OUTCOMES.includes(record.outcome)) {
    throw new RangeError(`records[${index}].outcome must be one of ${AUDIT_OUTCOMES.join(', ')}.`);
  }
  const errorCode = record.errorCode ?? null;
  if (errorCode !== null && !Number.isInteger(errorCode)) {
    throw new RangeError(`records[${index}].errorCode must be an integer.`);
  }
  if (!Number.isFinite(record.durationMs) || record.durationMs < 0) {
    throw new RangeError(`records[${index}].durationMs must be a non-negative number.`);
  }
  const consentId = record.consentId ?? null;
  return [
    text('requestId', record.requestId),
    text('spec', record.spec),
    text('extension', record.extension),
    consentId === null ? null : text('consentId', consentId),
    record.outcome,
    errorCode,
    Math.round(record.durationMs),
    (record.createdAt ?? new Date()).getTime(),
  ];
}

/** One multi-row INSERT for at most AUDIT_ROWS_PER_STATEMENT rows. */
export async function insertAuditRows(sql: SqlStatements, rows: readonly AuditRow[]): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  if (rows.length > AUDIT_ROWS_PER_STATEMENT) {
    throw new RangeError(`At most ${AUDIT_ROWS_PER_STATEMENT} audit rows go in one statement; got ${rows.length}.`);
  }
  await sql.execute(
    `INSERT INTO audit_record (request_id, spec, extension, consent_id, outcome, error_code, duration_ms, created_at)
     VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
    rows.flat(),
  );
}
