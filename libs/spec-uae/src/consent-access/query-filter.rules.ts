import { parseDate, uaeDay } from '../shared/date-time.js';

/*
 * The date filters of the transactions and statements resources (account-information v2.1 query parameters, and the
 * Bank Data Sharing requirement page): a window that ends in the future, or starts after it ends, asks for data that
 * cannot exist, and a value that is not a date is malformed. The gateway forwards the raw, still URL-encoded values.
 */

export interface FilterProblem {
  readonly message: string;
}

type QueryParameters = Readonly<Record<string, string | null | undefined>>;

/** A query value, percent-decoded; undefined when absent, null or empty (the gateway may pass any of them). */
function queryValue(parameters: QueryParameters, name: string): string | undefined {
  const raw = parameters[name];
  if (raw === undefined || raw === null || raw === '') {
    return undefined;
  }
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * `fromBookingDateTime` / `toBookingDateTime`: "the UTC ISO 8601 Date Time … Time component is optional … If the Date
 * Time contains a timezone, the LFI must ignore the timezone component". So the date and time are read as UTC and any
 * offset (`Z`, `+04:00`, or `+` turned into a space by form decoding) is dropped.
 */
const BOOKING_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:Z|[+\- ]\d{2}(?::?\d{2})?)?$/i;

function bookingInstant(value: string): number | undefined {
  const match = BOOKING_DATE_TIME.exec(value);
  const day = match === null ? undefined : parseDate(match[1]);
  if (match === null || day === undefined) {
    return undefined;
  }
  const [hours, minutes, seconds] = [match[2], match[3], match[4]].map((part) => Number(part ?? '0')) as [
    number,
    number,
    number,
  ];
  if (hours > 23 || minutes > 59 || seconds > 59) {
    return undefined;
  }
  return day * 86_400_000 + ((hours * 60 + minutes) * 60 + seconds) * 1000;
}

/** The booking window of GET /accounts/{AccountId}/transactions; undefined when it is acceptable. */
export function bookingWindowProblem(parameters: QueryParameters, now: number): FilterProblem | undefined {
  const bounds: Array<[string, number | undefined]> = [];
  for (const name of ['fromBookingDateTime', 'toBookingDateTime']) {
    const value = queryValue(parameters, name);
    const instant = value === undefined ? undefined : bookingInstant(value);
    if (value !== undefined && instant === undefined) {
      return { message: `${name} must be an ISO 8601 date-time (the time is optional)` };
    }
    bounds.push([name, instant]);
  }
  const [from, to] = [bounds[0]?.[1], bounds[1]?.[1]];
  if (to !== undefined && to > now) {
    return { message: 'toBookingDateTime must not be in the future' };
  }
  if (from !== undefined && to !== undefined && from > to) {
    return { message: 'fromBookingDateTime must not be after toBookingDateTime' };
  }
  return undefined;
}

/** The statement window of GET /accounts/{AccountId}/statements (full dates of the UAE calendar). */
export function statementWindowProblem(parameters: QueryParameters, now: number): FilterProblem | undefined {
  const days: Array<number | undefined> = [];
  for (const name of ['fromStatementDate', 'toStatementDate']) {
    const value = queryValue(parameters, name);
    const day = value === undefined ? undefined : parseDate(value);
    if (value !== undefined && day === undefined) {
      return { message: `${name} must be an ISO 8601 date (yyyy-MM-dd)` };
    }
    days.push(day);
  }
  const [from, to] = days;
  if (to !== undefined && to > uaeDay(now)) {
    return { message: 'toStatementDate must not be in the future' };
  }
  if (from !== undefined && to !== undefined && from > to) {
    return { message: 'fromStatementDate must not be after toStatementDate' };
  }
  return undefined;
}
