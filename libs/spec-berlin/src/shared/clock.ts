/** The current time, behind a seam so that validity and per-day rules can be tested at a fixed instant. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const SYSTEM_CLOCK: Clock = { now: () => Date.now() };
