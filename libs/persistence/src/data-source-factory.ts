import type { DataSource, DataSourceOptions } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options.js';
import { ServiceDataSource } from './service-data-source.js';

/**
 * An initialised DataSource for DATABASE_URL, for command-line tools and tests; the Nest application gets its own
 * through PersistenceModule. The caller destroys it. A SQLite file's folder is created if missing.
 */
export async function createDataSource(databaseUrl: string | undefined): Promise<DataSource> {
  return initialiseDataSource(buildDataSourceOptions(databaseUrl));
}

/**
 * Initialises a DataSource, telling TypeORM whether a mysql:// server is in fact MariaDB. The same mysql2 driver
 * talks to both, but TypeORM reads a MariaDB schema right (column defaults in particular, which MariaDB reports
 * differently) only under type "mariadb", and DATABASE_URL commonly says mysql:// for either: the server is asked.
 */
export async function initialiseDataSource(options: DataSourceOptions): Promise<DataSource> {
  let dataSource = await new ServiceDataSource(options).initialize();
  if (options.type === 'mysql' && (await isMariaDbServer(dataSource))) {
    await dataSource.destroy();
    dataSource = await new ServiceDataSource({ ...options, type: 'mariadb' }).initialize();
  }
  return describeMysqlLargeTextColumns(dataSource);
}

/**
 * Replayed answers echo the TPP's consent body (a bulk payment can exceed 64 KiB), so on MySQL/MariaDB the migration
 * stores them in MEDIUMTEXT (16 MiB) rather than TEXT (64 KiB). SQLite's TypeORM driver knows no MEDIUMTEXT, so the
 * entity says `text`; the metadata is told the MySQL type here, where the driver is known, so that the schema-drift
 * check compares like with like.
 */
function describeMysqlLargeTextColumns(dataSource: DataSource): DataSource {
  if (dataSource.options.type === 'mysql' || dataSource.options.type === 'mariadb') {
    const column = dataSource.getMetadata('extension_request').findColumnWithDatabaseName('response_body');
    if (column) {
      column.type = 'mediumtext';
    }
  }
  return dataSource;
}

async function isMariaDbServer(dataSource: DataSource): Promise<boolean> {
  const rows: unknown = await dataSource.query('SELECT VERSION() AS version');
  const version: unknown = Array.isArray(rows) ? (rows[0] as { version?: unknown } | undefined)?.version : undefined;
  return typeof version === 'string' && version.includes('MariaDB');
}
