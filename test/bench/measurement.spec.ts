import {
  baselineRatio,
  growthPercent,
  ratio,
  scalingRatios,
  summariseLoad,
  toMiB,
  type LoadResult,
  type PointMeasurement,
} from './measurement.js';

function loadResult(
  overrides: Partial<LoadResult['counts']> = {},
  latenciesMs: number[] = [1, 2, 3, 4],
  refusals = 0,
): LoadResult {
  return {
    counts: {
      duration: 2,
      requests: { total: 1000, sent: 1040 },
      errors: 1,
      timeouts: 2,
      non2xx: 3,
      statusCodeStats: { '200': { count: 997 }, '500': { count: 3 } },
      ...overrides,
    },
    latenciesMs,
    refusals,
  };
}

function measurement(requestsPerSecond: number, p50 = 1, p99 = 2, mean = 1): PointMeasurement {
  return {
    requestsPerSecond,
    totalRequests: 0,
    sentRequests: 0,
    latencyMs: { p50, p99, max: p99, mean },
    errors: 0,
    non2xx: 0,
    ok200: 0,
    peakRssMiB: undefined,
    cpuMicrosPerCall: undefined,
  };
}

describe('summariseLoad', () => {
  it("adds the CPU time per call by thread, busiest first, and the database server's", () => {
    const summary = summariseLoad(loadResult(), undefined, 300, {
      byThreadMs: new Map([
        ['sqlite-writer', 80],
        ['main thread', 200],
        ['V8Worker', 20],
      ]),
      databaseServerMs: 55,
    });

    expect(summary.cpuMicrosPerCall).toBe(300);
    expect(Object.entries(summary.cpuMicrosPerCallByThread ?? {})).toEqual([
      ['main thread', 200],
      ['sqlite-writer', 80],
      ['V8Worker', 20],
    ]);
    expect(summary.databaseServerCpuMicrosPerCall).toBe(55);
  });

  it('turns autocannon counts, response times, peak memory and CPU time into one measurement', () => {
    expect(summariseLoad(loadResult(), 150 * 1024 * 1024, 1234)).toEqual({
      requestsPerSecond: 500,
      totalRequests: 1000,
      sentRequests: 1040,
      latencyMs: { p50: 2, p99: 4, max: 4, mean: 2.5 },
      errors: 3,
      non2xx: 3,
      ok200: 997,
      peakRssMiB: 150,
      cpuMicrosPerCall: 1234,
    });
  });

  it('takes the answers as the requests sent when autocannon does not say, and no CPU time when it is unknown', () => {
    const summary = summariseLoad(loadResult({ requests: { total: 1000 } }), undefined);
    expect(summary.sentRequests).toBe(1000);
    expect(summary.cpuMicrosPerCall).toBeUndefined();
  });

  it('counts no 200 when autocannon reports no status codes, and no peak when the memory is unknown', () => {
    const summary = summariseLoad(loadResult({ statusCodeStats: undefined }), undefined);
    expect(summary.ok200).toBe(0);
    expect(summary.peakRssMiB).toBeUndefined();
  });

  it('counts answers refused in the envelope (HTTP 200, status ERROR) as errors', () => {
    expect(summariseLoad(loadResult({}, [1], 40), undefined).errors).toBe(43);
  });

  it('rounds latencies to hundredths of a millisecond', () => {
    expect(summariseLoad(loadResult({}, [0.123456]), undefined).latencyMs).toEqual({
      p50: 0.12,
      p99: 0.12,
      max: 0.12,
      mean: 0.12,
    });
  });
});

describe('ratios', () => {
  it('divides and rounds to two decimals', () => {
    expect(ratio(1, 3)).toBe(0.33);
    expect(ratio(5, 0)).toBeUndefined();
    expect(ratio(5, undefined)).toBeUndefined();
  });

  it('compares requests per second with the baseline', () => {
    expect(baselineRatio(measurement(6000), measurement(12000))).toBe(0.5);
    expect(baselineRatio(measurement(6000), undefined)).toBeUndefined();
  });

  it('gives each size its share of its own baseline, and that share relative to the smallest size', () => {
    const step = (size: number, service: number, baseline: number) => ({
      size,
      requestBytes: 0,
      answerBytes: 0,
      measurement: measurement(service),
      baseline: measurement(baseline),
    });
    expect(
      scalingRatios([step(1, 5000, 10000), step(1000, 1000, 2500)]).map(({ size, baselineShare, shareOfSmallest }) => ({
        size,
        baselineShare,
        shareOfSmallest,
      })),
    ).toEqual([
      { size: 1, baselineShare: 0.5, shareOfSmallest: 1 },
      { size: 1000, baselineShare: 0.4, shareOfSmallest: 0.8 },
    ]);
  });

  it('compares each scaling size with the smallest, whatever the order', () => {
    const step = (size: number, p50: number, p99: number, mean: number) => ({
      size,
      requestBytes: 0,
      answerBytes: 0,
      measurement: measurement(1, p50, p99, mean),
    });
    expect(scalingRatios([step(1000, 3, 9, 6), step(1, 1, 3, 2), step(100, 1.5, 3, 3)])).toEqual([
      { size: 1000, p50Ratio: 3, p99Ratio: 3, meanRatio: 3 },
      { size: 1, p50Ratio: 1, p99Ratio: 1, meanRatio: 1 },
      { size: 100, p50Ratio: 1.5, p99Ratio: 1, meanRatio: 1.5 },
    ]);
  });

  it('gives RSS growth in percent with one decimal', () => {
    expect(growthPercent(200, 210)).toBe(5);
    expect(growthPercent(300, 290)).toBe(-3.3);
    expect(growthPercent(0, 10)).toBeUndefined();
  });

  it('converts bytes to MiB with one decimal', () => {
    expect(toMiB(1536 * 1024)).toBe(1.5);
  });
});
