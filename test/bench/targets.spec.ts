import type { PointMeasurement } from './measurement.js';
import { describeChecks, pointTargets, scalingShareTarget, scalingTarget, soakTarget, writeCount } from './targets.js';

function measurement(
  requestsPerSecond: number,
  p99: number,
  errors = 0,
  calls: { ok200?: number; sent?: number } = {},
): PointMeasurement {
  return {
    requestsPerSecond,
    totalRequests: 0,
    sentRequests: calls.sent ?? 0,
    latencyMs: { p50: 1, p99, max: p99, mean: 1 },
    errors,
    non2xx: 0,
    ok200: calls.ok200 ?? 0,
    peakRssMiB: undefined,
    cpuMicrosPerCall: undefined,
  };
}

const rows = (rowsWritten: number, lostWrites = 0, extraWrites = 0) => ({ rowsWritten, lostWrites, extraWrites });

describe('pointTargets', () => {
  it('holds a point without database to 0.6x the baseline and a p99 of 5 ms', () => {
    expect(describeChecks(pointTargets('none', measurement(6000, 5), measurement(10000, 2), undefined))).toBe('met');
    expect(describeChecks(pointTargets('none', measurement(5999, 5.01), measurement(10000, 2), undefined))).toBe(
      'MISSED: >= 0.6x baseline req/s; p99 <= 5 ms',
    );
  });

  it('holds a writing point to half the baseline, 3,000 req/s, a 25 ms p99 and no lost writes', () => {
    expect(describeChecks(pointTargets('writes', measurement(3000, 24), measurement(6000, 2), rows(30000)))).toBe(
      'met',
    );
    expect(
      describeChecks(pointTargets('writes', measurement(3000, 24, 2), measurement(6001, 2), rows(29990, 10))),
    ).toBe('MISSED: no errors; >= 0.5x baseline req/s; no lost writes');
    expect(describeChecks(pointTargets('writes', measurement(3000, 24), measurement(6000, 2), undefined))).toBe(
      'MISSED: no lost writes',
    );
  });

  it('holds a counted point to 5,000 req/s, a 15 ms p99, and no lost or extra counts', () => {
    expect(describeChecks(pointTargets('counted', measurement(5000, 15), measurement(10000, 2), rows(50000)))).toBe(
      'met',
    );
    expect(
      describeChecks(pointTargets('counted', measurement(4999, 15.1), measurement(9998, 2), rows(50000, 0, 3))),
    ).toBe('MISSED: >= 5000 req/s; p99 <= 15 ms; no lost or extra counts');
  });

  it('holds a reading point to half the baseline', () => {
    expect(describeChecks(pointTargets('reads', measurement(5000, 500), measurement(10000, 2), undefined))).toBe('met');
    expect(describeChecks(pointTargets('reads', measurement(4999, 1), measurement(10000, 2), undefined))).toBe(
      'MISSED: >= 0.5x baseline req/s',
    );
  });
});

describe('writeCount', () => {
  it('finds the 200s without a row, and the rows beyond the requests sent', () => {
    expect(writeCount(1000, measurement(1, 1, 0, { ok200: 1000, sent: 1040 }))).toEqual(rows(1000));
    expect(writeCount(990, measurement(1, 1, 0, { ok200: 1000, sent: 1040 }))).toEqual(rows(990, 10));
    expect(writeCount(1041, measurement(1, 1, 0, { ok200: 1000, sent: 1040 }))).toEqual(rows(1041, 0, 1));
  });
});

describe('scalingShareTarget', () => {
  const step = (size: number, service: number, baseline: number) => ({
    size,
    requestBytes: 0,
    answerBytes: 0,
    measurement: measurement(service, 1),
    baseline: measurement(baseline, 1),
  });

  it('compares the share of the baseline of every size with 0.8 times the share of the smallest size, unrounded', () => {
    expect(scalingShareTarget([step(1, 5000, 10000), step(1000, 800, 2000)], 0.8).met).toBe(true);
    expect(scalingShareTarget([step(1, 5000, 10000), step(1000, 799, 2000)], 0.8).met).toBe(false);
  });

  it('is missed when a size has no baseline', () => {
    expect(
      scalingShareTarget([step(1, 5000, 10000), { ...step(1000, 5000, 10000), baseline: undefined }], 0.8).met,
    ).toBe(false);
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
