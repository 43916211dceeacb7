import type { Outcome } from './calls.js';
import { formatOffset, type Timeline } from './timeline.js';
import type { Checks } from './violations.js';

/** What a scenario prints: its timeline, its measured figures and its checks. */
export interface ScenarioReport {
  readonly title: string;
  readonly timeline: Timeline;
  readonly figures: readonly string[];
  readonly checks: Checks;
}

export function outcomeLine(label: string, counts: Readonly<Record<Outcome, number>>): string {
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  return `${label}: ${total} attempts: ${counts.success} success, ${counts.refused} refused (limit), ${counts.fault} contract errors, ${counts.malformed} malformed, ${counts['no-answer']} without answer`;
}

export function formatReport(report: ScenarioReport): string {
  const lines = [`== ${report.title}`, 'Timeline'];
  for (const event of report.timeline.events()) {
    lines.push(`  ${formatOffset(event.atMs)}  ${event.text}`);
  }
  lines.push('Figures');
  report.figures.forEach((figure) => lines.push(`  ${figure}`));
  lines.push('Checks');
  for (const check of report.checks.all()) {
    lines.push(`  ${check.passed ? 'ok  ' : 'FAIL'}  ${check.description}: ${check.detail}`);
  }
  const failed = report.checks.failed.length;
  lines.push(
    failed === 0
      ? `PASSED: ${report.title}`
      : `FAILED: ${report.title} (${failed} of ${report.checks.all().length} checks)`,
  );
  return lines.join('\n');
}
