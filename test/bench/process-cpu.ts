import { readFile } from 'node:fs/promises';

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
