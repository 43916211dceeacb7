import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { epochMilliseconds } from './column-transformers.js';

export type UsageEventOutcome = 'accepted' | 'refused';

/**
 * One consumption of counters, keyed by the identity server's requestId: the server resends a request after a read
 * timeout, and the resend must get the first answer without counting twice. The key is the SHA-256 of the request id
 * (eventKeyOf), which compares exactly on both databases where the id itself would not (MariaDB pads).
 */
@Entity({ name: 'usage_event' })
@Index('IDX_usage_event_created_at', ['createdAt'])
export class UsageEvent {
  @PrimaryColumn({ name: 'event_key', type: 'varchar', length: 64 })
  eventKey!: string;

  @Column({ name: 'request_id', type: 'varchar', length: 128 })
  requestId!: string;

  @Column({ name: 'outcome', type: 'varchar', length: 16 })
  outcome!: UsageEventOutcome;

  /** The counter that refused the consumption. */
  @Column({ name: 'refused_key', type: 'varchar', length: 255, nullable: true })
  refusedKey!: string | null;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMilliseconds })
  createdAt!: Date;
}
