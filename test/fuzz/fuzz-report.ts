import { readFile, writeFile } from 'node:fs/promises';
import type { CampaignResult, FuzzInput, Violation } from './fuzz-campaign.js';

/* What a fuzz run prints, and the file of failing inputs that `--replay` reads back. */

/** One violation per line: the input (bytes in base64) and what was wrong with its answer. */
interface ViolationLine {
  readonly spec: string;
  readonly extension: string;
  readonly index: number;
  readonly seedSource: string;
  readonly mutations: readonly string[];
  readonly transport: string;
  readonly contentType: string | null;
  readonly bodyBase64: string;
  readonly status: number | null;
  readonly answer: string;
  readonly violations: readonly string[];
}

export async function writeViolations(file: string, violations: readonly Violation[]): Promise<void> {
  const lines = violations.map((violation): ViolationLine => ({
    spec: violation.input.spec,
    extension: violation.input.extension,
    index: violation.input.index,
    seedSource: violation.input.seedSource,
    mutations: violation.input.mutations,
    transport: violation.input.transport,
    contentType: violation.input.contentType ?? null,
    bodyBase64: violation.input.body.toString('base64'),
    status: violation.status ?? null,
    answer: violation.answer,
    violations: violation.violations,
  }));
  await writeFile(file, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
}

export async function readReplayInputs(file: string): Promise<FuzzInput[]> {
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const parsed = JSON.parse(line) as ViolationLine;
      return {
        index: parsed.index,
        spec: parsed.spec,
        extension: parsed.extension as FuzzInput['extension'],
        seedSource: parsed.seedSource,
        mutations: parsed.mutations,
        transport: parsed.transport,
        contentType: parsed.contentType ?? undefined,
        body: Buffer.from(parsed.bodyBase64, 'base64'),
      };
    });
}

/** A few lines per violation for the terminal; the file has the whole input. */
export function formatViolation(violation: Violation): string {
  const { input } = violation;
  const preview =
    input.body.length > 300
      ? `${input.body.subarray(0, 300).toString('latin1')}... (${input.body.length} bytes)`
      : input.body.toString('latin1');
  return [
    `✗ #${input.index} ${input.spec}/${input.extension} (seed ${input.seedSource}; ${input.mutations.join('; ')}; ${input.transport})`,
    `    HTTP ${violation.status ?? '-'} ${violation.answer.slice(0, 300)}`,
    ...violation.violations.map((text) => `    - ${text}`),
    `    sent: ${JSON.stringify(preview)}`,
  ].join('\n');
}

/** The closing lines: by point, then one summary line with the seed, the counts and the time. */
export function formatSummary(result: CampaignResult): string {
  const points = [...result.byPoint.entries()].sort(([a], [b]) => a.localeCompare(b));
  const statuses = [...result.byStatus.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => `${status}=${count}`);
  const lines = [
    'By point (inputs / violations):',
    ...points.map(([point, tally]) => `  ${point} ${tally.inputs} / ${tally.violations}`),
  ];
  lines.push(
    `FUZZ seed=${result.seed} inputs=${result.inputs} violations=${result.violationCount} points=${result.byPoint.size} ` +
      `time=${(result.elapsedMs / 1000).toFixed(1)}s statuses ${statuses.join(' ')}${result.stoppedByTimeLimit ? ' (stopped by the time limit)' : ''}`,
  );
  return lines.join('\n');
}
