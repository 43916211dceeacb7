import type { BaselineResult, PointResult, ScalingResult, SoakResult } from './bench-results.js';
import type { PointMeasurement } from './measurement.js';
import { describeChecks } from './targets.js';

/* The plain-text tables `npm run bench` prints. Pure: results in, lines out. */

/** Columns padded to their widest cell; the first column left-aligned, the others right-aligned (numbers). */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** A number with exactly `digits` decimals (a column reads evenly), `-` when unknown. */
export function formatNumber(value: number | undefined, digits = 1): string {
  if (value === undefined || !Number.isFinite(value)) {
    return '-';
  }
  return value.toFixed(digits);
}

export function formatRatio(value: number | undefined): string {
  return value === undefined ? '-' : `${value.toFixed(2)}x`;
}

const POINT_HEADER = [
  'server',
  'req/s',
  'p50 ms',
  'p99 ms',
  'max ms',
  'errors',
  'non-2xx',
  'vs baseline',
  'CPU µs/call',
  'peak RSS MiB',
  'rows / lost / extra',
];

function measurementCells(measurement: PointMeasurement): string[] {
  return [
    formatNumber(measurement.requestsPerSecond, 0),
    formatNumber(measurement.latencyMs.p50, 2),
    formatNumber(measurement.latencyMs.p99, 2),
    formatNumber(measurement.latencyMs.max, 2),
    String(measurement.errors),
    String(measurement.non2xx),
  ];
}

/** One table per point: the baseline, then the service on each database. */
export function formatPointTable(
  scenario: string,
  baseline: BaselineResult | undefined,
  points: readonly PointResult[],
): string {
  const rows: string[][] = [];
  if (baseline !== undefined) {
    rows.push([
      'baseline (bare Fastify)',
      ...measurementCells(baseline.measurement),
      '1.00x',
      formatNumber(baseline.measurement.cpuMicrosPerCall, 0),
      formatNumber(baseline.measurement.peakRssMiB),
      '-',
    ]);
  }
  for (const point of points) {
    rows.push([
      `service on ${point.database}`,
      ...measurementCells(point.measurement),
      formatRatio(point.baselineRatio),
      formatNumber(point.measurement.cpuMicrosPerCall, 0),
      formatNumber(point.measurement.peakRssMiB),
      point.writes === undefined
        ? '-'
        : `${point.writes.rowsWritten} / ${point.writes.lostWrites} / ${point.writes.extraWrites}`,
    ]);
  }
  const first = points[0];
  const sizes =
    first === undefined
      ? ''
      : ` (request ${first.requestBytes} B, answer ${first.answerBytes} B, database use: ${first.databaseUse})`;
  const targetLines = points.map((point) => `  targets on ${point.database}: ${describeChecks(point.targets)}`);
  const cpuLines = points.flatMap((point) => {
    const breakdown = describeCpuBreakdown(point.measurement);
    return breakdown === undefined ? [] : [`  CPU µs/call on ${point.database}: ${breakdown}`];
  });
  return [`${scenario}${sizes}`, formatTable(POINT_HEADER, rows), ...targetLines, ...cpuLines].join('\n');
}

/** Threads named in the CPU breakdown of a point; the rest are summed as `others`. */
const NAMED_THREADS = 3;

/**
 * Where a call's CPU time went: the service's busiest threads (`main thread 125, sqlite-writer 75, …`), and the
 * database server's beside it when it runs on this machine. undefined when neither was measured.
 */
