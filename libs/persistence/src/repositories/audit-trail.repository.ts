import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditRecord, type AuditOutcome } from '../entities/audit-record.js';
import { execute, type SqlParameter } from '../sql/sql-rows.js';
import { SqlGateway } from '../sql/sql-gateway.js';

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

const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['SUCCESS', 'ERROR', 'FAULT'];
const MAX_LENGTH = { requestId: 128, spec: 32, extension: 64, consentId: 255 } as const;
// Eight parameters a row: 500 rows stay far below SQLite's 32,766 bound parameters and MariaDB's packet size.
const ROWS_PER_STATEMENT = 500;

/** The audit trail of answered calls, written in batches by the platform. */
@Injectable()
export class AuditTrailRepository {
  private readonly gateway: SqlGateway;

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {
    this.gateway = SqlGateway.for(dataSource);
  }

  /** Inserts the records with one multi-row INSERT (per 500 records). Invalid records are refused before any write. */
  async insertMany(records: readonly AuditRecordInput[]): Promise<void> {
    const rows = records.map(auditRow);
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
      await this.gateway.run((runner) =>
        execute(
          runner,
          `INSERT INTO audit_record (request_id, spec, extension, consent_id, outcome, error_code, duration_ms, created_at)
           VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
          chunk.flat(),
        ),
      );
    }
  }

  /** The calls about one consent, oldest first. */
  async findByConsent(consentId: string): Promise<AuditRecord[]> {
    return this.gateway.run((runner) =>
      this.dataSource.getRepository(AuditRecord).createQueryBuilder('audit', runner).where('audit.consentId = :consentId', { consentId }).orderBy('audit.createdAt', 'ASC').addOrderBy('audit.id', 'ASC').getMany(),
    );
  }

  /** Deletes the records created before `cutoff` and returns how many. */
  async purgeOlderThan(cutoff: Date): Promise<number> {
    return this.gateway.run((runner) => execute(runner, 'DELETE FROM audit_record WHERE created_at < ?', [cutoff.getTime()]));
  }
}

function auditRow(record: AuditRecordInput, index: number): SqlParameter[] {
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
