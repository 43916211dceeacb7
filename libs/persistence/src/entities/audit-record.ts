import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { epochMilliseconds } from './column-transformers.js';

export type AuditOutcome = 'SUCCESS' | 'ERROR' | 'FAULT';

/** One answered extension call. Identifiers only: no personal data, no request or response body. */
@Entity({ name: 'audit_record' })
@Index('IDX_audit_record_consent_id', ['consentId'])
@Index('IDX_audit_record_created_at', ['createdAt'])
export class AuditRecord {
  @PrimaryGeneratedColumn('increment', { name: 'id', type: 'integer', unsigned: true })
  id!: number;

  @Column({ name: 'request_id', type: 'varchar', length: 128 })
  requestId!: string;

  @Column({ name: 'spec', type: 'varchar', length: 32 })
  spec!: string;

  @Column({ name: 'extension', type: 'varchar', length: 64 })
  extension!: string;

  @Column({ name: 'consent_id', type: 'varchar', length: 255, nullable: true })
  consentId!: string | null;

  @Column({ name: 'outcome', type: 'varchar', length: 16 })
  outcome!: AuditOutcome;

  @Column({ name: 'error_code', type: 'integer', nullable: true })
  errorCode!: number | null;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs!: number;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMilliseconds })
  createdAt!: Date;
}
