import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BankAccountStatus, BankAccountSubType, BankAccountType } from '../bank-data/bank-account-vocabulary.js';
import { epochMilliseconds } from './column-transformers.js';

/** An account of the embedded bank. Holders are in bank_account_holder, so that joint accounts need no copy. */
@Entity({ name: 'bank_account' })
export class BankAccount {
  @PrimaryColumn({ name: 'account_id', type: 'varchar', length: 64 })
  accountId!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 255 })
  displayName!: string;

  /** ISO 4217 code. */
  @Column({ name: 'currency', type: 'varchar', length: 3 })
  currency!: string;

  @Column({ name: 'account_type', type: 'varchar', length: 32 })
  accountType!: BankAccountType;

  @Column({ name: 'account_sub_type', type: 'varchar', length: 32 })
  accountSubType!: BankAccountSubType;

  @Column({ name: 'scheme_name', type: 'varchar', length: 64 })
  schemeName!: string;

  @Column({ name: 'identification', type: 'varchar', length: 256 })
  identification!: string;

  @Column({ name: 'secondary_identification', type: 'varchar', length: 34, nullable: true })
  secondaryIdentification!: string | null;

  @Column({ name: 'holder_name', type: 'varchar', length: 350 })
  holderName!: string;

  @Column({ name: 'iban', type: 'varchar', length: 34, nullable: true })
  iban!: string | null;

  @Column({ name: 'status', type: 'varchar', length: 16 })
  status!: BankAccountStatus;

  /** Whether a payment may debit the account. */
  @Column({ name: 'payable', type: 'boolean' })
  payable!: boolean;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMilliseconds })
  createdAt!: Date;
}
