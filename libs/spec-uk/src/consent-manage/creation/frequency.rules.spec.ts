import { frequencyRejection, scheduleCodeOf } from './frequency.rules.js';

describe(frequencyRejection.name, () => {
  it.each([
    ['EvryDay', 'EvryDay'],
    ['IntrvlMnthDay:01:-01', 'IntrvlMnthDay'],
    ['QtrDay:ENGLISH', 'QtrDay'],
  ])('reads the schedule code of %s', (frequency, code) => {
    expect(scheduleCodeOf(frequency)).toBe(code);
  });

  it('accepts a schedule the bank runs', () => {
    expect(frequencyRejection('IntrvlWkDay:01:03', ['EvryDay', 'IntrvlWkDay'])).toBeUndefined();
  });

  it('refuses one it does not run with 400 UK.OBIE.Unsupported.Frequency on Data.Initiation.Frequency', () => {
    expect(frequencyRejection('QtrDay:SCOTTISH', ['EvryDay', 'IntrvlWkDay'])).toEqual({
      status: 400,
      code: 'UK.OBIE.Unsupported.Frequency',
      message: 'Frequency "QtrDay:SCOTTISH" is not one the bank runs (accepted schedules: EvryDay, IntrvlWkDay)',
      path: 'Data.Initiation.Frequency',
    });
  });

  it('leaves a missing frequency to the schema', () => {
    expect(frequencyRejection(undefined, ['EvryDay'])).toBeUndefined();
  });
});
