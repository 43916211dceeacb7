/*
 * What happened when, during one scenario: every event is kept with its time since the scenario started, so that the
 * report shows the order of faults and answers (kill, restart, first error, first success after recovery…).
 */

export interface TimelineEvent {
  readonly atMs: number;
  readonly text: string;
}

export class Timeline {
  private readonly startedAt = performance.now();
  private readonly entries: TimelineEvent[] = [];

  /** Milliseconds since the scenario started. */
  now(): number {
    return performance.now() - this.startedAt;
  }

  mark(text: string, atMs: number = this.now()): void {
    this.entries.push({ atMs, text });
    // Progress goes to stderr as it happens; the report prints the sorted timeline on stdout at the end.
    process.stderr.write(`  ${formatOffset(atMs)}  ${text}\n`);
  }

  events(): readonly TimelineEvent[] {
    return [...this.entries].sort((left, right) => left.atMs - right.atMs);
  }
}

export function formatOffset(ms: number): string {
  return `+${(ms / 1000).toFixed(3).padStart(8)} s`;
}
