import { BenchProgress, formatDuration } from './progress.js';

describe('BenchProgress', () => {
  it('prints each load with its number, the planned loads and the time the rest takes', () => {
    const lines: string[] = [];
    let now = 0;
    const progress = new BenchProgress(
      (line) => lines.push(line),
      () => now,
    );
    progress.plan(3, 14);

    progress.load('first', 14);
    now = 14_000;
    progress.load('second', 14);

    expect(lines).toEqual(['[1/3, about 42 s left] first', '[2/3, about 28 s left] second']);
  });

  it('stretches the estimate by how much slower than planned the run has been', () => {
    const lines: string[] = [];
    let now = 0;
    const progress = new BenchProgress(
      (line) => lines.push(line),
      () => now,
    );
    progress.plan(3, 10);
    progress.load('first', 10);
    // Twice the planned time: journeys were prepared between the loads.
    now = 20_000;

    progress.load('second', 10);

    expect(lines[1]).toBe('[2/3, about 40 s left] second');
  });

  it('takes skipped loads out of the plan, and plans a load that was not', () => {
    const lines: string[] = [];
    const progress = new BenchProgress(
      (line) => lines.push(line),
      () => 0,
    );
    progress.plan(2, 10);
    progress.unplan(1, 10);

    progress.load('only', 10);
    progress.load('unplanned', 10);

    expect(lines).toEqual(['[1/1, about 10 s left] only', '[2/2, about 10 s left] unplanned']);
  });
});

describe('formatDuration', () => {
  it('writes hours and minutes, minutes and seconds, or seconds', () => {
    expect(formatDuration(3725)).toBe('1 h 02 min');
    expect(formatDuration(245)).toBe('4 min 05 s');
    expect(formatDuration(12.4)).toBe('12 s');
  });
});
