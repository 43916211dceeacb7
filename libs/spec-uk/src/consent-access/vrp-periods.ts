import { AMOUNT_SCALE_DIGITS } from '../shared/amount.js';

/*
 * The period a VRP payment falls in, per periodic limit (OBDomesticVRPControlParameters.PeriodicLimits): `Calendar`
 * periods are calendar days, ISO weeks, fortnights, months, half-years and years (UTC); `Consent` periods start at
 * the consent's start (ValidFromDateTime, else its creation) and repeat with the same length. The key names the
 * period uniquely within its limit and fits the counter's 32 characters.
 */

const DAY_MS = 86_400_000;
const FIXED_LENGTH_DAYS: Readonly<Record<string, number>> = { Day: 1, Week: 7, Fortnight: 14 };
const MONTHS: Readonly<Record<string, number>> = { Month: 1, 'Half-year': 6, Year: 12 };
/** A Monday: ISO weeks and calendar fortnights are counted from it. */
const MONDAY_EPOCH_MS = Date.UTC(1970, 0, 5);

export const VRP_PERIOD_TYPES = ['Day', 'Week', 'Fortnight', 'Month', 'Half-year', 'Year'] as const;

function monthsBetween(startMs: number, nowMs: number): number {
  const start = new Date(startMs);
  const now = new Date(nowMs);
  let months = (now.getUTCFullYear() - start.getUTCFullYear()) * 12 + (now.getUTCMonth() - start.getUTCMonth());
  // A month is complete only once the same day and time of month is reached.
  const startInMonth = startMs - Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1);
  const nowInMonth = nowMs - Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  if (nowInMonth < startInMonth) {
    months -= 1;
  }
  return months;
}

/** The key of the period containing `nowMs`; undefined for an unknown period type or alignment. */
export function vrpPeriodKey(
  periodType: string,
  alignment: string,
  nowMs: number,
  consentStartMs: number,
): string | undefined {
  const days = FIXED_LENGTH_DAYS[periodType];
  const months = MONTHS[periodType];
  if (alignment === 'Consent') {
    const elapsed = Math.max(0, nowMs - consentStartMs);
    if (days !== undefined) {
      return `c${Math.floor(elapsed / (days * DAY_MS))}`;
    }
    return months === undefined
      ? undefined
      : `c${Math.floor(Math.max(0, monthsBetween(consentStartMs, nowMs)) / months)}`;
  }
  if (alignment !== 'Calendar') {
    return undefined;
  }
  const now = new Date(nowMs);
  const year = now.getUTCFullYear();
  switch (periodType) {
    case 'Day':
      return now.toISOString().slice(0, 10);
    case 'Week':
    case 'Fortnight':
      return `${periodType === 'Week' ? 'w' : 'f'}${Math.floor((nowMs - MONDAY_EPOCH_MS) / (days * DAY_MS))}`;
    case 'Month':
      return now.toISOString().slice(0, 7);
    case 'Half-year':
      return `${year}-h${now.getUTCMonth() < 6 ? 1 : 2}`;
    case 'Year':
      return `${year}`;
    default:
      return undefined;
  }
}

/** 0.01 of the currency in units of 10^-5. */
const HUNDREDTH = 10n ** BigInt(AMOUNT_SCALE_DIGITS - 2);

/** The first day and the day after the last of the calendar period containing `atMs`, in days since the epoch (UTC). */
function calendarPeriodDays(
  periodType: string,
  atMs: number,
): { readonly first: number; readonly end: number } | undefined {
  const day = Math.floor(atMs / DAY_MS);
  const days = FIXED_LENGTH_DAYS[periodType];
  if (days !== undefined) {
    const mondayDay = MONDAY_EPOCH_MS / DAY_MS;
    const first = day - ((((day - mondayDay) % days) + days) % days);
    return { first, end: first + days };
  }
  const months = MONTHS[periodType];
  if (months === undefined) {
    return undefined;
  }
  const at = new Date(atMs);
  const firstMonth = at.getUTCMonth() - (at.getUTCMonth() % months);
  const first = Date.UTC(at.getUTCFullYear(), firstMonth, 1) / DAY_MS;
  return { first, end: Date.UTC(at.getUTCFullYear(), firstMonth + months, 1) / DAY_MS };
}

/**
 * The limit that applies in the period containing `nowMs`. "If the PeriodAlignment is Calendar, the limit is
 * pro-rated in the first period to the remaining number of days" (OBDomesticVRPControlParameters, v3.1.11; "the time
 * element of the date should be disregarded"): in the calendar period where the consent starts, the limit times the
 * days from the start's date to the period's end, over the period's days, rounded down to the hundredth as in the
 * standard's examples (300.00 a month from 06-Jun: 250.00 for June; 500.00 a year from 06-Jun: 286.30 for the year).
 * Every other period has the full limit. Amounts are in units of 10^-5 (see shared/amount.ts).
 */
export function applicableVrpLimit(
  limit: bigint,
  periodType: string,
  alignment: string,
  nowMs: number,
  consentStartMs: number,
): bigint {
  if (alignment !== 'Calendar') {
    return limit;
  }
  const period = calendarPeriodDays(periodType, nowMs);
  const startDay = Math.floor(consentStartMs / DAY_MS);
  if (period === undefined || startDay <= period.first || startDay >= period.end) {
    return limit;
  }
  const proRated = (limit * BigInt(period.end - startDay)) / BigInt(period.end - period.first);
  return proRated - (proRated % HUNDREDTH);
}
