import { parsePrometheusText, type PrometheusSample } from './prometheus-text.js';

/** The calls of one extension point of one specification, by outcome, with their durations. */
export interface PointMetrics {
  readonly outcomes: ReadonlyArray<{
    readonly outcome: string;
    readonly calls: number;
    readonly meanMs: number | undefined;
  }>;
  /** Cumulative calls answered within each bound (all outcomes), from the histogram. */
  readonly buckets: ReadonlyArray<{ readonly upToSeconds: number; readonly calls: number }>;
}

/** Reads `extension_requests_total` and `extension_request_duration_seconds` of one point from the service's /metrics. */
export function pointMetrics(metricsText: string, spec: string, extension: string): PointMetrics {
  const samples = parsePrometheusText(metricsText).filter(
    (sample) => sample.labels.spec === spec && sample.labels.extension === extension,
  );
  const sum = (name: string, match: (sample: PrometheusSample) => boolean): number =>
    samples
      .filter((sample) => sample.name === name && match(sample))
      .reduce((total, sample) => total + sample.value, 0);
  const outcomes = [
    ...new Set(
      samples.filter((sample) => sample.name === 'extension_requests_total').map((sample) => sample.labels.outcome),
    ),
  ]
    .sort()
    .map((outcome) => {
      const calls = sum('extension_requests_total', (sample) => sample.labels.outcome === outcome);
      const count = sum('extension_request_duration_seconds_count', (sample) => sample.labels.outcome === outcome);
      const seconds = sum('extension_request_duration_seconds_sum', (sample) => sample.labels.outcome === outcome);
      return { outcome, calls, meanMs: count === 0 ? undefined : (seconds / count) * 1000 };
    });
  const bounds = [
    ...new Set(
      samples
        .filter((sample) => sample.name === 'extension_request_duration_seconds_bucket')
        .map((sample) => sample.labels.le),
    ),
  ];
  const buckets = bounds
    .map((bound) => ({
      upToSeconds: bound === '+Inf' ? Number.POSITIVE_INFINITY : Number(bound),
      calls: sum('extension_request_duration_seconds_bucket', (sample) => sample.labels.le === bound),
    }))
    .sort((left, right) => left.upToSeconds - right.upToSeconds);
  return { outcomes, buckets };
}
