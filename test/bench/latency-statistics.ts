/*
 * Latency percentiles from every response's time. autocannon's own histogram keeps whole milliseconds, which reads as
 * "0 ms" for most of the fast points here; the response times it emits are hrtime-based, so the bench keeps them and
 * computes the percentiles itself (nearest-rank method).
 */

export interface LatencySummary {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
  readonly count: number;
}

/** Nearest-rank percentile of ascending `sorted` values; `p` in (0, 100]. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) {
    return 0;
  }
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? 0;
}

export function summariseLatencies(samples: ArrayLike<number>): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  let total = 0;
  for (const value of sorted) {
    total += value;
  }
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.length === 0 ? 0 : (sorted[sorted.length - 1] ?? 0),
    mean: sorted.length === 0 ? 0 : total / sorted.length,
    count: sorted.length,
  };
}

/** Collects response times without reallocating on every push. */
export class LatencyRecorder {
  private samples = new Float64Array(1 << 16);
  private size = 0;

  record(milliseconds: number): void {
    if (this.size === this.samples.length) {
      const grown = new Float64Array(this.samples.length * 2);
      grown.set(this.samples);
      this.samples = grown;
    }
    this.samples[this.size] = milliseconds;
    this.size += 1;
  }

  values(): Float64Array {
    return this.samples.subarray(0, this.size);
  }
}
