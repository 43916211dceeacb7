import { parseProcStat } from './process-cpu.js';

describe('parseProcStat', () => {
  it('adds user and system time, in milliseconds, past a command name with spaces and parentheses', () => {
    const stat = '4242 (node (main) x) S 1 4242 4242 0 -1 4194560 9000 0 0 0 1234 56 0 0 20 0 11 0 5000 1000000 20000';

    expect(parseProcStat(stat)).toBe(12_900);
  });

  it('is undefined for text that is not a stat line', () => {
    expect(parseProcStat('nothing here')).toBeUndefined();
  });
});
