import { LatencyRecorder, percentile, summariseLatencies } from './latency-statistics.js';

describe('percentile (nearest rank)', () => {
  const sorted = Float64Array.from({ length: 100 }, (_unused, index) => index + 1);

  it('picks the value at the rank ceil(p/100 * n)', () => {
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile(sorted, 0.5)).toBe(1);
  });

  it('gives the only value of a single sample and 0 for none', () => {
    expect(percentile([7.5], 99)).toBe(7.5);
    expect(percentile([], 50)).toBe(0);
  });
});

describe('summariseLatencies', () => {
  it('sorts the samples and reports p50, p99, max and mean', () => {
    const samples = [5, 1, 3, 2, 4];
    expect(summariseLatencies(samples)).toEqual({ p50: 3, p99: 5, max: 5, mean: 3, count: 5 });
  });

  it('reports zeros for no samples', () => {
    expect(summariseLatencies([])).toEqual({ p50: 0, p99: 0, max: 0, mean: 0, count: 0 });
  });
});

describe('LatencyRecorder', () => {
  it('keeps every sample past its initial capacity', () => {
    const recorder = new LatencyRecorder();
    const count = (1 << 16) + 10;
    for (let index = 0; index < count; index += 1) {
      recorder.record(index / 10);
    }
    const values = recorder.values();
    expect(values.length).toBe(count);
    expect(values[count - 1]).toBeCloseTo((count - 1) / 10);
  });
});
