import type { RecordedExchange } from './recording-client.js';

/*
 * What a conformance run produced: one case per check or journey step, grouped in suites, which the JUnit and HTML
 * reports render. A case is `passed`, `failed`, or `skipped` with the reason (a point that is not enabled, a check
 * that needs credentials the run was not given).
 */

export type CaseStatus = 'passed' | 'failed' | 'skipped';

export interface ConformanceCase {
  /** Stable and unique within its suite, so that a CI server can follow a case from run to run. */
  readonly name: string;
  readonly status: CaseStatus;
  /** One line: what was found, or why the case failed or was skipped. */
  readonly detail: string;
  readonly durationMs: number;
  readonly exchanges: readonly RecordedExchange[];
}

export interface ConformanceSuite {
  /** `transport` or `journey <name>`. */
  readonly name: string;
  readonly description: string;
  readonly cases: readonly ConformanceCase[];
}

export interface ConformanceReport {
  /** The implementation's root URL, without credentials. */
  readonly baseUrl: string;
  /** The path segment called: the specification, or a bank module served under its own id. */
  readonly servedAs: string;
  /** The specification whose journey ran. */
  readonly spec: string;
  /** The enabled points, or undefined for all 24. */
  readonly points: readonly string[] | undefined;
  readonly startedAt: Date;
  readonly durationMs: number;
  readonly suites: readonly ConformanceSuite[];
}

export interface ConformanceCounts {
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

export function countCases(cases: readonly ConformanceCase[]): ConformanceCounts {
  const count = (status: CaseStatus): number => cases.filter((entry) => entry.status === status).length;
  return { total: cases.length, passed: count('passed'), failed: count('failed'), skipped: count('skipped') };
}

export function reportCounts(report: ConformanceReport): ConformanceCounts {
  return countCases(report.suites.flatMap((suite) => suite.cases));
}

/** True when no case failed. */
export function reportPassed(report: ConformanceReport): boolean {
  return reportCounts(report).failed === 0;
}
