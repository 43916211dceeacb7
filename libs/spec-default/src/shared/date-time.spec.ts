import { formatOffsetDateTime, parseDateTimeValue, parseOffsetDateTime } from './date-time.js';

describe('parseOffsetDateTime', () => {
  it.each([
    ['2026-12-31T00:00:00+00:00', Date.UTC(2026, 11, 31)],
    ['2026-12-31T00:00:00Z', Date.UTC(2026, 11, 31)],
    ['2026-12-31t00:00:00z', Date.UTC(2026, 11, 31)],
    ['2026-12-31T05:30:00+05:30', Date.UTC(2026, 11, 31)],
    ['2026-12-30T19:00:00-05:00', Date.UTC(2026, 11, 31)],
    ['2026-12-31T00:00Z', Date.UTC(2026, 11, 31)],
    ['2026-12-31T00:00:00.123456789Z', Date.UTC(2026, 11, 31) + 123],
    ['2026-12-31T00:00:00.5Z', Date.UTC(2026, 11, 31) + 500],
    ['2026-12-31T05:30:00+0530', Date.UTC(2026, 11, 31)],
    ['2026-12-31T05:00:00+05', Date.UTC(2026, 11, 31)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
  ])('reads %s', (text, expected) => {
    expect(parseOffsetDateTime(text)).toBe(expected);
  });

  it('keeps years 0-99 as they are written', () => {
    expect(new Date(parseOffsetDateTime('0050-01-01T00:00:00Z')!).getUTCFullYear()).toBe(50);
  });

  it.each([
    '2026-12-31',
    '2026-12-31T00:00:00',
    '2026-12-31 00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-02-29T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2026-12-31T24:00:00Z',
    '2026-12-31T23:60:00Z',
    '2026-12-31T23:59:60Z',
    '2026-12-31T00:00:00+19:00',
    '2026-12-31T00:00:00+05:60',
    '2026-12-31T00:00:00.1234567890Z',
    'Thu, 31 Dec 2026 00:00:00 GMT',
    '',
    `2026-12-31T00:00:00Z${'x'.repeat(100_000)}`,
  ])('refuses %p', (text) => {
    expect(parseOffsetDateTime(text)).toBeUndefined();
  });

  it('reads only strings from JSON', () => {
    expect(parseDateTimeValue('2026-12-31T00:00:00Z')).toBe(Date.UTC(2026, 11, 31));
    expect(parseDateTimeValue(1798675200)).toBeUndefined();
    expect(parseDateTimeValue(null)).toBeUndefined();
  });
});

describe('formatOffsetDateTime', () => {
  it("prints yyyy-MM-dd'T'HH:mm:ssXXX in UTC, with Z for the zero offset", () => {
    expect(formatOffsetDateTime(1716800000)).toBe('2024-05-27T08:53:20Z');
    expect(formatOffsetDateTime(0)).toBe('1970-01-01T00:00:00Z');
  });

  it('round-trips through the parser', () => {
    expect(parseOffsetDateTime(formatOffsetDateTime(1798675200)!)).toBe(1798675200 * 1000);
  });

  it('gives up on instants the pattern cannot print', () => {
    expect(formatOffsetDateTime(1e15)).toBeUndefined();
    expect(formatOffsetDateTime(-1e12)).toBeUndefined();
  });
});
