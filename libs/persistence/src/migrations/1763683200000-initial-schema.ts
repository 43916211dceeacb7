import {
  Table,
  TableForeignKey,
  TableIndex,
  TableUnique,
  type MigrationInterface,
  type QueryRunner,
  type TableColumnOptions,
} from 'typeorm';

/**
 * Creates every table of the service. Written with the QueryRunner table API, not SQL, so that the one migration
 * runs on SQLite and on MariaDB/MySQL.
 */
export class InitialSchema1763683200000 implements MigrationInterface {
  readonly name = 'InitialSchema1763683200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const column = columnBuilder(queryRunner);

    await queryRunner.createTable(
      new Table({
        name: 'extension_request',
        columns: [
          column.autoIncrementId('id'),
          column.key('spec', 32),
          column.key('extension', 64),
          column.key('request_id', 128),
          column.key('fingerprint', 64),
          column.key('state', 16),
          column.integer('http_status', { nullable: true }),
          // MEDIUMTEXT on MySQL/MariaDB: a replayed answer echoes the TPP body and may exceed TEXT's 64 KiB.
          column.largeText('response_body'),
          column.epochMilliseconds('created_at'),
          column.epochMilliseconds('completed_at', { nullable: true }),
        ],
        uniques: [
          new TableUnique({ name: 'UQ_extension_request_key', columnNames: ['spec', 'extension', 'request_id'] }),
        ],
        indices: [new TableIndex({ name: 'IDX_extension_request_created_at', columnNames: ['created_at'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'usage_counter',
        columns: [
          column.key('counter_key', 255, { primary: true }),
          column.key('period_key', 32, { primary: true }),
          { name: 'used', type: 'bigint' },
          column.epochMilliseconds('updated_at'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'usage_event',
        columns: [
          column.key('request_id', 128, { primary: true }),
          column.key('outcome', 16),
          column.key('refused_key', 255, { nullable: true }),
          column.epochMilliseconds('created_at'),
        ],
        indices: [new TableIndex({ name: 'IDX_usage_event_created_at', columnNames: ['created_at'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'audit_record',
        columns: [
          column.autoIncrementId('id'),
          column.key('request_id', 128),
          column.key('spec', 32),
          column.key('extension', 64),
          column.key('consent_id', 255, { nullable: true }),
          column.key('outcome', 16),
          column.integer('error_code', { nullable: true }),
          column.integer('duration_ms'),
          column.epochMilliseconds('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_audit_record_consent_id', columnNames: ['consent_id'] }),
          new TableIndex({ name: 'IDX_audit_record_created_at', columnNames: ['created_at'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'bank_customer',
        columns: [
          column.key('user_id', 255, { primary: true }),
          column.varchar('display_name', 255),
          column.epochMilliseconds('created_at'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'bank_account',
        columns: [
          column.key('account_id', 64, { primary: true }),
          column.varchar('display_name', 255),
          column.key('currency', 3),
          column.key('account_type', 32),
          column.key('account_sub_type', 32),
          column.key('scheme_name', 64),
          column.varchar('identification', 256),
          column.varchar('secondary_identification', 34, { nullable: true }),
          column.varchar('holder_name', 350),
          column.key('iban', 34, { nullable: true }),
          column.key('status', 16),
          { name: 'payable', type: 'boolean' },
          column.epochMilliseconds('created_at'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'bank_account_holder',
        columns: [column.key('account_id', 64, { primary: true }), column.key('user_id', 255, { primary: true })],
        indices: [new TableIndex({ name: 'IDX_bank_account_holder_user_id', columnNames: ['user_id'] })],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_bank_account_holder_account',
            columnNames: ['account_id'],
            referencedTableName: 'bank_account',
            referencedColumnNames: ['account_id'],
            onDelete: 'CASCADE',
            onUpdate: 'NO ACTION',
          }),
          new TableForeignKey({
            name: 'FK_bank_account_holder_customer',
            columnNames: ['user_id'],
            referencedTableName: 'bank_customer',
            referencedColumnNames: ['user_id'],
            onDelete: 'CASCADE',
            onUpdate: 'NO ACTION',
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Children before parents, for the foreign keys.
    for (const table of [
      'bank_account_holder',
      'bank_account',
      'bank_customer',
      'audit_record',
      'usage_event',
      'usage_counter',
      'extension_request',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}

interface ColumnFlags {
  readonly nullable?: boolean;
  readonly primary?: boolean;
}

function columnBuilder(queryRunner: QueryRunner) {
  const isMysql =
    queryRunner.connection.driver.options.type === 'mysql' || queryRunner.connection.driver.options.type === 'mariadb';
  // MariaDB compares text case- and accent-insensitively by default, SQLite byte by byte. Identifiers must match
  // exactly on both, so MariaDB key columns get a binary collation; every text column gets utf8mb4 explicitly so
  // that a database created with another default character set still stores any Unicode name.
  const keyCharset = isMysql ? { charset: 'utf8mb4', collation: 'utf8mb4_bin' } : {};
  const textCharset = isMysql ? { charset: 'utf8mb4' } : {};
  const flags = ({ nullable = false, primary = false }: ColumnFlags) => ({ isNullable: nullable, isPrimary: primary });

  return {
    autoIncrementId: (name: string): TableColumnOptions => ({
      name,
      type: 'integer',
      unsigned: true,
      isPrimary: true,
      isGenerated: true,
      generationStrategy: 'increment',
    }),
    key: (name: string, length: number, options: ColumnFlags = {}): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      ...keyCharset,
      ...flags(options),
    }),
    varchar: (name: string, length: number, options: ColumnFlags = {}): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      ...textCharset,
      ...flags(options),
    }),
    largeText: (name: string): TableColumnOptions => ({
      name,
      type: isMysql ? 'mediumtext' : 'text',
      isNullable: true,
      ...textCharset,
    }),
    integer: (name: string, options: ColumnFlags = {}): TableColumnOptions => ({
      name,
      type: 'integer',
      ...flags(options),
    }),
    epochMilliseconds: (name: string, options: ColumnFlags = {}): TableColumnOptions => ({
      name,
      type: 'bigint',
      ...flags(options),
    }),
  };
}
