/** The current time, behind a seam so that expiry, validity and period rules can be tested at a fixed instant. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const SYSTEM_CLOCK: Clock = { now: () => Date.now() };

/** The identity server keeps times as epoch seconds (contract §3.1). */
export function epochSeconds(epochMillis: number): number {
  return Math.floor(epochMillis / 1000);
}
