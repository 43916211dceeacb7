import { readFile } from 'node:fs/promises';
import type { BenchReport, PointResult } from './bench-results.js';
import { formatNumber, formatRatio, formatTable } from './report-format.js';

/*
 * `--compare old.json`: the run's points next to a previous run's (its `--json` report), matched by scenario and
 * database. The ratio to the baseline is the column to read when the two runs had different machines or loads; the
 * requests per second only compare on the same machine, equally quiet. Pure apart from reading the file.
 */

/** Scenarios renamed since earlier reports, so that their numbers still line up. */
export const RENAMED_SCENARIOS: Readonly<Record<string, string>> = {
  'uk: validate-consent-access (VRP payment within limits)': 'uk: validate-consent-access (VRP payments, one consent)',
  // It spread its reads over 200 consents then, 1,000 now.
  'berlin: validate-consent-access (account read, counted)':
    'berlin: validate-consent-access (counted account reads, 1,000 consents)',
  'uae: validate-consent-access (multi-payment within limits)':
    'uae: validate-consent-access (multi-payments, one consent)',
};

/** The parts of a previous report the comparison reads. */
export interface PreviousReport {
  readonly startedAt: string;
  readonly machine: { readonly cpus: number; readonly cpuModel: string; readonly node: string };
  readonly points: readonly PointResult[];
}

export interface PointComparison {
  readonly scenario: string;
  readonly database: string;
  readonly before: PointResult | undefined;
  readonly after: PointResult | undefined;
}

export class CompareFileError extends Error {
  override readonly name = 'CompareFileError';
}

export async function readPreviousReport(path: string): Promise<PreviousReport> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error: unknown) {
    throw new CompareFileError(`--compare ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray((parsed as { points?: unknown }).points)) {
    throw new CompareFileError(`--compare ${path}: not a JSON report of npm run bench (no "points")`);
  }
  return parsed as PreviousReport;
}

/** Every (scenario, database) of either run, in the current run's order, then those only the previous run had. */
export function comparePoints(previous: PreviousReport, current: Pick<BenchReport, 'points'>): PointComparison[] {
  const key = (scenario: string, database: string): string => `${RENAMED_SCENARIOS[scenario] ?? scenario}\n${database}`;
  const before = new Map(previous.points.map((point) => [key(point.scenario, point.database), point]));
  const comparisons: PointComparison[] = current.points.map((point) => {
    const found = before.get(key(point.scenario, point.database));
    before.delete(key(point.scenario, point.database));
    return { scenario: point.scenario, database: point.database, before: found, after: point };
  });
  for (const point of before.values()) {
    comparisons.push({ scenario: point.scenario, database: point.database, before: point, after: undefined });
  }
  return comparisons;
}

function change(before: number | undefined, after: number | undefined): string {
  if (before === undefined || after === undefined || before === 0) {
    return '-';
  }
  const percent = ((after - before) / before) * 100;
  return `${percent >= 0 ? '+' : ''}${percent.toFixed(0)}%`;
}

export function formatComparison(
  path: string,
  previous: PreviousReport,
  comparisons: readonly PointComparison[],
): string {
  const rows = comparisons.map(({ scenario, database, before, after }) => [
    `${scenario} (${database})`,
    formatNumber(before?.measurement.requestsPerSecond, 0),
    formatNumber(after?.measurement.requestsPerSecond, 0),
    change(before?.measurement.requestsPerSecond, after?.measurement.requestsPerSecond),
    formatRatio(before?.baselineRatio),
    formatRatio(after?.baselineRatio),
    formatNumber(before?.measurement.latencyMs.p99, 2),
    formatNumber(after?.measurement.latencyMs.p99, 2),
    formatNumber(before?.measurement.cpuMicrosPerCall, 0),
    formatNumber(after?.measurement.cpuMicrosPerCall, 0),
  ]);
  const { machine } = previous;
  return [
    `Compared with ${path} (${previous.startedAt}, ${machine.cpus} x ${machine.cpuModel}, Node ${machine.node})`,
    formatTable(
      [
        'point (database)',
        'req/s before',
        'req/s now',
        'change',
        'x baseline before',
        'x baseline now',
        'p99 before',
        'p99 now',
        'CPU µs before',
        'CPU µs now',
      ],
      rows,
    ),
  ].join('\n');
}
