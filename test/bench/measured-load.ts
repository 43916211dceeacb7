import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { runLoad, type LoadTarget } from './load-runner.js';
import { summariseLoad, type PointMeasurement } from './measurement.js';
import { readProcessMemory, resetPeakMemory } from './process-memory.js';

/*
 * One measurement: an unmeasured warm-up (JIT, connection pools, caches), the peak memory reset, then the measured
 * load with the same connections and duration as every other one, and the process's peak resident set after it.
 */

export interface LoadSettings {
  readonly connections: number;
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
}

/** Lets calls still in flight when autocannon stops reach the database before rows are counted. */
const SETTLE_MS = 500;

export interface MeasuredServer {
  readonly baseUrl: string;
  readonly pid: number;
}

export interface MeasurementHooks {
  /** Runs after the warm-up, before the measured load (e.g. counting rows). */
  readonly beforeMeasure?: () => Promise<void>;
}

export async function measureLoad(server: MeasuredServer, targets: readonly LoadTarget[], settings: LoadSettings, hooks: MeasurementHooks = {}): Promise<PointMeasurement> {
  const runId = randomUUID();
  if (settings.warmupSeconds > 0) {
    await runLoad(server.baseUrl, targets, { connections: settings.connections, durationSeconds: settings.warmupSeconds, requestIdPrefix: `bench-warmup-${runId}` });
    await delay(SETTLE_MS);
  }
  await hooks.beforeMeasure?.();
  const peakReset = await resetPeakMemory(server.pid);
  const result = await runLoad(server.baseUrl, targets, { connections: settings.connections, durationSeconds: settings.durationSeconds, requestIdPrefix: `bench-${runId}` });
  await delay(SETTLE_MS);
  const memory = await readProcessMemory(server.pid);
  if (!peakReset && memory !== undefined) {
    process.stderr.write(`note: could not reset the peak RSS of process ${server.pid}; the peak shown covers its whole life\n`);
  }
  return summariseLoad(result, memory?.peakRssBytes);
}
