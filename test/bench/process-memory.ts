import { readFile, writeFile } from 'node:fs/promises';

/*
 * Memory of a child process as `/usr/bin/time` would report it, read from Linux's /proc/<pid>/status: VmHWM is the
 * peak resident set ("maximum resident set size"), VmRSS the current one. Writing 5 to /proc/<pid>/clear_refs resets
 * the peak, so that each scenario's peak is its own and not the highest of the whole process life.
 */

export interface MemoryReading {
  readonly rssBytes: number;
  readonly peakRssBytes: number;
}

const KIB = 1024;

/** Reads `VmRSS` and `VmHWM` (reported in kB) from the text of /proc/<pid>/status. */
export function parseProcStatus(statusText: string): MemoryReading | undefined {
  const kibOf = (field: string): number | undefined => {
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB$`, 'm').exec(statusText);
    return match?.[1] === undefined ? undefined : Number(match[1]) * KIB;
  };
  const rssBytes = kibOf('VmRSS');
  const peakRssBytes = kibOf('VmHWM');
  if (rssBytes === undefined || peakRssBytes === undefined) {
    return undefined;
  }
  return { rssBytes, peakRssBytes };
}

/** undefined where /proc does not exist (not Linux) or the process is gone. */
export async function readProcessMemory(pid: number): Promise<MemoryReading | undefined> {
  try {
    return parseProcStatus(await readFile(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Resets VmHWM to the current RSS; false when the kernel refuses (the peak then covers the whole process life). */
export async function resetPeakMemory(pid: number): Promise<boolean> {
  try {
    await writeFile(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
