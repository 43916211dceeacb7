import 'reflect-metadata';
import { loadavg } from 'node:os';
import {
  comparePoints,
  CompareFileError,
  formatComparison,
  readPreviousReport,
  type PreviousReport,
} from './bench-compare.js';
import type {
  BaselineResult,
  BenchReport,
  PointResult,
  ProfileResult,
  ScalingResult,
  SkippedScenario,
  SoakResult,
} from './bench-results.js';
import {
  BENCH_USAGE,
  BenchArgumentError,
  parseBenchArguments,
  type BenchOptions,
  type DatabaseChoice,
} from './bench-options.js';
import { DatabaseUnavailableError, openBenchDatabase, type BenchDatabase } from './bench-database.js';
import { describeMachine, formatReport, writeJsonReport } from './bench-report-writer.js';
import { startBaseline } from './baseline-under-test.js';
import type { ChildServer } from './child-server.js';
import { profilesOf, readProfile, summariseProfile } from './cpu-profile-summary.js';
import { loadSeconds, type LoadSettings, type ProfileWindowLog } from './measured-load.js';
import { baselineOf, measurePoint, prepareScenarios, type ProgressLog } from './point-section.js';
import { BenchProgress } from './progress.js';
import { SCALING_SIZES } from './scaling-bank-data.js';
import { runScalingSection, type ScalingBaselines } from './scaling-section.js';
import { SCENARIOS, selectScenarios } from './scenario-catalogue.js';
import type { BenchScenario } from './scenario.js';
import { ServiceUnderTest } from './service-under-test.js';
import { runSoak, soakWarmupSeconds } from './soak-section.js';

/*
 * `npm run bench`: the baseline, then the service on each database (SQLite, MariaDB) through every served scenario
 * and the scaling section, or only the soak with `--soak <s>`. Targets are reported, never asserted: the exit code is
 * non-zero only when the bench itself could not run.
 */

const log: ProgressLog = (line) => process.stderr.write(`[bench] ${line}\n`);
/** Frames listed per measured load with `--cpu-prof`. */
const PROFILE_TOP_FRAMES = 12;

interface Collected {
  readonly baselines: Map<string, BaselineResult>;
  readonly scalingBaselines: ScalingBaselines;
  readonly points: PointResult[];
  readonly scaling: ScalingResult[];
  readonly soak: SoakResult[];
  readonly skipped: SkippedScenario[];
  readonly profiles: ProfileResult[];
}

/**
 * The loads of these scenarios on one database, for the progress estimate: their own, their baselines on the first
 * database, and their two loads of the counter-table scaling.
 */
function scenarioLoads(scenarios: readonly BenchScenario[], options: BenchOptions, firstDatabase: boolean): number {
  const accessScenarios = scenarios.filter((scenario) => scenario.extension === 'validate-consent-access').length;
  return scenarios.length * (firstDatabase ? 2 : 1) + (options.scaling ? 2 * accessScenarios : 0);
}

/** The loads of one database: its scenarios', and the scaling sizes (with their baselines on the first database). */
function databaseLoads(scenarios: readonly BenchScenario[], options: BenchOptions, firstDatabase: boolean): number {
  const scalingSizes = options.scaling ? 2 * SCALING_SIZES.length * (firstDatabase ? 2 : 1) : 0;
  return scenarioLoads(scenarios, options, firstDatabase) + scalingSizes;
}

