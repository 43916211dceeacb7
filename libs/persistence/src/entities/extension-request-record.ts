import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { epochMilliseconds } from './column-transformers.js';

/**
 * Answers are recorded once computed (in batches), so every row is `completed`; the column keeps the migration's
 * schema, whose `pending` state no code writes any more.
 */
export type ExtensionRequestState = 'completed';

/** The idempotency record of one extension call: the first answer recorded for it, replayed to every copy. */
@Entity({ name: 'extension_request' })
@Unique('UQ_extension_request_request_key', ['requestKey'])
@Index('IDX_extension_request_created_at', ['createdAt'])
export class ExtensionRequestRecord {
  @PrimaryGeneratedColumn('increment', { name: 'id', type: 'integer', unsigned: true })
  id!: number;

  /**
   * SHA-256 (lower-case hex) of `spec/extension/requestId`: the unique key, so that request ids compare exactly on
   * both databases (MariaDB's collations ignore trailing spaces). See requestKeyOf.
   */
  @Column({ name: 'request_key', type: 'varchar', length: 64 })
  requestKey!: string;

  @Column({ name: 'spec', type: 'varchar', length: 32 })
  spec!: string;

  @Column({ name: 'extension', type: 'varchar', length: 64 })
  extension!: string;

  @Column({ name: 'request_id', type: 'varchar', length: 128 })
  requestId!: string;

  /** SHA-256 of the request body, in lower-case hex. */
  @Column({ name: 'fingerprint', type: 'varchar', length: 64 })
  fingerprint!: string;

  @Column({ name: 'state', type: 'varchar', length: 16 })
  state!: ExtensionRequestState;

  @Column({ name: 'http_status', type: 'integer', nullable: true })
  httpStatus!: number | null;

  /** The answer exactly as it was sent, so that a replay is byte-identical. */
  @Column({ name: 'response_body', type: 'text', nullable: true })
  responseBody!: string | null;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMilliseconds })
  createdAt!: Date;

  @Column({ name: 'completed_at', type: 'bigint', nullable: true, transformer: epochMilliseconds })
  completedAt!: Date | null;
}
