import { formatUtcDateTime } from '@app/contract';
/*
 * Date-times as the accelerator's Java code reads and writes them.
 *
 * Reading: `OffsetDateTime.parse` (ISO_OFFSET_DATE_TIME, strict resolver, lenient offset): `yyyy-MM-ddTHH:mm`, optional
 * seconds and up to nine fraction digits, then `Z` or an offset of the form `+HH`, `+HHMM`, `+HH:MM` or `+HH:MM:SS`
 * within ±18:00. Impossible dates such as 2025-02-30 are refused.
 *
 * Writing: `SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ssXXX")`. We format in UTC, where `XXX` prints `Z`.
 */

const OFFSET_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{0,9}))?)?(?:(Z)|([+-])(\d{2})(?::?(\d{2})(?::?(\d{2}))?)?)$/i;

const MAX_OFFSET_SECONDS = 18 * 3600;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

/** Epoch milliseconds of an ISO-8601 date-time with offset, or undefined when Java would refuse to parse it. */
export function parseOffsetDateTime(text: string): number | undefined {
  const match = OFFSET_DATE_TIME.exec(text);
  if (!match) {
    return undefined;
  }
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
  const second = Number(match[6] ?? 0);
  const millis = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  let offsetSeconds = 0;
  if (!match[8]) {
    const [offsetHours, offsetMinutes, offsetSecondsPart] = [match[10], match[11], match[12]].map((part) =>
      Number(part ?? 0),
    ) as [number, number, number];
    if (offsetMinutes > 59 || offsetSecondsPart > 59) {
      return undefined;
    }
    offsetSeconds = (match[9] === '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60 + offsetSecondsPart);
    if (Math.abs(offsetSeconds) > MAX_OFFSET_SECONDS) {
      return undefined;
    }
  }
  const local = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not turn years 0-99 into 1900-1999.
  local.setUTCFullYear(year, month - 1, day);
  local.setUTCHours(hour, minute, second, millis);
  return local.getTime() - offsetSeconds * 1000;
}

/** Epoch seconds as the accelerator prints them (`yyyy-MM-dd'T'HH:mm:ssXXX` in UTC: `2026-05-27T10:00:00Z`). */
export function formatOffsetDateTime(epochSeconds: number): string | undefined {
  return formatUtcDateTime(epochSeconds, 'Z');
}

/** Epoch milliseconds of a JSON value that should hold a date-time, or undefined when it is not a parsable string. */
export function parseDateTimeValue(value: unknown): number | undefined {
  return typeof value === 'string' ? parseOffsetDateTime(value) : undefined;
}
