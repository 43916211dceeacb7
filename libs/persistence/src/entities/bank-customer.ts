import { Column, Entity, PrimaryColumn } from 'typeorm';
import { epochMilliseconds } from './column-transformers.js';

/** A customer of the embedded bank, identified as the identity server identifies the user. */
@Entity({ name: 'bank_customer' })
export class BankCustomer {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 255 })
  userId!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 255 })
  displayName!: string;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMilliseconds })
  createdAt!: Date;
}
