import { readdir, readFile } from 'node:fs/promises';

/*
 * CPU time a child process has used, all its threads together, from Linux's /proc/<pid>/stat (utime + stime, in
 * clock ticks). Divided by the answers of a load, it is what one call costs the server, a number that other load on
 * the machine moves far less than requests per second: with 2 shared cores busy with other work, throughput falls,
 * the CPU a call needs does not.
 */

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ): 100 on every Linux architecture Node supports. */
const TICKS_PER_SECOND = 100;

/** utime + stime in milliseconds from the text of /proc/<pid>/stat; the command name may hold spaces and parentheses. */
export function parseProcStat(statText: string): number | undefined {
  const fields = statText.slice(statText.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of proc(5); the slice starts at field 3 (state).
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isInteger(utime) || !Number.isInteger(stime)) {
    return undefined;
  }
  return ((utime + stime) * 1000) / TICKS_PER_SECOND;
}

/** undefined where /proc does not exist (not Linux) or the process is gone. */
export async function readProcessCpuMs(pid: number): Promise<number | undefined> {
  try {
    return parseProcStat(await readFile(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The name the breakdown gives the thread whose id is the process id (Node's event loop). */
export const MAIN_THREAD = 'main thread';

/**
 * CPU time per thread of a process, in milliseconds, summed by thread name (`/proc/<pid>/task/<tid>/comm`: the
 * SQLite writer's `sqlite-writer`, V8's `V8Worker` helpers, libuv's pool…; Linux keeps 15 characters of a name). A
 * profile's self time is wall time, and a thread that waits for a core (2 shared cores, the load generator on them)
 * is charged to the frame it waits in; this says which thread really used the CPU. undefined where /proc does not
 * exist or the process is gone; threads that end between the two readings are missing from the second.
 */
export async function readThreadCpuMs(pid: number): Promise<Map<string, number> | undefined> {
  let threads: string[];
  try {
    threads = await readdir(`/proc/${pid}/task`);
  } catch {
    return undefined;
  }
  const byName = new Map<string, number>();
  for (const tid of threads) {
    try {
      const [stat, comm] = await Promise.all([
        readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8'),
        readFile(`/proc/${pid}/task/${tid}/comm`, 'utf8'),
      ]);
      const cpuMs = parseProcStat(stat);
      if (cpuMs !== undefined) {
        const name = tid === String(pid) ? MAIN_THREAD : comm.trim();
        byName.set(name, (byName.get(name) ?? 0) + cpuMs);
      }
    } catch {
      // The thread ended between the listing and the reading.
    }
  }
  return byName;
}

/** What each thread used between two readings; a thread that appeared in between counts from 0. */
export function threadCpuDelta(
  before: ReadonlyMap<string, number>,
  after: ReadonlyMap<string, number>,
): Map<string, number> {
  return new Map([...after].map(([name, cpuMs]) => [name, Math.max(0, cpuMs - (before.get(name) ?? 0))]));
}
