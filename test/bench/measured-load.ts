import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { runLoad, type LoadTarget } from './load-runner.js';
import { summariseLoad, type PointMeasurement } from './measurement.js';
import { readProcessCpuMs, readThreadCpuMs, threadCpuDelta } from './process-cpu.js';
import { readProcessMemory, resetPeakMemory } from './process-memory.js';
import { SETTLE_SECONDS_PER_LOAD, type BenchProgress } from './progress.js';

/*
 * One measurement: an unmeasured warm-up (JIT, connection pools, caches), the peak memory reset, then the measured
 * load with the same connections and duration as every other one, and the process's peak resident set and CPU time
 * after it.
 */

export interface LoadSettings {
  readonly connections: number;
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
  /** Prints each load as it starts, with the time left. */
  readonly progress?: BenchProgress;
  /** Collects when the service's measured loads ran, to read its CPU profile over them (`--cpu-prof`). */
  readonly profileWindows?: ProfileWindowLog;
}

/** A measured load of the service, in the monotonic clock of V8's CPU profiles (process.hrtime, microseconds). */
export interface ProfileWindow {
  readonly label: string;
  readonly fromMicros: number;
  readonly toMicros: number;
}

export type ProfileWindowLog = ProfileWindow[];

/** Lets calls still in flight when autocannon stops reach the database before rows are counted. */
const SETTLE_MS = (SETTLE_SECONDS_PER_LOAD * 1000) / 2;

export interface MeasuredServer {
  readonly baseUrl: string;
  readonly pid: number;
}

export interface MeasurementHooks {
  /** What the progress line says, e.g. `"uk: …" on sqlite`. */
  readonly label: string;
  /** Runs after the warm-up, before the measured load (e.g. counting rows). */
  readonly beforeMeasure?: () => Promise<void>;
  /** The service (not the baseline): its measured window goes to the profile windows under `label`. */
  readonly profiled?: boolean;
  /** A database server on this machine whose CPU time the measurement reports beside the service's. */
  readonly databaseServerPid?: number;
}

/** Seconds one load takes with these settings (for the progress estimate). */
export function loadSeconds(settings: LoadSettings): number {
  return settings.warmupSeconds + settings.durationSeconds + SETTLE_SECONDS_PER_LOAD;
}

function monotonicMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

export async function measureLoad(
  server: MeasuredServer,
  targets: readonly LoadTarget[],
  settings: LoadSettings,
  hooks: MeasurementHooks,
): Promise<PointMeasurement> {
  if (settings.progress === undefined) {
    process.stderr.write(`[bench] ${hooks.label}\n`);
  } else {
    settings.progress.load(hooks.label, loadSeconds(settings));
  }
  const runId = randomUUID();
  if (settings.warmupSeconds > 0) {
    await runLoad(server.baseUrl, targets, {
      connections: settings.connections,
      durationSeconds: settings.warmupSeconds,
      requestIdPrefix: `bench-warmup-${runId}`,
    });
    await delay(SETTLE_MS);
  }
  await hooks.beforeMeasure?.();
  const peakReset = await resetPeakMemory(server.pid);
  const cpuBefore = await readProcessCpuMs(server.pid);
  const threadsBefore = await readThreadCpuMs(server.pid);
  const databaseBefore = await readDatabaseServerCpuMs(hooks.databaseServerPid);
  const from = monotonicMicros();
  const result = await runLoad(server.baseUrl, targets, {
    connections: settings.connections,
    durationSeconds: settings.durationSeconds,
    requestIdPrefix: `bench-${runId}`,
  });
  const to = monotonicMicros();
  const cpuAfter = await readProcessCpuMs(server.pid);
  const threadsAfter = await readThreadCpuMs(server.pid);
  const databaseAfter = await readDatabaseServerCpuMs(hooks.databaseServerPid);
  if (hooks.profiled === true) {
    settings.profileWindows?.push({ label: hooks.label, fromMicros: from, toMicros: to });
  }
  await delay(SETTLE_MS);
  const memory = await readProcessMemory(server.pid);
  if (!peakReset && memory !== undefined) {
    process.stderr.write(
      `note: could not reset the peak RSS of process ${server.pid}; the peak shown covers its whole life\n`,
    );
  }
  return summariseLoad(
    result,
    memory?.peakRssBytes,
    cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
    {
      ...(threadsBefore === undefined || threadsAfter === undefined
        ? {}
        : { byThreadMs: threadCpuDelta(threadsBefore, threadsAfter) }),
      ...(databaseBefore === undefined || databaseAfter === undefined
        ? {}
        : { databaseServerMs: databaseAfter - databaseBefore }),
    },
  );
}

async function readDatabaseServerCpuMs(pid: number | undefined): Promise<number | undefined> {
  return pid === undefined ? undefined : readProcessCpuMs(pid);
}
