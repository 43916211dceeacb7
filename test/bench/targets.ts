import type { PointMeasurement, ScalingRatio } from './measurement.js';

/*
 * The targets, evaluated for the report only: a missed target is printed and written to the JSON, never a
 * failure of the run (the numbers depend on the machine; the lead publishes them from a quiet one).
 */

/**
 * How a point uses the database on its hot path:
 * `none`: nothing but the batched audit trail (off the request path);
 * `reads`: reads only (e.g. the customer's accounts);
 * `writes`: a row per call (idempotency record, usage counter), checked for lost writes after the run.
 */
export type DatabaseUse = 'none' | 'reads' | 'writes';

export const TARGETS = {
  noDatabaseMinBaselineShare: 0.5,
  noDatabaseMaxP99Ms: 10,
  writesMinRequestsPerSecond: 3000,
  writesMaxP99Ms: 25,
  scalingMaxLatencyRatio: 3,
  fullCounterTableMaxLatencyRatio: 1.2,
  soakMaxRssGrowthPercent: 10,
} as const;

export interface TargetCheck {
  readonly target: string;
  readonly met: boolean;
}

export interface WriteCount {
  /** Rows the run added to the table the point writes. */
  readonly rowsWritten: number;
  /** Calls answered 200 that have no row: must be 0. */
  readonly lostWrites: number;
}

export function pointTargets(use: DatabaseUse, point: PointMeasurement, baseline: PointMeasurement | undefined, writes: WriteCount | undefined): TargetCheck[] {
  const checks: TargetCheck[] = [{ target: 'no errors', met: point.errors === 0 && point.non2xx === 0 }];
  switch (use) {
    case 'none': {
      // Unrounded: the printed ratio has two decimals, the target must not be met by rounding.
      const share = baseline === undefined || baseline.requestsPerSecond === 0 ? undefined : point.requestsPerSecond / baseline.requestsPerSecond;
      checks.push(
        { target: `>= ${TARGETS.noDatabaseMinBaselineShare * 100}% of baseline req/s`, met: share !== undefined && share >= TARGETS.noDatabaseMinBaselineShare },
        { target: `p99 < ${TARGETS.noDatabaseMaxP99Ms} ms`, met: point.latencyMs.p99 < TARGETS.noDatabaseMaxP99Ms },
      );
      break;
    }
    case 'writes':
      checks.push(
        { target: `>= ${TARGETS.writesMinRequestsPerSecond} req/s`, met: point.requestsPerSecond >= TARGETS.writesMinRequestsPerSecond },
        { target: `p99 < ${TARGETS.writesMaxP99Ms} ms`, met: point.latencyMs.p99 < TARGETS.writesMaxP99Ms },
        { target: 'no lost writes', met: writes !== undefined && writes.lostWrites === 0 },
      );
      break;
    case 'reads':
      // The issue sets no throughput target for points that only read; the error count still applies.
      break;
  }
  return checks;
}

/** Scaling: every size at most `maxRatio` times the smallest size's median latency. */
export function scalingTarget(ratios: readonly ScalingRatio[], maxRatio: number): TargetCheck {
  return {
    target: `p50 at most ${maxRatio}x the smallest size`,
    met: ratios.every((entry) => entry.p50Ratio !== undefined && entry.p50Ratio <= maxRatio),
  };
}

export function soakTarget(growthPercent: number | undefined): TargetCheck {
  return {
    target: `RSS at the end within ${TARGETS.soakMaxRssGrowthPercent}% of RSS after warm-up`,
    met: growthPercent !== undefined && growthPercent <= TARGETS.soakMaxRssGrowthPercent,
  };
}

export function describeChecks(checks: readonly TargetCheck[]): string {
  const missed = checks.filter((check) => !check.met);
  return missed.length === 0 ? 'met' : `MISSED: ${missed.map((check) => check.target).join('; ')}`;
}
