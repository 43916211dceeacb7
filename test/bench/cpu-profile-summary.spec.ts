import { ownerOf, summariseProfile, type CpuProfile } from './cpu-profile-summary.js';

const root = '/project';

function profile(): CpuProfile {
  const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });
  return {
    startTime: 1_000,
    nodes: [
      { id: 1, callFrame: frame('(root)'), children: [2, 3, 4] },
      { id: 2, callFrame: frame('(idle)') },
      { id: 3, callFrame: frame('parse', 'file:///project/dist/libs/a/src/b.js', 9), children: [5] },
      { id: 4, callFrame: frame('', 'node:internal/x', 0) },
      { id: 5, callFrame: frame('writeUtf8String') },
    ],
    // Sample times: 1100, 1400, 1500, 2500, 2600.
    samples: [3, 5, 2, 4, 3],
    timeDeltas: [100, 300, 100, 1000, 100],
  };
}

describe('ownerOf', () => {
  it('names a library of the project, an npm package, or Node itself', () => {
    expect(ownerOf('file:///srv/app/dist/libs/platform/src/http/x.js')).toBe('libs/platform');
    expect(ownerOf('file:///srv/app/node_modules/@nestjs/core/router/y.js')).toBe('@nestjs/core');
    expect(ownerOf('file:///srv/app/node_modules/fastify/lib/reply.js')).toBe('fastify');
    expect(ownerOf('node:_http_outgoing')).toBe('node');
    expect(ownerOf('')).toBeUndefined();
  });
});

describe('summariseProfile', () => {
  it('sums self time per frame, names files relative to the project, and counts idle time apart', () => {
    const summary = summariseProfile(profile(), root);

    expect(summary.top).toEqual([
      { frame: '(anonymous) (node:internal/x:1)', selfMs: 1, selfPercent: 62.5 },
      { frame: 'writeUtf8String', selfMs: 0, selfPercent: 18.8 },
      { frame: 'parse (dist/libs/a/src/b.js:10)', selfMs: 0, selfPercent: 12.5 },
    ]);
    expect(summary.idlePercent).toBe(6.3);
  });

  it('charges a native function to the owner of its nearest caller with a script', () => {
    expect(summariseProfile(profile(), root).owners).toEqual([
      { owner: 'node', selfPercent: 62.5 },
      { owner: 'libs/a', selfPercent: 31.3 },
    ]);
  });

  it('keeps only the samples taken inside the windows', () => {
    const summary = summariseProfile(profile(), root, 15, [{ fromMicros: 1_350, toMicros: 1_550 }]);

    expect(summary.top).toEqual([{ frame: 'writeUtf8String', selfMs: 0, selfPercent: 75 }]);
    expect(summary.sampledMs).toBe(0);
  });
});
