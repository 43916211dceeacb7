import { ForeignKey, Index, Entity, PrimaryColumn } from 'typeorm';
import { BankAccount } from './bank-account.js';
import { BankCustomer } from './bank-customer.js';

/** Who holds which account; several rows for one account make it a joint account. */
@Entity({ name: 'bank_account_holder' })
// A customer may hold a thousand accounts: listing them must not scan the table.
@Index('IDX_bank_account_holder_user_id', ['userId'])
@ForeignKey(() => BankAccount, ['accountId'], ['accountId'], {
  name: 'FK_bank_account_holder_account',
  onDelete: 'CASCADE',
})
@ForeignKey(() => BankCustomer, ['userId'], ['userId'], {
  name: 'FK_bank_account_holder_customer',
  onDelete: 'CASCADE',
})
export class BankAccountHolder {
  @PrimaryColumn({ name: 'account_id', type: 'varchar', length: 64 })
  accountId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 255 })
  userId!: string;
}
