import type { ExtensionName } from '@app/contract';
import type { BankDataSet } from '@app/persistence';
import type { IdentityServerSimulator, SimulatedExchange } from '@app/testing';
import type { DataSource } from 'typeorm';
import { countRows } from './bench-database.js';
import type { DatabaseUse } from './targets.js';

/*
 * A scenario: one extension point of one specification, called with the body the identity server would send at that
 * point of a realistic journey. A specification adds its scenarios to scenario-catalogue.ts; a scenario runs only when
 * the service serves its specification.
 */

/** Counts the rows a point writes, before and after a load, to find lost writes. */
export type RowCounter = (dataSource: DataSource) => Promise<number>;

export interface BenchScenario {
  /** Unique; printed as the table's title and used by `--only`. */
  readonly name: string;
  /** The specification id, the first path segment (`default`, `uk`, `berlin`, `uae`). */
  readonly spec: string;
  readonly extension: ExtensionName;
  readonly databaseUse: DatabaseUse;
  /** Required when `databaseUse` is `writes` or `counted`: the rows one successful call adds. */
  readonly writtenRows?: RowCounter;
  /**
   * Drives the simulator through the journey up to this point and returns the exchange of the point itself, whose
   * bytes the load repeats (with a fresh requestId each time). The exchange must be accepted by the identity server.
   */
  prepare(simulator: IdentityServerSimulator): Promise<SimulatedExchange>;
  /**
   * String values of the prepared body that must differ on every request, besides the requestId: a point that counts
   * once per value (a payment's idempotency key) would otherwise answer every repetition as a replay, not a new call.
   */
  perRequestValues?(exchange: SimulatedExchange): readonly string[];
  /**
   * How many times `prepare` runs (1 unless given), each journey with its own consent; the load sends their bodies in
   * turn. For a point whose limit per consent is lower than the calls of a run and cannot be raised enough, and for
   * the counted points' second shape of traffic: calls spread over many consents rather than all on one.
   */
  readonly preparedConsents?: number;
  /** Customers the scenario's journeys need, imported into the embedded bank before it is prepared. */
  readonly bankData?: BankDataSet;
}

/** The counted points' second shape of traffic: calls spread over this many consents rather than all on one. */
export const SPREAD_CONSENTS = 1000;

/** The idempotency records of a point: the identity server stores these points' answers, so each call writes one row. */
export function extensionRequestRows(spec: string, extension: ExtensionName): RowCounter {
  return (dataSource) =>
    countRows(
      dataSource,
      `SELECT COUNT(*) AS n FROM extension_request WHERE spec = ? AND extension = ? AND state = 'completed'`,
      [spec, extension],
    );
}

/** One usage event per counted call (UsageCounterRepository.consume), for the scenarios with usage limits. */
export const usageEventRows: RowCounter = (dataSource) =>
  countRows(dataSource, 'SELECT COUNT(*) AS n FROM usage_event');
