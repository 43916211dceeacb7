/*
 * Berlin Group dates (`validUntil`, `requestedExecutionDate`, `startDate`) are ISO dates without a time (§B.3, §E).
 * They are handled as days since the epoch, in UTC: the ASPSP's local date is UTC for this service.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MILLIS_PER_DAY = 86_400_000;
export const SECONDS_PER_DAY = 86_400;

/** Days since 1970-01-01 of an ISO date, or undefined when it is not a real calendar date. */
export function parseIsoDate(text: unknown): number | undefined {
  if (typeof text !== 'string') {
    return undefined;
  }
  const match = ISO_DATE.exec(text);
  if (match === null) {
    return undefined;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const millis = Date.UTC(year, month - 1, day);
  const date = new Date(millis);
  // Date.UTC rolls 2030-02-30 over to March: a rolled date is not the one written.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return Math.floor(millis / MILLIS_PER_DAY);
}

export function formatIsoDate(epochDay: number): string {
  return new Date(epochDay * MILLIS_PER_DAY).toISOString().slice(0, 10);
}

export function epochDayOf(epochMillis: number): number {
  return Math.floor(epochMillis / MILLIS_PER_DAY);
}

/** The identity server's `validityTime` of a date valid through its last second: the first second of the next day. */
export function validityTimeOf(lastValidDay: number): number {
  return (lastValidDay + 1) * SECONDS_PER_DAY;
}

/** The last day a `validityTime` still covers. */
export function lastValidDayOf(validityTime: number): number {
  return Math.floor(validityTime / SECONDS_PER_DAY) - 1;
}
