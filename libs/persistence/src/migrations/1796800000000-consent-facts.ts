import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { databaseKindOf } from '../sql/database-kind.js';

const TABLE = 'consent_fact';
/** Where the UAE module kept its consent facts before: limit-1 counters under this prefix, one period per fact. */
const COUNTER_PREFIX = 'uae:consent:';

/**
 * A table of its own for the facts a specification remembers about consents (ConsentFactRepository), which the UAE
 * module kept as usage counters with a limit of 1. The facts already counted are carried over, without the request
 * that recorded them (so no request can record them again), and their counters removed.
 */
export class ConsentFacts1796800000000 implements MigrationInterface {
  readonly name = 'ConsentFacts1796800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const key =
      databaseKindOf(queryRunner.connection) === 'mysql' ? { charset: 'utf8mb4', collation: 'utf8mb4_bin' } : {};
    await queryRunner.createTable(
      new Table({
        name: TABLE,
        columns: [
          { name: 'consent_key', type: 'varchar', length: '255', isPrimary: true, isNullable: false, ...key },
          { name: 'fact', type: 'varchar', length: '64', isPrimary: true, isNullable: false, ...key },
          { name: 'request_key', type: 'varchar', length: '64', isNullable: true, ...key },
          { name: 'recorded_at', type: 'bigint', isNullable: false },
        ],
      }),
    );
    await queryRunner.query(
      `INSERT INTO ${TABLE} (consent_key, fact, request_key, recorded_at) ` +
        `SELECT counter_key, period_key, NULL, updated_at FROM usage_counter WHERE counter_key LIKE ? AND used > 0`,
      [`${COUNTER_PREFIX}%`],
    );
    await queryRunner.query('DELETE FROM usage_counter WHERE counter_key LIKE ?', [`${COUNTER_PREFIX}%`]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `INSERT INTO usage_counter (counter_key, period_key, used, updated_at) SELECT consent_key, fact, 1, recorded_at FROM ${TABLE} WHERE consent_key LIKE ?`,
      [`${COUNTER_PREFIX}%`],
    );
    await queryRunner.dropTable(TABLE);
  }
}
