import type { BaselineResult, PointResult, ScalingResult, SoakResult } from './bench-results.js';
import type { PointMeasurement } from './measurement.js';
import {
  formatNumber,
  formatPointTable,
  formatRatio,
  formatScalingTable,
  formatSoak,
  formatTable,
} from './report-format.js';

function measurement(requestsPerSecond: number, overrides: Partial<PointMeasurement> = {}): PointMeasurement {
  return {
    requestsPerSecond,
    totalRequests: requestsPerSecond * 10,
    sentRequests: requestsPerSecond * 10 + 50,
    latencyMs: { p50: 1.234, p99: 8.5, max: 20, mean: 1.5 },
    errors: 0,
    non2xx: 0,
    ok200: requestsPerSecond * 10,
    peakRssMiB: 180.4,
    cpuMicrosPerCall: 95,
    ...overrides,
  };
}

describe('formatTable', () => {
  it('left-aligns the first column, right-aligns the others, and draws a rule', () => {
    expect(
      formatTable(
        ['name', 'req/s'],
        [
          ['a', '5'],
          ['longer', '12345'],
        ],
      ),
    ).toBe(['name    req/s', '------  -----', 'a           5', 'longer  12345'].join('\n'));
  });
});

describe('numbers', () => {
  it('writes a fixed number of decimals and unknowns as a dash', () => {
    expect(formatNumber(12)).toBe('12.0');
    expect(formatNumber(12.34, 0)).toBe('12');
    expect(formatNumber(1.25, 2)).toBe('1.25');
    expect(formatNumber(undefined)).toBe('-');
    expect(formatNumber(Number.NaN)).toBe('-');
  });

  it('writes ratios with two decimals and a multiplication sign', () => {
    expect(formatRatio(0.5)).toBe('0.50x');
    expect(formatRatio(undefined)).toBe('-');
  });
});

describe('formatPointTable', () => {
  const baseline: BaselineResult = {
    scenario: 'default: persist',
    measurement: measurement(20000, { peakRssMiB: 70 }),
  };
  const point: PointResult = {
    scenario: 'default: persist',
    spec: 'default',
    extension: 'persist-authorized-consent',
    databaseUse: 'writes',
    database: 'sqlite',
    requestBytes: 1935,
    answerBytes: 299,
    measurement: measurement(4000, { latencyMs: { p50: 5, p99: 30, max: 40, mean: 6 } }),
    baselineRatio: 0.2,
    writes: { rowsWritten: 40010, lostWrites: 0, extraWrites: 0 },
    targets: [
      { target: 'no errors', met: true },
      { target: 'p99 < 25 ms', met: false },
    ],
  };

  it('prints the baseline and each database with ratio, peak RSS, rows and missed targets', () => {
    const table = formatPointTable('default: persist', baseline, [point]);
    expect(table.split('\n')).toEqual([
      'default: persist (request 1935 B, answer 299 B, database use: writes)',
      'server                   req/s  p50 ms  p99 ms  max ms  errors  non-2xx  vs baseline  CPU µs/call  peak RSS MiB  rows / lost / extra',
      '-----------------------  -----  ------  ------  ------  ------  -------  -----------  -----------  ------------  -------------------',
      'baseline (bare Fastify)  20000    1.23    8.50   20.00       0        0        1.00x           95          70.0                    -',
      'service on sqlite         4000    5.00   30.00   40.00       0        0        0.20x           95         180.4        40010 / 0 / 0',
      '  targets on sqlite: MISSED: p99 < 25 ms',
    ]);
  });

  it("ends with where each database's calls spent their CPU time, when it was measured", () => {
    const threads = { 'main thread': 120, 'sqlite-writer': 70, 'sqlite-checkpoi': 20, V8Worker: 4, 'libuv-worker': 1 };
    const mariadb: PointResult = {
      ...point,
      database: 'mariadb',
      measurement: measurement(3000, {
        cpuMicrosPerCallByThread: { 'main thread': 140 },
        databaseServerCpuMicrosPerCall: 60,
      }),
    };
    const table = formatPointTable('default: persist', baseline, [
      { ...point, measurement: measurement(4000, { cpuMicrosPerCallByThread: threads }) },
      mariadb,
    ]);

    expect(table.split('\n').slice(-2)).toEqual([
      '  CPU µs/call on sqlite: main thread 120, sqlite-writer 70, sqlite-checkpoi 20, others 5',
      '  CPU µs/call on mariadb: main thread 140; the MariaDB server 60',
    ]);
  });
});

