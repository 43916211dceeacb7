import { parseIsoDate } from './iso-date.js';
import { isTargetBusinessDay } from './target-calendar.js';

describe('TARGET2 business days', () => {
  it.each([
    ['2026-11-23', true],
    ['2026-11-21', false],
    ['2026-11-22', false],
    ['2027-01-01', false],
    ['2026-04-03', false],
    ['2026-04-06', false],
    ['2026-04-07', true],
    ['2026-05-01', false],
    ['2026-12-25', false],
    ['2026-12-28', true],
  ])('%s is a business day: %s', (date, expected) => {
    expect(isTargetBusinessDay(parseIsoDate(date)!)).toBe(expected);
  });
});
