import { comparePoints, formatComparison, type PreviousReport } from './bench-compare.js';
import type { PointResult } from './bench-results.js';

function point(
  scenario: string,
  database: 'sqlite' | 'mariadb',
  requestsPerSecond: number,
  baselineRatio: number,
): PointResult {
  return {
    scenario,
    spec: 'uk',
    extension: 'validate-consent-access',
    databaseUse: 'counted',
    database,
    requestBytes: 100,
    answerBytes: 82,
    measurement: {
      requestsPerSecond,
      totalRequests: 0,
      sentRequests: 0,
      latencyMs: { p50: 1, p99: 10, max: 20, mean: 2 },
      errors: 0,
      non2xx: 0,
      ok200: 0,
      peakRssMiB: undefined,
      cpuMicrosPerCall: 150,
    },
    baselineRatio,
    writes: undefined,
    targets: [],
  };
}

const previous: PreviousReport = {
  startedAt: '2026-11-21T10:00:00.000Z',
  machine: { cpus: 2, cpuModel: 'AMD EPYC', node: 'v24.1.0' },
  points: [
    point('uk: validate-consent-access (VRP payment within limits)', 'sqlite', 2000, 0.1),
    point('default: persist-authorized-consent (approve one account)', 'sqlite', 8000, 0.28),
  ],
};

describe('comparePoints', () => {
  it('matches points by scenario and database, renamed scenarios by their new name, and keeps those only one run has', () => {
    const current = {
      points: [
        point('uk: validate-consent-access (VRP payments, one consent)', 'sqlite', 6000, 0.3),
        point('uae: x', 'sqlite', 100, 0.5),
      ],
    };

    const comparisons = comparePoints(previous, current);

    expect(
      comparisons.map(({ scenario, before, after }) => [
        scenario,
        before?.measurement.requestsPerSecond,
        after?.measurement.requestsPerSecond,
      ]),
    ).toEqual([
      ['uk: validate-consent-access (VRP payments, one consent)', 2000, 6000],
      ['uae: x', undefined, 100],
      ['default: persist-authorized-consent (approve one account)', 8000, undefined],
    ]);
  });

  it('prints the change of throughput and the ratios of both runs', () => {
    const current = { points: [point('uk: validate-consent-access (VRP payments, one consent)', 'sqlite', 6000, 0.3)] };

    const lines = formatComparison('old.json', previous, comparePoints(previous, current)).split('\n');

    expect(lines[0]).toBe('Compared with old.json (2026-11-21T10:00:00.000Z, 2 x AMD EPYC, Node v24.1.0)');
    expect(lines[3]).toMatch(
      /^uk: validate-consent-access \(VRP payments, one consent\) \(sqlite\)\s+2000\s+6000\s+\+200%\s+0\.10x\s+0\.30x\s+10\.00\s+10\.00\s+150\s+150$/,
    );
  });
});
