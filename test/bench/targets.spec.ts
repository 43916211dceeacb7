import type { PointMeasurement } from './measurement.js';
import { describeChecks, pointTargets, scalingTarget, soakTarget } from './targets.js';

function measurement(requestsPerSecond: number, p99: number, errors = 0): PointMeasurement {
  return { requestsPerSecond, totalRequests: 0, latencyMs: { p50: 1, p99, max: p99, mean: 1 }, errors, non2xx: 0, ok200: 0, peakRssMiB: undefined };
}

describe('pointTargets', () => {
  it('holds a point without database to half the baseline and a 10 ms p99', () => {
    expect(describeChecks(pointTargets('none', measurement(6000, 9.9), measurement(12000, 2), undefined))).toBe('met');
    expect(describeChecks(pointTargets('none', measurement(5999, 10), measurement(12000, 2), undefined))).toBe(
      'MISSED: >= 50% of baseline req/s; p99 < 10 ms',
    );
  });

  it('holds a writing point to 3,000 req/s, a 25 ms p99 and no lost writes', () => {
    expect(describeChecks(pointTargets('writes', measurement(3000, 24), undefined, { rowsWritten: 30000, lostWrites: 0 }))).toBe('met');
    expect(describeChecks(pointTargets('writes', measurement(3000, 24, 2), undefined, { rowsWritten: 29990, lostWrites: 10 }))).toBe(
      'MISSED: no errors; no lost writes',
    );
    expect(describeChecks(pointTargets('writes', measurement(3000, 24), undefined, undefined))).toBe('MISSED: no lost writes');
  });

  it('holds a reading point to no errors only', () => {
    expect(describeChecks(pointTargets('reads', measurement(10, 500), undefined, undefined))).toBe('met');
  });
});

describe('scalingTarget and soakTarget', () => {
  it('compares the median ratio of every size with the bound', () => {
    const ratios = [
      { size: 1, p50Ratio: 1, p99Ratio: 1, meanRatio: 1 },
      { size: 1000, p50Ratio: 3, p99Ratio: 7, meanRatio: 3 },
    ];
    expect(scalingTarget(ratios, 3).met).toBe(true);
    expect(scalingTarget(ratios, 2.9).met).toBe(false);
  });

  it('allows 10% of RSS growth over the soak', () => {
    expect(soakTarget(10).met).toBe(true);
    expect(soakTarget(10.1).met).toBe(false);
    expect(soakTarget(undefined).met).toBe(false);
  });
});
