import type { DataSource } from 'typeorm';

export type DatabaseKind = 'sqlite' | 'mysql';

/** The two families of SQL the repositories speak; everything else about the drivers is hidden by TypeORM. */
export function databaseKindOf(dataSource: DataSource): DatabaseKind {
  const type = dataSource.options.type;
  if (type === 'better-sqlite3') {
    return 'sqlite';
  }
  if (type === 'mysql' || type === 'mariadb') {
    return 'mysql';
  }
  throw new Error(`Unsupported database type "${type}": the service runs on SQLite (better-sqlite3) or MariaDB/MySQL.`);
}
