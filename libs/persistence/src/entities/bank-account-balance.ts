import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { BankAccount } from './bank-account.js';
import { epochMilliseconds, exactInteger } from './column-transformers.js';

/**
 * The available balance of an account of the embedded bank, in one currency: what a payment may spend now, overdraft
 * included. An account may hold balances in several currencies; a payment in a currency it holds none of cannot be
 * paid (the embedded bank converts nothing).
 */
@Entity({ name: 'bank_account_balance' })
@ForeignKey(() => BankAccount, ['accountId'], ['accountId'], {
  name: 'FK_bank_account_balance_account',
  onDelete: 'CASCADE',
})
export class BankAccountBalance {
  @PrimaryColumn({ name: 'account_id', type: 'varchar', length: 64 })
  accountId!: string;

  /** ISO 4217 code. */
  @PrimaryColumn({ name: 'currency', type: 'varchar', length: 3 })
  currency!: string;

  /** Units of 10^-5 of the currency (decimal-amount.ts), negative when overdrawn. */
  @Column({ name: 'available_units', type: 'bigint', transformer: exactInteger })
  availableUnits!: bigint;

  @Column({ name: 'updated_at', type: 'bigint', transformer: epochMilliseconds })
  updatedAt!: Date;
}
