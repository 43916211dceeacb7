import { Table, TableForeignKey, type MigrationInterface, type QueryRunner } from 'typeorm';
import { databaseKindOf } from '../sql/database-kind.js';

const TABLE = 'bank_account_balance';

/**
 * The embedded bank's available balances, one row per account and currency, so that it can answer whether an account
 * can pay an amount (the funds confirmation of payment consents). Keys are binary on MariaDB, as in the initial
 * schema: account ids and currency codes must compare exactly on both databases.
 */
export class BankAccountBalances1796900000000 implements MigrationInterface {
  readonly name = 'BankAccountBalances1796900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const keyCharset =
      databaseKindOf(queryRunner.connection) === 'mysql' ? { charset: 'utf8mb4', collation: 'utf8mb4_bin' } : {};
    await queryRunner.createTable(
      new Table({
        name: TABLE,
        columns: [
          { name: 'account_id', type: 'varchar', length: '64', isPrimary: true, ...keyCharset },
          { name: 'currency', type: 'varchar', length: '3', isPrimary: true, ...keyCharset },
          { name: 'available_units', type: 'bigint' },
          { name: 'updated_at', type: 'bigint' },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_bank_account_balance_account',
            columnNames: ['account_id'],
            referencedTableName: 'bank_account',
            referencedColumnNames: ['account_id'],
            onDelete: 'CASCADE',
            onUpdate: 'NO ACTION',
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable(TABLE);
  }
}
