import { summariseLatencies } from './latency-statistics.js';

/*
 * What one measured load of one scenario yields, in the units the tables and the JSON report use. Pure: built from
 * autocannon's result and the process readings, so that it is unit-tested without a server.
 */

/** The part of autocannon's result the bench reads (a structural subset of `autocannon.Result`). */
export interface LoadCounts {
  readonly duration: number;
  /** `total`: answers received; `sent`: requests written, those still unanswered when the load stopped included. */
  readonly requests: { readonly total: number; readonly sent?: number };
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly statusCodeStats?: Readonly<Record<string, { readonly count?: number }>>;
}

/** A finished load: autocannon's counts and the response time of every answer, in milliseconds. */
export interface LoadResult {
  readonly counts: LoadCounts;
  readonly latenciesMs: ArrayLike<number>;
  /** 2xx answers whose envelope is not `status: SUCCESS`: a business refusal is not a served call. */
  readonly refusals: number;
}

export interface PointMeasurement {
  /** Completed requests per second over the measured duration. */
  readonly requestsPerSecond: number;
  readonly totalRequests: number;
  /** Requests written, answered or not: a point that writes may have written up to this many rows. */
  readonly sentRequests: number;
  readonly latencyMs: { readonly p50: number; readonly p99: number; readonly max: number; readonly mean: number };
  /** Connection errors, timeouts and refused calls (HTTP 200 with `status: ERROR`): must be 0. */
  readonly errors: number;
  readonly non2xx: number;
  /** Answers with HTTP 200, which a write scenario compares with the rows it finds. */
  readonly ok200: number;
  /** Peak resident memory of the serving process during the run, in MiB (VmHWM). */
  readonly peakRssMiB: number | undefined;
  /**
   * CPU time of the serving process (every thread) per answer, in microseconds: what a call costs the server, which
   * other load on the machine moves far less than requests per second.
   */
  readonly cpuMicrosPerCall: number | undefined;
  /**
   * The same CPU time by thread of the serving process (`main thread`, `sqlite-writer`…), largest first; absent where
   * /proc has no threads to read, and in reports written before it was measured.
   */
  readonly cpuMicrosPerCallByThread?: Readonly<Record<string, number>>;
  /** CPU time of the database server (a MariaDB on this machine) per answer: what a call costs it, beside the service. */
  readonly databaseServerCpuMicrosPerCall?: number;
}

/** CPU time read around a load besides the process total: by thread, and the database server's. */
export interface CpuDetail {
  readonly byThreadMs?: ReadonlyMap<string, number>;
  readonly databaseServerMs?: number;
}

const BYTES_PER_MIB = 1024 * 1024;

