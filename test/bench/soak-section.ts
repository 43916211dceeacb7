import { randomUUID } from 'node:crypto';
import type { SoakResult } from './bench-results.js';
import type { DatabaseChoice } from './bench-options.js';
import { runLoad } from './load-runner.js';
import { growthPercent, summariseLoad, toMiB } from './measurement.js';
import type { PreparedScenario, ProgressLog } from './point-section.js';
import { readProcessMemory, resetPeakMemory } from './process-memory.js';
import { formatDuration, type BenchProgress } from './progress.js';
import type { ServiceUnderTest } from './service-under-test.js';
import { soakTarget } from './targets.js';

/*
 * The soak: every served scenario at once (each connection cycles through them) for the given time, with the
 * service's RSS read after a warm-up, sampled during the load, and read at the end, so that a leak shows as growth.
 */

const SAMPLE_INTERVAL_MS = 5000;
/** How often the soak says how far it is. */
const PROGRESS_EVERY_SAMPLES = 6;
const MIN_WARMUP_SECONDS = 5;
const MAX_WARMUP_SECONDS = 30;

/** A tenth of the soak, between 5 and 30 s: long enough for caches and pools to reach their working size. */
export function soakWarmupSeconds(soakSeconds: number): number {
  return Math.min(MAX_WARMUP_SECONDS, Math.max(MIN_WARMUP_SECONDS, Math.round(soakSeconds / 10)));
}

export async function runSoak(
  service: ServiceUnderTest,
  database: DatabaseChoice,
  prepared: readonly PreparedScenario[],
  seconds: number,
  connections: number,
  log: ProgressLog,
  progress?: BenchProgress,
): Promise<SoakResult> {
  const targets = prepared.map((entry) => entry.target);
  const runId = randomUUID();
  const warmup = soakWarmupSeconds(seconds);
  const label = `soak on ${database}: ${warmup} s of warm-up, then ${seconds} s of mixed load over ${targets.length} scenarios`;
  if (progress === undefined) {
    log(label);
  } else {
    progress.load(label, warmup + seconds);
  }
  await runLoad(service.baseUrl, targets, {
    connections,
    durationSeconds: warmup,
    requestIdPrefix: `soak-warmup-${runId}`,
  });
  const start = await readProcessMemory(service.pid);
  await resetPeakMemory(service.pid);
  const samples: number[] = [];
  let ticks = 0;
  const sampler = setInterval(() => {
    ticks += 1;
    if (ticks % PROGRESS_EVERY_SAMPLES === 0) {
      const done = (ticks * SAMPLE_INTERVAL_MS) / 1000;
      log(`soak on ${database}: ${done} s of ${seconds} s, ${formatDuration(Math.max(0, seconds - done))} left`);
    }
    void readProcessMemory(service.pid).then((memory) => {
      if (memory !== undefined) {
        samples.push(toMiB(memory.rssBytes));
      }
    });
  }, SAMPLE_INTERVAL_MS);
  let result;
  try {
    result = await runLoad(service.baseUrl, targets, {
      connections,
      durationSeconds: seconds,
      requestIdPrefix: `soak-${runId}`,
    });
  } finally {
    clearInterval(sampler);
  }
  const end = await readProcessMemory(service.pid);
  const growth = start === undefined || end === undefined ? undefined : growthPercent(start.rssBytes, end.rssBytes);
  return {
    database,
    seconds,
    measurement: summariseLoad(result, end?.peakRssBytes),
    rssAfterWarmupMiB: start === undefined ? undefined : toMiB(start.rssBytes),
    rssAtEndMiB: end === undefined ? undefined : toMiB(end.rssBytes),
    growthPercent: growth,
    rssSamplesMiB: samples,
    target: soakTarget(growth),
  };
}