async function openOrSkip(
  choice: DatabaseChoice,
  options: BenchOptions,
  skipped: SkippedScenario[],
): Promise<BenchDatabase | undefined> {
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

/** The top frames of each measured load in every thread's profile the service wrote (`--cpu-prof`). */
async function summariseProfiles(
  folder: string,
  pid: number,
  database: DatabaseChoice,
  windows: ProfileWindowLog,
): Promise<ProfileResult[]> {
  const results: ProfileResult[] = [];
  const root = process.cwd();
  for (const file of await profilesOf(folder, pid)) {
    const profile = await readProfile(file.path);
    const thread = file.threadId === 0 ? 'main' : `worker ${file.threadId}`;
    for (const window of windows) {
      const summary = summariseProfile(profile, root, PROFILE_TOP_FRAMES, [window]);
      if (summary.sampledMs > 0) {
        results.push({
          database,
          load: window.label,
          thread,
          window: { fromMicros: window.fromMicros, toMicros: window.toMicros },
          summary,
        });
      }
    }
  }
  log(`CPU profiles of process ${pid} summarised from ${folder}`);
  return results;
}

async function benchDatabase(
  database: BenchDatabase,
  scenarios: readonly BenchScenario[],
  options: BenchOptions,
  baseline: ChildServer | undefined,
  progress: BenchProgress,
  collected: Collected,
): Promise<void> {
  const profileWindows: ProfileWindowLog = [];
  const settings: LoadSettings = {
    connections: options.connections,
    durationSeconds: options.durationSeconds,
    warmupSeconds: options.warmupSeconds,
    progress,
    profileWindows,
  };
  log(`starting the service on ${database.choice}`);
  const service = await ServiceUnderTest.start(
    database,
    options.cpuProfileDir === undefined ? {} : { cpuProfileDir: options.cpuProfileDir },
  );
  const pid = service.pid;
  try {
    const prepared = await prepareScenarios(service, scenarios, database, collected.skipped, log);
    const unprepared = scenarios.filter((scenario) => !prepared.some((entry) => entry.scenario === scenario));
    if (options.soakSeconds !== undefined) {
      collected.soak.push(
        await runSoak(service, database.choice, prepared, options.soakSeconds, options.connections, log, progress),
      );
      return;
    }
    progress.unplan(scenarioLoads(unprepared, options, collected.baselines.size === 0), loadSeconds(settings));
    if (baseline === undefined) {
      throw new Error('the baseline server is not running');
    }
    for (const entry of prepared) {
      const baselineResult = await baselineOf(entry, baseline, collected.baselines, settings);
      collected.points.push(await measurePoint(entry, service, database, baselineResult, settings));
    }
    if (options.scaling) {
      collected.scaling.push(
        ...(await runScalingSection(
          service,
          database,
          prepared,
          baseline,
          collected.scalingBaselines,
          settings,
          collected.skipped,
          log,
        )),
      );
    }
  } finally {
    await service.stop();
    if (options.cpuProfileDir !== undefined) {
      collected.profiles.push(
        ...(await summariseProfiles(options.cpuProfileDir, pid, database.choice, profileWindows)),
      );
    }
  }
}

async function main(): Promise<number> {
  let options: BenchOptions;
  let previous: PreviousReport | undefined;
  try {
    const parsed = parseBenchArguments(process.argv.slice(2));
    if (parsed.kind === 'help') {
      process.stdout.write(`${BENCH_USAGE}\n`);
      return 0;
    }
    options = parsed.options;
    // Read first: a wrong path should stop the run before, not after, its minutes of loads.
    previous = options.comparePath === undefined ? undefined : await readPreviousReport(options.comparePath);
  } catch (error: unknown) {
    if (error instanceof BenchArgumentError || error instanceof CompareFileError) {
      process.stderr.write(`${error.message}\n\n${BENCH_USAGE}\n`);
      return 2;
    }
    throw error;
  }
  const startedAt = new Date().toISOString();
  const loadAtStart = loadavg();
  const collected: Collected = {
    baselines: new Map(),
    scalingBaselines: new Map(),
    points: [],
    scaling: [],
    soak: [],
    skipped: [],
    profiles: [],
  };
  const scenarios = selectScenarios(SCENARIOS, options.only);
  const progress = new BenchProgress(log);
  const perLoad = loadSeconds(options);
  options.databases.forEach((_choice, index) => {
    if (options.soakSeconds === undefined) {
      progress.plan(databaseLoads(scenarios, options, index === 0), perLoad);
    } else {
      progress.plan(1, soakWarmupSeconds(options.soakSeconds) + options.soakSeconds);
    }
  });
  log(
    `${options.databases.join(' and ')}, ${scenarios.length} scenarios: ${progress.timeLeft()} of loads, plus the journeys prepared for them`,
  );
  const baseline = options.soakSeconds === undefined ? await startBaseline() : undefined;
  try {
    for (const [index, choice] of options.databases.entries()) {
      const database = await openOrSkip(choice, options, collected.skipped);
      if (database === undefined) {
        if (options.soakSeconds === undefined) {
          progress.unplan(databaseLoads(scenarios, options, index === 0), perLoad);
        }
        continue;
      }
      try {
        await benchDatabase(database, scenarios, options, baseline, progress, collected);
      } finally {
        await database.dispose();
      }
    }
  } finally {
    await baseline?.stop();
  }
  const report: BenchReport = {
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: describeMachine(),
    loadAverage: { atStart: loadAtStart, atEnd: loadavg() },
    settings: {
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      warmupSeconds: options.warmupSeconds,
      soakSeconds: options.soakSeconds,
    },
    baselines: [...collected.baselines.values()],
    points: collected.points,
    scaling: collected.scaling,
    soak: collected.soak,
    skipped: collected.skipped,
    profiles: collected.profiles,
  };
  process.stdout.write(formatReport(report));
  if (previous !== undefined && options.comparePath !== undefined) {
    process.stdout.write(`\n${formatComparison(options.comparePath, previous, comparePoints(previous, report))}\n`);
  }
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