export function describeCpuBreakdown(measurement: PointMeasurement): string | undefined {
  const parts: string[] = [];
  // A thread under half a microsecond a call (the inspector's, a timer's) says nothing about the call.
  const threads = Object.entries(measurement.cpuMicrosPerCallByThread ?? {}).filter(([, micros]) => micros > 0);
  if (threads.length > 0) {
    const named = threads.slice(0, NAMED_THREADS).map(([name, micros]) => `${name} ${micros}`);
    const others = threads.slice(NAMED_THREADS).reduce((sum, [, micros]) => sum + micros, 0);
    parts.push([...named, ...(threads.length > NAMED_THREADS ? [`others ${others}`] : [])].join(', '));
  }
  if (measurement.databaseServerCpuMicrosPerCall !== undefined) {
    parts.push(`the MariaDB server ${measurement.databaseServerCpuMicrosPerCall}`);
  }
  return parts.length === 0 ? undefined : parts.join('; ');
}

export function formatScalingTable(result: ScalingResult): string {
  const withBaseline = result.steps.some((step) => step.baseline !== undefined);
  const rows = result.steps.map((step, index) => {
    const ratios = result.ratios[index];
    const sizes = [step.size.toLocaleString('en-US'), String(step.requestBytes), String(step.answerBytes)];
    const errors = String(step.measurement.errors + step.measurement.non2xx);
    if (withBaseline) {
      return [
        ...sizes,
        formatNumber(step.baseline?.requestsPerSecond, 0),
        formatNumber(step.measurement.requestsPerSecond, 0),
        formatRatio(ratios?.baselineShare),
        formatRatio(ratios?.shareOfSmallest),
        formatNumber(step.measurement.latencyMs.p50, 2),
        formatNumber(step.measurement.latencyMs.p99, 2),
        formatNumber(step.measurement.cpuMicrosPerCall, 0),
        errors,
      ];
    }
    return [
      ...sizes,
      formatNumber(step.measurement.requestsPerSecond, 0),
      formatNumber(step.measurement.latencyMs.p50, 2),
      formatNumber(step.measurement.latencyMs.p99, 2),
      formatNumber(step.measurement.latencyMs.mean, 2),
      formatNumber(step.measurement.cpuMicrosPerCall, 0),
      errors,
      formatRatio(ratios?.p50Ratio),
      formatRatio(ratios?.p99Ratio),
    ];
  });
  const header = withBaseline
    ? [
        result.sizeUnit,
        'request B',
        'answer B',
        'baseline req/s',
        'req/s',
        'vs baseline',
        'vs smallest',
        'p50 ms',
        'p99 ms',
        'CPU µs/call',
        'errors',
      ]
    : [
        result.sizeUnit,
        'request B',
        'answer B',
        'req/s',
        'p50 ms',
        'p99 ms',
        'mean ms',
        'CPU µs/call',
        'errors',
        'p50 vs smallest',
        'p99 vs smallest',
      ];
  return [
    `Scaling on ${result.database}: ${result.name}`,
    formatTable(header, rows),
    `  target (${result.target.target}): ${result.target.met ? 'met' : 'MISSED'}`,
  ].join('\n');
}

export function formatSoak(result: SoakResult): string {
  const rows = [
    [
      result.database,
      String(result.seconds),
      formatNumber(result.measurement.requestsPerSecond, 0),
      formatNumber(result.measurement.latencyMs.p99, 2),
      String(result.measurement.errors + result.measurement.non2xx),
      formatNumber(result.rssAfterWarmupMiB),
      formatNumber(result.rssAtEndMiB),
      result.growthPercent === undefined ? '-' : `${formatNumber(result.growthPercent)}%`,
      formatNumber(result.measurement.peakRssMiB),
    ],
  ];
  return [
    `Soak on ${result.database}: mixed load of every served scenario`,
    formatTable(
      [
        'database',
        'seconds',
        'req/s',
        'p99 ms',
        'errors',
        'RSS after warm-up MiB',
        'RSS at end MiB',
        'growth',
        'peak RSS MiB',
      ],
      rows,
    ),
    `  RSS samples (MiB): ${result.rssSamplesMiB.map((sample) => formatNumber(sample)).join(' ')}`,
    `  target (${result.target.target}): ${result.target.met ? 'met' : 'MISSED'}`,
  ].join('\n');
}
