import { randomUUID } from 'node:crypto';
import type { ChaosDatabaseChoice } from './chaos-database.js';

/** What every scenario is given by the command line. */
export interface ScenarioSettings {
  readonly database: ChaosDatabaseChoice;
  /** Seconds of load. */
  readonly durationSeconds: number;
  /** Concurrent callers of the load. */
  readonly workers: number;
  /** The machine's MariaDB, where the scenarios that do not start their own create (and drop) their database. */
  readonly mariadbUrl: string;
  readonly quick: boolean;
}

/** A prefix for the requestIds of one run: distinct across runs, so the checks count only this run's rows. */
export function runPrefix(scenario: string): string {
  return `chaos-${scenario}-${randomUUID().slice(0, 8)}`;
}

/** The bound on the calls of one load, whatever its duration: far above what 2 cores answer in that time. */
export function maxCallsFor(durationSeconds: number): number {
  return durationSeconds * 5000;
}