export function toMiB(bytes: number): number {
  return Math.round((bytes / BYTES_PER_MIB) * 10) / 10;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Requests per second as total/duration: autocannon's `average` is a per-second sample mean that drops partial seconds. */
export function summariseLoad(
  result: LoadResult,
  peakRssBytes: number | undefined,
  cpuMs?: number,
  cpuDetail: CpuDetail = {},
): PointMeasurement {
  const { counts } = result;
  const perCall = (ms: number): number => round((ms * 1000) / counts.requests.total, 0);
  const { byThreadMs, databaseServerMs } = counts.requests.total === 0 ? {} : cpuDetail;
  const seconds = counts.duration > 0 ? counts.duration : 1;
  const latency = summariseLatencies(result.latenciesMs);
  return {
    requestsPerSecond: round(counts.requests.total / seconds, 1),
    totalRequests: counts.requests.total,
    sentRequests: Math.max(counts.requests.sent ?? counts.requests.total, counts.requests.total),
    latencyMs: {
      p50: round(latency.p50, 2),
      p99: round(latency.p99, 2),
      max: round(latency.max, 2),
      mean: round(latency.mean, 2),
    },
    errors: counts.errors + counts.timeouts + result.refusals,
    non2xx: counts.non2xx,
    ok200: counts.statusCodeStats?.['200']?.count ?? 0,
    peakRssMiB: peakRssBytes === undefined ? undefined : toMiB(peakRssBytes),
    cpuMicrosPerCall: cpuMs === undefined || counts.requests.total === 0 ? undefined : perCall(cpuMs),
    ...(byThreadMs === undefined
      ? {}
      : {
          cpuMicrosPerCallByThread: Object.fromEntries(
            [...byThreadMs].sort(([, left], [, right]) => right - left).map(([name, ms]) => [name, perCall(ms)]),
          ),
        }),
    ...(databaseServerMs === undefined ? {} : { databaseServerCpuMicrosPerCall: perCall(databaseServerMs) }),
  };
}

/** `numerator / denominator` rounded to two decimals; undefined when the denominator is missing or zero. */
export function ratio(numerator: number, denominator: number | undefined): number | undefined {
  if (denominator === undefined || denominator === 0 || !Number.isFinite(denominator)) {
    return undefined;
  }
  return round(numerator / denominator, 2);
}

/** The requests per second of a point as a share of the baseline's for the same body (1 = as fast as bare Fastify). */
export function baselineRatio(point: PointMeasurement, baseline: PointMeasurement | undefined): number | undefined {
  return ratio(point.requestsPerSecond, baseline?.requestsPerSecond);
}

export interface ScalingStep {
  /** e.g. 1, 100, 1000 (mappings, accounts) or 0 and 1,000,000 (counter rows). */
  readonly size: number;
  /** Bytes of the request and of the service's answer: part of the cost grows with them, whatever the code does. */
  readonly requestBytes: number;
  readonly answerBytes: number;
  readonly measurement: PointMeasurement;
  /**
   * The baseline server given the same request and asked for an answer of the same size: what parsing and answering
   * these bytes costs by itself. Absent where the bytes do not change with the size (the counter rows).
   */
  readonly baseline?: PointMeasurement;
}

export interface ScalingRatio {
  readonly size: number;
  readonly p50Ratio: number | undefined;
  readonly p99Ratio: number | undefined;
  readonly meanRatio: number | undefined;
  /** Requests per second of the service as a share of its size's baseline (when the step has one). */
  readonly baselineShare?: number | undefined;
  /**
   * `baselineShare` relative to the smallest size's: 1 when the service keeps the same share of the baseline as the
   * call grows, that is when all the growth is the cost of the bytes themselves.
   */
  readonly shareOfSmallest?: number | undefined;
}

/** Each size relative to the smallest size: latencies, and the share of the baseline where there is one. */
export function scalingRatios(steps: readonly ScalingStep[]): ScalingRatio[] {
  const smallest = [...steps].sort((left, right) => left.size - right.size)[0];
  const shareOf = (step: ScalingStep | undefined): number | undefined =>
    step?.baseline === undefined || step.baseline.requestsPerSecond === 0
      ? undefined
      : step.measurement.requestsPerSecond / step.baseline.requestsPerSecond;
  const smallestShare = shareOf(smallest);
  return steps.map((step) => {
    const share = shareOf(step);
    return {
      size: step.size,
      p50Ratio: ratio(step.measurement.latencyMs.p50, smallest?.measurement.latencyMs.p50),
      p99Ratio: ratio(step.measurement.latencyMs.p99, smallest?.measurement.latencyMs.p99),
      meanRatio: ratio(step.measurement.latencyMs.mean, smallest?.measurement.latencyMs.mean),
      ...(share === undefined ? {} : { baselineShare: round(share, 2), shareOfSmallest: ratio(share, smallestShare) }),
    };
  });
}

/** Growth of RSS from `start` to `end` in percent, one decimal. */
export function growthPercent(start: number, end: number): number | undefined {
  if (start <= 0) {
    return undefined;
  }
  return round(((end - start) / start) * 100, 1);
}
