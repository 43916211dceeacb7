import { MAIN_THREAD, parseProcStat, readThreadCpuMs, threadCpuDelta } from './process-cpu.js';

describe('parseProcStat', () => {
  it('adds user and system time, in milliseconds, past a command name with spaces and parentheses', () => {
    const stat = '4242 (node (main) x) S 1 4242 4242 0 -1 4194560 9000 0 0 0 1234 56 0 0 20 0 11 0 5000 1000000 20000';

    expect(parseProcStat(stat)).toBe(12_900);
  });

  it('is undefined for text that is not a stat line', () => {
    expect(parseProcStat('nothing here')).toBeUndefined();
  });
});

describe('readThreadCpuMs', () => {
  it("reads this process's threads by name, the event loop's as the main thread", async () => {
    // Busy for a moment, so that the main thread has used a clock tick at least.
    const until = Date.now() + 30;
    while (Date.now() < until) {
      /* spin */
    }
    const threads = await readThreadCpuMs(process.pid);

    expect(threads?.get(MAIN_THREAD)).toBeGreaterThan(0);
    expect([...(threads?.keys() ?? [])]).not.toContain('node');
  });

  it('is undefined for a process that does not exist', async () => {
    expect(await readThreadCpuMs(2 ** 22 + 1)).toBeUndefined();
  });
});

describe('threadCpuDelta', () => {
  it('subtracts per thread, counting a thread that appeared from 0', () => {
    const before = new Map([
      [MAIN_THREAD, 100],
      ['sqlite-writer', 40],
    ]);
    const after = new Map([
      [MAIN_THREAD, 250],
      ['sqlite-writer', 90],
      ['V8Worker', 5],
    ]);

    expect(threadCpuDelta(before, after)).toEqual(
      new Map([
        [MAIN_THREAD, 150],
        ['sqlite-writer', 50],
        ['V8Worker', 5],
      ]),
    );
  });
});
