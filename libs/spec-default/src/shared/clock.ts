/** The current time, behind a seam so that expiry rules can be tested at a fixed instant. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const SYSTEM_CLOCK: Clock = { now: () => Date.now() };

export const SECONDS_PER_DAY = 86_400;

export function epochSeconds(epochMillis: number): number {
  return Math.floor(epochMillis / 1000);
}
