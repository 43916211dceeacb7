import { formatUtcDateTime } from './date-time-format.js';

describe(formatUtcDateTime.name, () => {
  it('prints epoch seconds in UTC with the chosen zone', () => {
    expect(formatUtcDateTime(1_716_800_000, 'Z')).toBe('2024-05-27T08:53:20Z');
    expect(formatUtcDateTime(1_716_800_000, '+00:00')).toBe('2024-05-27T08:53:20+00:00');
  });
  it('pads years, months and times', () => {
    expect(formatUtcDateTime(Date.UTC(812, 0, 2, 3, 4, 5) / 1000, 'Z')).toBe('0812-01-02T03:04:05Z');
  });
  it('gives undefined outside years 0-9999 and for non-numbers', () => {
    expect(formatUtcDateTime(Date.UTC(10_000, 0, 1) / 1000, 'Z')).toBeUndefined();
    expect(formatUtcDateTime(Number.NaN, 'Z')).toBeUndefined();
  });
});
