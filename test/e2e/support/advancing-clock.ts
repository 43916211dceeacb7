import type { Clock } from '@app/contract';

/**
 * A specification's clock seam for tests: real time, so that fixtures dated from Date.now() hold, moved forward by
 * the tests that need time to pass (a consent to expire) instead of waiting for it.
 */
export class AdvancingClock implements Clock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(milliseconds: number): void {
    this.offsetMs += milliseconds;
  }

  /** Back to real time, between tests that share one service. */
  reset(): void {
    this.offsetMs = 0;
  }
}
