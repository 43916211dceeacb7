import { Column, Entity, PrimaryColumn } from 'typeorm';
import { epochMilliseconds, exactInteger } from './column-transformers.js';

/** How much of one limit has been used in one period (a count, or an amount in minor units). */
@Entity({ name: 'usage_counter' })
export class UsageCounter {
  @PrimaryColumn({ name: 'counter_key', type: 'varchar', length: 255 })
  counterKey!: string;

  @PrimaryColumn({ name: 'period_key', type: 'varchar', length: 32 })
  periodKey!: string;

  @Column({ name: 'used', type: 'bigint', transformer: exactInteger })
  used!: bigint;

  @Column({ name: 'updated_at', type: 'bigint', transformer: epochMilliseconds })
  updatedAt!: Date;
}