describe('formatScalingTable', () => {
  it('prints each size with its own baseline, its share of it, and that share against the smallest size', () => {
    const result: ScalingResult = {
      name: 'default: populate-consent-authorize-screen by accounts of the customer',
      database: 'sqlite',
      sizeUnit: 'accounts',
      steps: [
        { size: 1, requestBytes: 1400, answerBytes: 900, measurement: measurement(5000), baseline: measurement(10000) },
        {
          size: 1000,
          requestBytes: 1400,
          answerBytes: 92000,
          measurement: measurement(800),
          baseline: measurement(2000),
        },
      ],
      ratios: [
        { size: 1, p50Ratio: 1, p99Ratio: 1, meanRatio: 1, baselineShare: 0.5, shareOfSmallest: 1 },
        { size: 1000, p50Ratio: 6, p99Ratio: 5, meanRatio: 5.42, baselineShare: 0.4, shareOfSmallest: 0.8 },
      ],
      target: { target: "share of the baseline at least 0.8x the smallest size's", met: true },
    };
    expect(formatScalingTable(result).split('\n')).toEqual([
      'Scaling on sqlite: default: populate-consent-authorize-screen by accounts of the customer',
      'accounts  request B  answer B  baseline req/s  req/s  vs baseline  vs smallest  p50 ms  p99 ms  CPU µs/call  errors',
      '--------  ---------  --------  --------------  -----  -----------  -----------  ------  ------  -----------  ------',
      '1              1400       900           10000   5000        0.50x        1.00x    1.23    8.50           95       0',
      '1,000          1400     92000            2000    800        0.40x        0.80x    1.23    8.50           95       0',
      "  target (share of the baseline at least 0.8x the smallest size's): met",
    ]);
  });

  it('prints sizes without a baseline (the counter rows) with their latency ratios to the smallest', () => {
    const result: ScalingResult = {
      name: 'default: validate-consent-access by account mappings of the consent',
      database: 'mariadb',
      sizeUnit: 'mappings',
      steps: [
        {
          size: 1,
          requestBytes: 1400,
          answerBytes: 82,
          measurement: measurement(9000, { latencyMs: { p50: 1, p99: 4, max: 9, mean: 1.2 } }),
        },
        {
          size: 1000,
          requestBytes: 150000,
          answerBytes: 82,
          measurement: measurement(1500, { latencyMs: { p50: 6, p99: 20, max: 30, mean: 6.5 } }),
        },
      ],
      ratios: [
        { size: 1, p50Ratio: 1, p99Ratio: 1, meanRatio: 1 },
        { size: 1000, p50Ratio: 6, p99Ratio: 5, meanRatio: 5.42 },
      ],
      target: { target: 'p50 at most 3x the smallest size', met: false },
    };
    expect(formatScalingTable(result).split('\n')).toEqual([
      'Scaling on mariadb: default: validate-consent-access by account mappings of the consent',
      'mappings  request B  answer B  req/s  p50 ms  p99 ms  mean ms  CPU µs/call  errors  p50 vs smallest  p99 vs smallest',
      '--------  ---------  --------  -----  ------  ------  -------  -----------  ------  ---------------  ---------------',
      '1              1400        82   9000    1.00    4.00     1.20           95       0            1.00x            1.00x',
      '1,000        150000        82   1500    6.00   20.00     6.50           95       0            6.00x            5.00x',
      '  target (p50 at most 3x the smallest size): MISSED',
    ]);
  });
});

describe('formatSoak', () => {
  it('prints RSS after warm-up, at the end, the growth and the samples', () => {
    const result: SoakResult = {
      database: 'sqlite',
      seconds: 300,
      measurement: measurement(5000, { peakRssMiB: 210 }),
      rssAfterWarmupMiB: 190,
      rssAtEndMiB: 199.5,
      growthPercent: 5,
      rssSamplesMiB: [190, 195.5, 199.5],
      target: { target: 'RSS at the end within 10% of RSS after warm-up', met: true },
    };
    const lines = formatSoak(result).split('\n');
    expect(lines[0]).toBe('Soak on sqlite: mixed load of every served scenario');
    expect(lines[3]).toBe(
      'sqlite        300   5000    8.50       0                  190.0           199.5    5.0%         210.0',
    );
    expect(lines[4]).toBe('  RSS samples (MiB): 190.0 195.5 199.5');
    expect(lines[5]).toBe('  target (RSS at the end within 10% of RSS after warm-up): met');
  });
});
