/*
 * UAE dates: `ExpirationDateTime` and friends are RFC 3339 date-times with a time zone; `FromDate`, `ToDate`,
 * `PeriodStartDate` and `PaymentExecutionDate` are full dates. The official schemas check the formats; these helpers
 * only turn already-valid text into instants.
 */

const DATE_TIME_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** Epoch milliseconds of a date-time with a zone, or undefined. */
export function parseDateTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || !DATE_TIME_WITH_ZONE.test(value)) {
    return undefined;
  }
  const millis = Date.parse(value);
  return Number.isNaN(millis) ? undefined : millis;
}

/** Days since the epoch of a `yyyy-MM-dd` date (UTC), or undefined. */
export function parseDate(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return undefined;
  }
  const millis = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(millis) || new Date(millis).toISOString().slice(0, 10) !== value
    ? undefined
    : Math.floor(millis / 86_400_000);
}

/** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the date-times RFC 3339's four-digit years can write. */
const FIRST_DATE_SECONDS = -62_167_219_200;
const LAST_DATE_SECONDS = 253_402_300_799;

/** Epoch seconds as an ISO date-time with an explicit offset (`2026-05-27T10:00:00+00:00`), as UAE responses require. */
export function formatDateTime(epochSeconds: number): string {
  // Clamped to what RFC 3339 can write: a Java long from the identity server may go far beyond (Date then throws).
  return `${new Date(Math.max(FIRST_DATE_SECONDS, Math.min(LAST_DATE_SECONDS, epochSeconds)) * 1000).toISOString().slice(0, 19)}+00:00`;
}

export const ONE_YEAR_MILLIS = 365 * 86_400_000;

export const DAY_MILLIS = 86_400_000;

/**
 * Dates without a zone (PeriodStartDate, PaymentExecutionDate, statement and booking filters) are dates of the UAE
 * calendar: Gulf Standard Time, UTC+4 all year (no daylight saving).
 */
export const UAE_UTC_OFFSET_MILLIS = 4 * 3_600_000;

/** The UAE calendar day (days since the epoch) of an instant. */
export function uaeDay(epochMillis: number): number {
  return Math.floor((epochMillis + UAE_UTC_OFFSET_MILLIS) / DAY_MILLIS);
}

/** The instant a UAE calendar day begins (its midnight in Gulf Standard Time). */
export function uaeDayStart(day: number): number {
  return day * DAY_MILLIS - UAE_UTC_OFFSET_MILLIS;
}
