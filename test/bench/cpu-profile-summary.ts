import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/*
 * The top frames of a V8 CPU profile (`node --cpu-prof`), by self time: what `--cpu-prof` prints after the service
 * stops, so that a missed target comes with where the service's time went. Pure apart from reading the files, so that
 * the summing is unit-tested.
 */

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  /** Zero-based, as V8 writes it. */
  readonly lineNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

/** The part of a `.cpuprofile` file the summary reads. */
export interface CpuProfile {
  /** Microseconds of the monotonic clock, the one process.hrtime reads. */
  readonly startTime: number;
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  /** Microseconds since the previous sample, one per sample. */
  readonly timeDeltas: readonly number[];
}

export interface ProfileFrame {
  /** `function (file:line)`, the file relative to the project when it is inside it. */
  readonly frame: string;
  readonly selfMs: number;
  /** Share of all sampled time, idle included, in percent. */
  readonly selfPercent: number;
}

export interface ProfileSummary {
  readonly sampledMs: number;
  /** Time V8 sampled the thread waiting (`(idle)`), in percent: what is left of one core. */
  readonly idlePercent: number;
  readonly top: readonly ProfileFrame[];
}

const IDLE = '(idle)';

function frameName(frame: CallFrame, root: string): string {
  const name = frame.functionName === '' ? '(anonymous)' : frame.functionName;
  if (frame.url === '') {
    return name;
  }
  const path = frame.url.startsWith('file://') ? decodeURIComponent(new URL(frame.url).pathname) : frame.url;
  const shown = path.startsWith(root) ? relative(root, path) : path;
  return `${name} (${shown}:${frame.lineNumber + 1})`;
}

/** A span of the monotonic clock, in microseconds (a measured load). */
export interface TimeWindow {
  readonly fromMicros: number;
  readonly toMicros: number;
}

/**
 * Self time per frame (a function at one place, summed over every call path), highest first, over the samples taken
 * inside `windows` (all when none is given): the measured loads, without the start-up and the journeys' preparation.
 */
export function summariseProfile(profile: CpuProfile, root: string, count = 15, windows?: readonly TimeWindow[]): ProfileSummary {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfByFrame = new Map<string, number>();
  const inWindows = (time: number): boolean => windows === undefined || windows.some((window) => time >= window.fromMicros && time <= window.toMicros);
  let total = 0;
  let idle = 0;
  let time = profile.startTime;
  profile.samples.forEach((nodeId, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    time += micros;
    const node = nodes.get(nodeId);
    if (node === undefined || micros <= 0 || !inWindows(time)) {
      return;
    }
    total += micros;
    if (node.callFrame.functionName === IDLE) {
      idle += micros;
      return;
    }
    const name = frameName(node.callFrame, root);
    selfByFrame.set(name, (selfByFrame.get(name) ?? 0) + micros);
  });
  const percent = (micros: number): number => (total === 0 ? 0 : Math.round((micros / total) * 1000) / 10);
  const top = [...selfByFrame]
    .sort((left, right) => right[1] - left[1])
    .slice(0, count)
    .map(([frame, micros]) => ({ frame, selfMs: Math.round(micros / 1000), selfPercent: percent(micros) }));
  return { sampledMs: Math.round(total / 1000), idlePercent: percent(idle), top };
}

export interface ProfileFile {
  readonly path: string;
  /** 0 for the main thread, the worker's thread id otherwise. */
  readonly threadId: number;
}

/**
 * The profiles one process wrote into a folder (`CPU.<date>.<time>.<pid>.<thread>.<sequence>.cpuprofile`, one per
 * thread: the service's writer thread has its own), the main thread first.
 */
export async function profilesOf(folder: string, pid: number): Promise<ProfileFile[]> {
  const files: ProfileFile[] = [];
  for (const name of await readdir(folder)) {
    const match = /^CPU\.\d+\.\d+\.(\d+)\.(\d+)\.\d+\.cpuprofile$/.exec(name);
    if (match !== null && Number(match[1]) === pid) {
      files.push({ path: join(folder, name), threadId: Number(match[2]) });
    }
  }
  return files.sort((left, right) => left.threadId - right.threadId);
}

export async function readProfile(path: string): Promise<CpuProfile> {
  return JSON.parse(await readFile(path, 'utf8')) as CpuProfile;
}

export function formatProfileSummary(title: string, summary: ProfileSummary): string {
  const lines = summary.top.map((entry) => `  ${entry.selfPercent.toFixed(1).padStart(5)}%  ${String(entry.selfMs).padStart(7)} ms  ${entry.frame}`);
  return [`${title}: ${summary.sampledMs} ms sampled, ${summary.idlePercent.toFixed(1)}% idle; top frames by self time:`, ...lines].join('\n');
}
