import { Table, TableIndex, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';
import { databaseKindOf } from '../sql/database-kind.js';
import { eventKeyOf } from '../usage/event-key.js';
import { execute, integerColumn, nullableTextColumn, selectRows, textColumn } from '../sql/sql-rows.js';

const TABLE = 'usage_event';
const REBUILT = 'usage_event_rebuilt';
const CREATED_AT_INDEX = 'IDX_usage_event_created_at';
/** Rows copied per round trip when SQLite's events are given their key in JavaScript (SQLite has no SHA-256). */
const COPY_BATCH = 1000;

/**
 * Keys usage events by `event_key`, the SHA-256 of the request id (eventKeyOf), instead of by the request id itself:
 * MariaDB's collations, the binary one included, ignore trailing spaces, so `abc` and `abc ` were one event there, and
 * the second call was either replayed with the first one's outcome or refused. A digest compares exactly on both
 * databases. The table is rebuilt with the key as its primary key; existing events keep replaying.
 */
export class ExactUsageEventKeys1796700000000 implements MigrationInterface {
  readonly name = 'ExactUsageEventKeys1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(eventTable(queryRunner, REBUILT, true));
    if (databaseKindOf(queryRunner.connection) === 'mysql') {
      // SHA2 over a utf8mb4 column digests its UTF-8 bytes: the same key as eventKeyOf.
      await queryRunner.query(
        `INSERT INTO ${REBUILT} (event_key, request_id, outcome, refused_key, created_at) ` +
          `SELECT SHA2(request_id, 256), request_id, outcome, refused_key, created_at FROM ${TABLE}`,
      );
    } else {
      await copyWithKeys(queryRunner);
    }
    await swap(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(eventTable(queryRunner, REBUILT, false));
    // Request ids that differ only by trailing spaces are one event again: the first one stays (INSERT IGNORE /
    // OR IGNORE), as the old schema would have kept it.
    const ignore = databaseKindOf(queryRunner.connection) === 'mysql' ? 'IGNORE' : 'OR IGNORE';
    await queryRunner.query(
      `INSERT ${ignore} INTO ${REBUILT} (request_id, outcome, refused_key, created_at) SELECT request_id, outcome, refused_key, created_at FROM ${TABLE} ORDER BY created_at`,
    );
    await swap(queryRunner);
  }
}

function eventTable(queryRunner: QueryRunner, name: string, keyed: boolean): Table {
  const isMysql = databaseKindOf(queryRunner.connection) === 'mysql';
  const key = isMysql ? { charset: 'utf8mb4', collation: 'utf8mb4_bin' } : {};
  const varchar = (column: string, length: number, options: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
    name: column,
    type: 'varchar',
    length: String(length),
    isNullable: false,
    ...key,
    ...options,
  });
  return new Table({
    name,
    columns: [
      ...(keyed ? [varchar('event_key', 64, { isPrimary: true })] : []),
      varchar('request_id', 128, keyed ? {} : { isPrimary: true }),
      varchar('outcome', 16),
      varchar('refused_key', 255, { isNullable: true }),
      { name: 'created_at', type: 'bigint', isNullable: false },
    ],
  });
}

async function copyWithKeys(queryRunner: QueryRunner): Promise<void> {
  for (let offset = 0; ; offset += COPY_BATCH) {
    const rows = await selectRows(
      queryRunner,
      `SELECT request_id, outcome, refused_key, created_at FROM ${TABLE} ORDER BY rowid LIMIT ? OFFSET ?`,
      [COPY_BATCH, offset],
    );
    for (const row of rows) {
      const requestId = textColumn(row, 'request_id');
      await execute(
        queryRunner,
        `INSERT INTO ${REBUILT} (event_key, request_id, outcome, refused_key, created_at) VALUES (?, ?, ?, ?, ?)`,
        [
          eventKeyOf(requestId),
          requestId,
          textColumn(row, 'outcome'),
          nullableTextColumn(row, 'refused_key'),
          integerColumn(row, 'created_at'),
        ],
      );
    }
    if (rows.length < COPY_BATCH) {
      return;
    }
  }
}

async function swap(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.dropTable(TABLE);
  await queryRunner.renameTable(REBUILT, TABLE);
  await queryRunner.createIndex(TABLE, new TableIndex({ name: CREATED_AT_INDEX, columnNames: ['created_at'] }));
}
