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

export interface ProfileOwner {
  /** `libs/<library>` of this project, an npm package, `node` (Node's own JavaScript), or `(garbage collector)`, `(program)`. */
  readonly owner: string;
  readonly selfPercent: number;
}

export interface ProfileSummary {
  readonly sampledMs: number;
  /** Time V8 sampled the thread waiting (`(idle)`), in percent: what is left of one core. */
  readonly idlePercent: number;
  readonly top: readonly ProfileFrame[];
  /**
   * Self time by whose code it is; a native function (no script of its own) is charged to the nearest caller that
   * has one, so that a socket write counts as Node's and a SQLite statement as the driver's.
   */
  readonly owners: readonly ProfileOwner[];
}

/** Whose code a script is, from its URL; undefined for a native function. */
export function ownerOf(url: string): string | undefined {
  const library = /\/dist\/(libs\/[^/]+)\//.exec(url) ?? /\/(libs\/[^/]+)\/src\//.exec(url);
  if (library?.[1] !== undefined) {
    return library[1];
  }
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg?.[1] !== undefined) {
    return pkg[1];
  }
  if (url.startsWith('node:')) {
    return 'node';
  }
  return url === '' ? undefined : 'other scripts';
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
export function summariseProfile(
  profile: CpuProfile,
  root: string,
  count = 15,
  windows?: readonly TimeWindow[],
): ProfileSummary {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) {
      parents.set(child, node.id);
    }
  }
  const ownerOfNode = (nodeId: number): string => {
    const name = nodes.get(nodeId)?.callFrame.functionName;
    if (name === '(garbage collector)' || name === '(program)') {
      return name;
    }
    for (let current: number | undefined = nodeId; current !== undefined; current = parents.get(current)) {
      const owner = ownerOf(nodes.get(current)?.callFrame.url ?? '');
      if (owner !== undefined) {
        return owner;
      }
    }
    return '(native, no caller)';
  };
  const selfByFrame = new Map<string, number>();
  const selfByOwner = new Map<string, number>();
  const inWindows = (time: number): boolean =>
    windows === undefined || windows.some((window) => time >= window.fromMicros && time <= window.toMicros);
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
    const owner = ownerOfNode(nodeId);
    selfByOwner.set(owner, (selfByOwner.get(owner) ?? 0) + micros);
  });
  const percent = (micros: number): number => (total === 0 ? 0 : Math.round((micros / total) * 1000) / 10);
  const top = [...selfByFrame]
    .sort((left, right) => right[1] - left[1])
    .slice(0, count)
    .map(([frame, micros]) => ({ frame, selfMs: Math.round(micros / 1000), selfPercent: percent(micros) }));
  const owners = [...selfByOwner]
    .sort((left, right) => right[1] - left[1])
    .map(([owner, micros]) => ({ owner, selfPercent: percent(micros) }));
  return { sampledMs: Math.round(total / 1000), idlePercent: percent(idle), top, owners };
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

/** Owners below this share are left out of the printed line. */
const OWNER_LINE_MIN_PERCENT = 1;

export function formatProfileSummary(title: string, summary: ProfileSummary): string {
  const lines = summary.top.map(
    (entry) => `  ${entry.selfPercent.toFixed(1).padStart(5)}%  ${String(entry.selfMs).padStart(7)} ms  ${entry.frame}`,
  );
  const owners = summary.owners
    .filter((entry) => entry.selfPercent >= OWNER_LINE_MIN_PERCENT)
    .map((entry) => `${entry.owner} ${entry.selfPercent.toFixed(1)}%`);
  return [
    `${title}: ${summary.sampledMs} ms sampled, ${summary.idlePercent.toFixed(1)}% idle; top frames by self time:`,
    ...lines,
    `  by owner: ${owners.join(', ')}`,
  ].join('\n');
}
