import 'reflect-metadata';
import type { BaselineResult, PointResult, ScalingResult, SkippedScenario, SoakResult } from './bench-results.js';
import { BENCH_USAGE, BenchArgumentError, parseBenchArguments, type BenchOptions, type DatabaseChoice } from './bench-options.js';
import { DatabaseUnavailableError, openBenchDatabase, type BenchDatabase } from './bench-database.js';
import { describeMachine, formatReport, writeJsonReport } from './bench-report-writer.js';
import { startBaseline } from './baseline-under-test.js';
import type { ChildServer } from './child-server.js';
import type { LoadSettings } from './measured-load.js';
import { baselineOf, measurePoint, prepareScenarios, type ProgressLog } from './point-section.js';
import { runScalingSection } from './scaling-section.js';
import { SCENARIOS, selectScenarios } from './scenario-catalogue.js';
import { ServiceUnderTest } from './service-under-test.js';
import { runSoak } from './soak-section.js';

/*
 * `npm run bench`: the baseline, then the service on each database (SQLite, MariaDB) through every served scenario
 * and the scaling section, or only the soak with `--soak <s>`. Targets are reported, never asserted: the exit code is
 * non-zero only when the bench itself could not run.
 */

const log: ProgressLog = (line) => process.stderr.write(`[bench] ${line}\n`);

interface Collected {
  readonly baselines: Map<string, BaselineResult>;
  readonly points: PointResult[];
  readonly scaling: ScalingResult[];
  readonly soak: SoakResult[];
  readonly skipped: SkippedScenario[];
}

async function openOrSkip(choice: DatabaseChoice, options: BenchOptions, skipped: SkippedScenario[]): Promise<BenchDatabase | undefined> {
  try {
    return await openBenchDatabase(choice, options.mariadbUrl);
  } catch (error: unknown) {
    if (!(error instanceof DatabaseUnavailableError)) {
      throw error;
    }
    log(`notice: skipping ${choice}: ${error.message}`);
    skipped.push({ scenario: 'every scenario', database: choice, reason: error.message });
    return undefined;
  }
}

async function benchDatabase(database: BenchDatabase, options: BenchOptions, baseline: ChildServer | undefined, collected: Collected): Promise<void> {
  const settings: LoadSettings = { connections: options.connections, durationSeconds: options.durationSeconds, warmupSeconds: options.warmupSeconds };
  log(`starting the service on ${database.choice}`);
  const service = await ServiceUnderTest.start(database, options.cpuProfileDir === undefined ? {} : { cpuProfileDir: options.cpuProfileDir });
  try {
    const prepared = await prepareScenarios(service, selectScenarios(SCENARIOS, options.only), database, collected.skipped, log);
    if (options.soakSeconds !== undefined) {
      collected.soak.push(await runSoak(service, database.choice, prepared, options.soakSeconds, options.connections, log));
      return;
    }
    if (baseline === undefined) {
      throw new Error('the baseline server is not running');
    }
    for (const entry of prepared) {
      const baselineResult = await baselineOf(entry, baseline, collected.baselines, settings, log);
      collected.points.push(await measurePoint(entry, service, database, baselineResult, settings, log));
    }
    if (options.scaling) {
      collected.scaling.push(...(await runScalingSection(service, database, prepared, settings, collected.skipped, log)));
    }
  } finally {
    await service.stop();
  }
}

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    const parsed = parseBenchArguments(process.argv.slice(2));
    if (parsed.kind === 'help') {
      process.stdout.write(`${BENCH_USAGE}\n`);
      return 0;
    }
    options = parsed.options;
  } catch (error: unknown) {
    if (error instanceof BenchArgumentError) {
      process.stderr.write(`${error.message}\n\n${BENCH_USAGE}\n`);
      return 2;
    }
    throw error;
  }
  const startedAt = new Date().toISOString();
  const collected: Collected = { baselines: new Map(), points: [], scaling: [], soak: [], skipped: [] };
  const baseline = options.soakSeconds === undefined ? await startBaseline() : undefined;
  try {
    for (const choice of options.databases) {
      const database = await openOrSkip(choice, options, collected.skipped);
      if (database === undefined) {
        continue;
      }
      try {
        await benchDatabase(database, options, baseline, collected);
      } finally {
        await database.dispose();
      }
    }
  } finally {
    await baseline?.stop();
  }
  const report = {
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: describeMachine(),
    settings: { connections: options.connections, durationSeconds: options.durationSeconds, warmupSeconds: options.warmupSeconds, soakSeconds: options.soakSeconds },
    baselines: [...collected.baselines.values()],
    points: collected.points,
    scaling: collected.scaling,
    soak: collected.soak,
    skipped: collected.skipped,
  };
  process.stdout.write(formatReport(report));
  if (options.jsonPath !== undefined) {
    log(`JSON report written to ${await writeJsonReport(options.jsonPath, report)}`);
  }
  const measuredSomething = report.points.length > 0 || report.scaling.length > 0 || report.soak.length > 0;
  if (!measuredSomething) {
    log('nothing was measured');
  }
  return measuredSomething ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
