/*
 * TARGET2 closing days (the calendar of SEPA credit transfers other than instant ones): Saturdays, Sundays, New
 * Year's Day, Good Friday, Easter Monday, 1 May, 25 and 26 December. §B.6: a requestedExecutionDate that is not a
 * business day is 400 EXECUTION_DATE_INVALID.
 */

const MILLIS_PER_DAY = 86_400_000;

/** Days since the epoch of Easter Sunday (Anonymous Gregorian algorithm). */
function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(year, month - 1, day) / MILLIS_PER_DAY;
}

export function isTargetBusinessDay(epochDay: number): boolean {
  const date = new Date(epochDay * MILLIS_PER_DAY);
  const weekday = date.getUTCDay();
  if (weekday === 0 || weekday === 6) {
    return false;
  }
  const monthDay = `${date.getUTCMonth() + 1}-${date.getUTCDate()}`;
  if (['1-1', '5-1', '12-25', '12-26'].includes(monthDay)) {
    return false;
  }
  const easter = easterSunday(date.getUTCFullYear());
  return epochDay !== easter - 2 && epochDay !== easter + 1;
}
