import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import type { BenchReport, MachineDescription } from './bench-results.js';
import { toMiB } from './measurement.js';
import { formatProfileSummary } from './cpu-profile-summary.js';
import { formatPointTable, formatScalingTable, formatSoak } from './report-format.js';

/* Prints the report as tables and writes it as JSON. */

export function describeMachine(): MachineDescription {
  const processors = cpus();
  return {
    cpus: processors.length,
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    totalMemoryMiB: toMiB(totalmem()),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

export function formatReport(report: BenchReport): string {
  const { machine, settings } = report;
  const load =
    settings.soakSeconds === undefined
      ? `${settings.connections} connections, ${settings.durationSeconds} s per run after ${settings.warmupSeconds} s of warm-up`
      : `${settings.connections} connections, soak of ${settings.soakSeconds} s`;
  const loadAverage = (values: readonly number[]): string => values.map((value) => value.toFixed(2)).join(' ');
  const sections: string[] = [
    `Consent extension service benchmark, ${report.startedAt}`,
    [
      `${machine.cpus} x ${machine.cpuModel}, ${machine.totalMemoryMiB} MiB, Node ${machine.node}; ${load}`,
      `load average (1, 5, 15 min): ${loadAverage(report.loadAverage.atStart)} at the start, ${loadAverage(report.loadAverage.atEnd)} at the end`,
    ].join('\n'),
  ];
  const scenarioNames = [...new Set(report.points.map((point) => point.scenario))];
  for (const scenario of scenarioNames) {
    const baseline = report.baselines.find((entry) => entry.scenario === scenario);
    sections.push(
      formatPointTable(
        scenario,
        baseline,
        report.points.filter((point) => point.scenario === scenario),
      ),
    );
  }
  sections.push(...report.scaling.map(formatScalingTable), ...report.soak.map(formatSoak));
  if (report.profiles.length > 0) {
    sections.push(
      [
        'CPU profiles of the service during the measured loads (--cpu-prof):',
        ...report.profiles.map((profile) =>
          formatProfileSummary(`${profile.load}, ${profile.thread} thread`, profile.summary),
        ),
      ].join('\n\n'),
    );
  }
  if (report.skipped.length > 0) {
    sections.push(
      [
        'Skipped:',
        ...report.skipped.map(
          (entry) =>
            `  ${entry.scenario}${entry.database === undefined ? '' : ` (${entry.database})`}: ${entry.reason}`,
        ),
      ].join('\n'),
    );
  }
  return `${sections.join('\n\n')}\n`;
}

export async function writeJsonReport(path: string, report: BenchReport): Promise<string> {
  const absolute = resolve(path);
  await mkdir(dirname(absolute), { recursive: true });
  await writeFile(absolute, `${JSON.stringify(report, null, 2)}\n`);
  return absolute;
}
