import type { PointMeasurement, ScalingRatio, ScalingStep } from './measurement.js';

/*
 * The targets, evaluated for the report only: a missed target is printed and written to the JSON, never a
 * failure of the run (the numbers depend on the machine; the lead publishes them from a quiet one).
 */

/**
 * How a point uses the database on its hot path:
 * `none`: nothing but the batched audit trail (off the request path);
 * `reads`: reads only (e.g. the customer's accounts);
 * `writes`: a row per call (idempotency record), checked for lost writes after the run;
 * `counted`: a usage event per call and the consent's counters (usage limits, exact across instances), checked for
 * lost and extra counts after the run.
 */
export type DatabaseUse = 'none' | 'reads' | 'writes' | 'counted';

export const TARGETS = {
  everyPointMinBaselineShare: 0.5,
  noDatabaseMinBaselineShare: 0.6,
  noDatabaseMaxP99Ms: 5,
  writesMinRequestsPerSecond: 3000,
  writesMaxP99Ms: 25,
  countedMinRequestsPerSecond: 5000,
  countedMaxP99Ms: 15,
  /** The share of the baseline with 1,000 mappings or accounts, relative to the share with 1. */
  scalingMinShareOfSmallest: 0.8,
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
  /**
   * Rows beyond the requests sent (answered or cut off when the load stopped): a call written twice. Must be 0; a
   * call cut off may have its row, so rows between the 200s and the requests sent are expected.
   */
  readonly extraWrites: number;
}

/** The rows a load wrote, against its answers and the requests it sent. */
export function writeCount(rowsWritten: number, point: PointMeasurement): WriteCount {
  return {
    rowsWritten,
    lostWrites: Math.max(0, point.ok200 - rowsWritten),
    extraWrites: Math.max(0, rowsWritten - point.sentRequests),
  };
}

/** Unrounded: the printed ratio has two decimals, a target must not be met by rounding. */
function shareOf(point: PointMeasurement, baseline: PointMeasurement | undefined): number | undefined {
  return baseline === undefined || baseline.requestsPerSecond === 0
    ? undefined
    : point.requestsPerSecond / baseline.requestsPerSecond;
}

function shareCheck(point: PointMeasurement, baseline: PointMeasurement | undefined, minimum: number): TargetCheck {
  const share = shareOf(point, baseline);
  return { target: `>= ${minimum}x baseline req/s`, met: share !== undefined && share >= minimum };
}

export function pointTargets(
  use: DatabaseUse,
  point: PointMeasurement,
  baseline: PointMeasurement | undefined,
  writes: WriteCount | undefined,
): TargetCheck[] {
  const checks: TargetCheck[] = [{ target: 'no errors', met: point.errors === 0 && point.non2xx === 0 }];
  switch (use) {
    case 'none':
      checks.push(shareCheck(point, baseline, TARGETS.noDatabaseMinBaselineShare), {
        target: `p99 <= ${TARGETS.noDatabaseMaxP99Ms} ms`,
        met: point.latencyMs.p99 <= TARGETS.noDatabaseMaxP99Ms,
      });
      break;
    case 'reads':
      checks.push(shareCheck(point, baseline, TARGETS.everyPointMinBaselineShare));
      break;
    case 'writes':
      checks.push(
        shareCheck(point, baseline, TARGETS.everyPointMinBaselineShare),
        {
          target: `>= ${TARGETS.writesMinRequestsPerSecond} req/s`,
          met: point.requestsPerSecond >= TARGETS.writesMinRequestsPerSecond,
        },
        { target: `p99 < ${TARGETS.writesMaxP99Ms} ms`, met: point.latencyMs.p99 < TARGETS.writesMaxP99Ms },
        { target: 'no lost writes', met: writes !== undefined && writes.lostWrites === 0 },
      );
      break;
    case 'counted':
      checks.push(
        shareCheck(point, baseline, TARGETS.everyPointMinBaselineShare),
        {
          target: `>= ${TARGETS.countedMinRequestsPerSecond} req/s`,
          met: point.requestsPerSecond >= TARGETS.countedMinRequestsPerSecond,
        },
        { target: `p99 <= ${TARGETS.countedMaxP99Ms} ms`, met: point.latencyMs.p99 <= TARGETS.countedMaxP99Ms },
        {
          target: 'no lost or extra counts',
          met: writes !== undefined && writes.lostWrites === 0 && writes.extraWrites === 0,
        },
      );
      break;
  }
  return checks;
}

/** Scaling by counter rows: every size at most `maxRatio` times the smallest size's median latency (same bytes). */
export function scalingTarget(ratios: readonly ScalingRatio[], maxRatio: number): TargetCheck {
  return {
    target: `p50 at most ${maxRatio}x the smallest size`,
    met: ratios.every((entry) => entry.p50Ratio !== undefined && entry.p50Ratio <= maxRatio),
  };
}

/**
 * Scaling by mappings or accounts, where the bytes grow with the size: the service's share of a baseline that parses
 * and answers the same bytes must stay at least `minimum` times its share at the smallest size. What the body's own
 * parsing and answering cost is the baseline's too; what the service adds per mapping or account is not.
 */
export function scalingShareTarget(steps: readonly ScalingStep[], minimum: number): TargetCheck {
  const share = (step: ScalingStep | undefined): number | undefined =>
    step?.baseline === undefined || step.baseline.requestsPerSecond === 0
      ? undefined
      : step.measurement.requestsPerSecond / step.baseline.requestsPerSecond;
  const smallest = share([...steps].sort((left, right) => left.size - right.size)[0]);
  return {
    target: `share of the baseline at least ${minimum}x the smallest size's`,
    met:
      smallest !== undefined &&
      steps.every((step) => {
        const own = share(step);
        return own !== undefined && own >= minimum * smallest;
      }),
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
