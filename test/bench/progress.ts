/*
 * What `npm run bench` prints while it runs: each load as it starts, with how many are done and about how long the
 * rest will take. The estimate is the planned seconds of the loads left (warm-up, measured time, settling), scaled by
 * how much longer than planned the run has taken so far (journeys prepared, rows counted, servers started).
 */

export type ProgressWriter = (line: string) => void;

/** Seconds a load takes besides its warm-up and measured time: the two settling pauses (measured-load.ts). */
export const SETTLE_SECONDS_PER_LOAD = 1;

export class BenchProgress {
  private plannedLoads = 0;
  private plannedSeconds = 0;
  private doneLoads = 0;
  private doneSeconds = 0;
  private readonly startedAt: number;

  constructor(
    private readonly write: ProgressWriter,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
  }

  /** Adds loads to the plan, each of `seconds` (warm-up, measured time and settling). */
  plan(loads: number, seconds: number): void {
    this.plannedLoads += loads;
    this.plannedSeconds += loads * seconds;
  }

  /** Takes planned loads out again (a scenario skipped, a section not run). */
  unplan(loads: number, seconds: number): void {
    this.plannedLoads = Math.max(this.doneLoads, this.plannedLoads - loads);
    this.plannedSeconds = Math.max(this.doneSeconds, this.plannedSeconds - loads * seconds);
  }

  /** A load starts: prints its label with the count and the time left, and counts it as done. */
  load(label: string, seconds: number): void {
    this.doneLoads += 1;
    if (this.doneLoads > this.plannedLoads) {
      this.plan(this.doneLoads - this.plannedLoads, seconds);
    }
    this.write(`[${this.doneLoads}/${this.plannedLoads}, ${this.timeLeft(seconds)}] ${label}`);
    this.doneSeconds += seconds;
  }

  /** A line without a load (a section starting, a notice). */
  note(line: string): void {
    this.write(line);
  }

  /** About how long the loads left take, this one included, at the pace of the run so far. */
  timeLeft(currentSeconds = 0): string {
    const plannedLeft = Math.max(0, this.plannedSeconds - this.doneSeconds);
    const elapsed = (this.now() - this.startedAt) / 1000;
    const pace = this.doneSeconds > 0 ? Math.max(1, elapsed / this.doneSeconds) : 1;
    return `about ${formatDuration(Math.max(plannedLeft, currentSeconds) * pace)} left`;
  }
}

/** `1 h 02 min`, `4 min 05 s`, `12 s`. */
export function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  if (hours > 0) {
    return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  }
  if (minutes > 0) {
    return `${minutes} min ${String(rest).padStart(2, '0')} s`;
  }
  return `${rest} s`;
}
