import type { DatabaseChoice } from './bench-options.js';
import type { ProfileSummary, TimeWindow } from './cpu-profile-summary.js';
import type { PointMeasurement, ScalingRatio, ScalingStep } from './measurement.js';
import type { DatabaseUse, TargetCheck, WriteCount } from './targets.js';

/* Everything one `npm run bench` finds: what the tables print and the JSON report holds. */

export interface PointResult {
  readonly scenario: string;
  readonly spec: string;
  readonly extension: string;
  readonly databaseUse: DatabaseUse;
  readonly database: DatabaseChoice;
  readonly requestBytes: number;
  readonly answerBytes: number;
  readonly measurement: PointMeasurement;
  /** Requests per second relative to the baseline for the same body and answer size. */
  readonly baselineRatio: number | undefined;
  readonly writes: WriteCount | undefined;
  readonly targets: readonly TargetCheck[];
}

export interface BaselineResult {
  readonly scenario: string;
  readonly measurement: PointMeasurement;
}

export interface SkippedScenario {
  readonly scenario: string;
  readonly database: DatabaseChoice | undefined;
  readonly reason: string;
}

export interface ScalingResult {
  readonly name: string;
  readonly database: DatabaseChoice;
  /** What the size counts: account mappings, accounts, usage-counter rows. */
  readonly sizeUnit: string;
  readonly steps: readonly ScalingStep[];
  readonly ratios: readonly ScalingRatio[];
  readonly target: TargetCheck;
}

export interface SoakResult {
  readonly database: DatabaseChoice;
  readonly seconds: number;
  readonly measurement: PointMeasurement;
  readonly rssAfterWarmupMiB: number | undefined;
  readonly rssAtEndMiB: number | undefined;
  readonly growthPercent: number | undefined;
  /** RSS every sampling interval during the soak, in MiB. */
  readonly rssSamplesMiB: readonly number[];
  readonly target: TargetCheck;
}

export interface MachineDescription {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly totalMemoryMiB: number;
  readonly node: string;
  readonly platform: string;
}

/** The top frames of the service's CPU profile during one measured load (`--cpu-prof`). */
export interface ProfileResult {
  readonly database: DatabaseChoice;
  /** The load, as its progress line names it. */
  readonly load: string;
  /** `main` for the event loop, `worker <id>` for a worker thread (the SQLite writer). */
  readonly thread: string;
  /** When the load ran, in the profile's clock (microseconds of process.hrtime). */
  readonly window: TimeWindow;
  readonly summary: ProfileSummary;
}

export interface BenchReport {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly machine: MachineDescription;
  readonly settings: {
    readonly connections: number;
    readonly durationSeconds: number;
    readonly warmupSeconds: number;
    /** Set in soak mode, where only the soak runs. */
    readonly soakSeconds: number | undefined;
  };
  readonly baselines: readonly BaselineResult[];
  readonly points: readonly PointResult[];
  readonly scaling: readonly ScalingResult[];
  readonly soak: readonly SoakResult[];
  readonly skipped: readonly SkippedScenario[];
  readonly profiles: readonly ProfileResult[];
  /** The machine's load averages (1, 5, 15 min) when the run started and ended: other work moves the numbers. */
  readonly loadAverage: { readonly atStart: readonly number[]; readonly atEnd: readonly number[] };
}
