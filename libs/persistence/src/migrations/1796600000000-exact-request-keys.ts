import { TableColumn, TableUnique, type MigrationInterface, type QueryRunner } from 'typeorm';
import { requestKeyOf } from '../repositories/extension-request-key.js';
import { databaseKindOf } from '../sql/database-kind.js';
import { selectRows, textColumn, integerColumn } from '../sql/sql-rows.js';

const TABLE = 'extension_request';
const OLD_UNIQUE = 'UQ_extension_request_key';
const NEW_UNIQUE = 'UQ_extension_request_request_key';
/** Rows digested per round trip when SQLite's existing records are given their key. */
const BACKFILL_BATCH = 1000;

/**
 * Makes idempotency records unique by `request_key`, a SHA-256 of spec, extension and requestId (requestKeyOf),
 * instead of by the three columns. MariaDB's collations, the binary one included, ignore trailing spaces, so `abc`
 * and `abc ` were one key there: the second call's answer was neither inserted nor found, and the whole batch of
 * answers it was written with failed. A digest compares exactly on both databases.
 *
 * Existing records get their key (in SQL on MariaDB, where SHA2 over the utf8mb4 columns gives the same bytes as
 * requestKeyOf; in batches on SQLite, which has no SHA-256), so that retries straddling the upgrade still replay.
 */
export class ExactRequestKeys1796600000000 implements MigrationInterface {
  readonly name = 'ExactRequestKeys1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (databaseKindOf(queryRunner.connection) === 'mysql') {
      await queryRunner.query(
        `ALTER TABLE ${TABLE} ADD COLUMN request_key varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL`,
      );
      await queryRunner.query(
        `UPDATE ${TABLE} SET request_key = SHA2(CONCAT(spec, '/', extension, '/', request_id), 256)`,
      );
      await queryRunner.query(
        `ALTER TABLE ${TABLE} MODIFY request_key varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL, ` +
          `ADD UNIQUE INDEX ${NEW_UNIQUE} (request_key), DROP INDEX ${OLD_UNIQUE}`,
      );
      return;
    }
    // SQLite: TypeORM rebuilds the table for each change, copying the rows.
    await queryRunner.addColumn(
      TABLE,
      new TableColumn({ name: 'request_key', type: 'varchar', length: '64', isNullable: true }),
    );
    await backfillRequestKeys(queryRunner);
    await queryRunner.changeColumn(
      TABLE,
      'request_key',
      new TableColumn({ name: 'request_key', type: 'varchar', length: '64', isNullable: false }),
    );
    await queryRunner.dropUniqueConstraint(TABLE, OLD_UNIQUE);
    await queryRunner.createUniqueConstraint(
      TABLE,
      new TableUnique({ name: NEW_UNIQUE, columnNames: ['request_key'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (databaseKindOf(queryRunner.connection) === 'mysql') {
      // Request ids that differ only by trailing spaces are one key again: keep the first record of each, as the old
      // schema would have (these are replay records of at most IDEMPOTENCY_RETENTION_HOURS).
      await queryRunner.query(
        `DELETE later FROM ${TABLE} later JOIN ${TABLE} earlier ` +
          'ON later.spec = earlier.spec AND later.extension = earlier.extension AND later.request_id = earlier.request_id AND later.id > earlier.id',
      );
      await queryRunner.query(
        `ALTER TABLE ${TABLE} ADD UNIQUE INDEX ${OLD_UNIQUE} (spec, extension, request_id), DROP INDEX ${NEW_UNIQUE}, DROP COLUMN request_key`,
      );
      return;
    }
    await queryRunner.dropUniqueConstraint(TABLE, NEW_UNIQUE);
    await queryRunner.dropColumn(TABLE, 'request_key');
    await queryRunner.createUniqueConstraint(
      TABLE,
      new TableUnique({ name: OLD_UNIQUE, columnNames: ['spec', 'extension', 'request_id'] }),
    );
  }
}

async function backfillRequestKeys(queryRunner: QueryRunner): Promise<void> {
  for (;;) {
    const rows = await selectRows(
      queryRunner,
      `SELECT id, spec, extension, request_id FROM ${TABLE} WHERE request_key IS NULL ORDER BY id LIMIT ${BACKFILL_BATCH}`,
      [],
    );
    if (rows.length === 0) {
      return;
    }
    for (const row of rows) {
      const key = {
        spec: textColumn(row, 'spec'),
        extension: textColumn(row, 'extension'),
        requestId: textColumn(row, 'request_id'),
      };
      await queryRunner.query(`UPDATE ${TABLE} SET request_key = ? WHERE id = ?`, [
        requestKeyOf(key),
        integerColumn(row, 'id'),
      ]);
    }
  }
}
