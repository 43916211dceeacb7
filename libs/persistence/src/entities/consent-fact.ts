import { Column, Entity, PrimaryColumn } from 'typeorm';
import { epochMilliseconds } from './column-transformers.js';

/**
 * One fact a specification must remember about a consent that the identity server does not tell it (e.g. UAE: this
 * TPP has used this ConsentId; this consent is the root of its chain; who revoked it). Each fact is recorded once,
 * by one request: a resend of that request finds it again, any other request is told it exists.
 */
@Entity({ name: 'consent_fact' })
export class ConsentFact {
  /** The consent, as the specification names it (e.g. `uae:consent:<digest of TPP and ConsentId>`). */
  @PrimaryColumn({ name: 'consent_key', type: 'varchar', length: 255 })
  consentKey!: string;

  /** What is known, e.g. `created`, `root`, `rb:TPP`. */
  @PrimaryColumn({ name: 'fact', type: 'varchar', length: 64 })
  fact!: string;

  /** SHA-256 of the request id that recorded it; null for facts carried over from before this table. */
  @Column({ name: 'request_key', type: 'varchar', length: 64, nullable: true })
  requestKey!: string | null;

  @Column({ name: 'recorded_at', type: 'bigint', transformer: epochMilliseconds })
  recordedAt!: Date;
}
