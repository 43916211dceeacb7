import { openBenchDatabase, type BenchDatabase } from '../bench/bench-database.js';

/*
 * The database of one scenario: a fresh SQLite file, or a database created on a MariaDB server (the machine's own,
 * the scenario's own mariadbd, or a Galera node) and dropped at the end: the bench's helper, which also migrates it and
 * keeps a connection for the checks.
 */

export type ChaosDatabaseChoice = 'sqlite' | 'mariadb';

export const CHAOS_DATABASE_NAME = 'consent_ext_chaos';

export function openChaosDatabase(choice: ChaosDatabaseChoice, mariadbServerUrl: string): Promise<BenchDatabase> {
  const url = new URL(mariadbServerUrl);
  url.pathname = `/${CHAOS_DATABASE_NAME}`;
  return openBenchDatabase(choice, url.toString());
}

/** The URL of the scenario's database on another server of the same cluster (a Galera node). */
export function onServer(databaseUrl: string, host: string, port: number): string {
  const url = new URL(databaseUrl);
  url.hostname = host;
  url.port = String(port);
  return url.toString();
}
