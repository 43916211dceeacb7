import { summariseProfile, type CpuProfile } from './cpu-profile-summary.js';

const root = '/project';

function profile(): CpuProfile {
  const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });
  return {
    startTime: 1_000,
    nodes: [
      { id: 1, callFrame: frame('(root)'), children: [2, 3, 4] },
      { id: 2, callFrame: frame('(idle)') },
      { id: 3, callFrame: frame('parse', 'file:///project/dist/libs/a.js', 9) },
      { id: 4, callFrame: frame('', 'node:internal/x', 0) },
    ],
    // Sample times: 1100, 1400, 1500, 2500, 2600.
    samples: [3, 3, 2, 4, 3],
    timeDeltas: [100, 300, 100, 1000, 100],
  };
}

describe('summariseProfile', () => {
  it('sums self time per frame, names files relative to the project, and counts idle time apart', () => {
    const summary = summariseProfile(profile(), root);

    expect(summary.top).toEqual([
      { frame: '(anonymous) (node:internal/x:1)', selfMs: 1, selfPercent: 62.5 },
      { frame: 'parse (dist/libs/a.js:10)', selfMs: 1, selfPercent: 31.3 },
    ]);
    expect(summary.idlePercent).toBe(6.3);
  });

  it('keeps only the samples taken inside the windows', () => {
    const summary = summariseProfile(profile(), root, 15, [{ fromMicros: 1_350, toMicros: 1_550 }]);

    expect(summary.top).toEqual([{ frame: 'parse (dist/libs/a.js:10)', selfMs: 0, selfPercent: 75 }]);
    expect(summary.sampledMs).toBe(0);
  });
});
