import { bookingWindowProblem, statementWindowProblem } from './query-filter.rules.js';

// 21:00 UTC on 20 November: already 21 November in the UAE.
const NOW = Date.parse('2026-11-20T21:00:00Z');

describe('the date filters of transactions and statements', () => {
  it.each<[string, Record<string, string | null>, string | undefined]>([
    ['no filter', {}, undefined],
    ['null and empty filters (read as absent)', { fromBookingDateTime: null, toBookingDateTime: '' }, undefined],
    [
      'a past window',
      { fromBookingDateTime: '2026-01-01T00:00:00', toBookingDateTime: '2026-11-20T20:59:59' },
      undefined,
    ],
    ['a date without a time', { toBookingDateTime: '2026-11-20' }, undefined],
    [
      'a zone, which is ignored (raw and URL-encoded)',
      { toBookingDateTime: '2026-11-20T20:00:00%2B04:00', fromBookingDateTime: '2026-11-20T10:00:00+04:00' },
      undefined,
    ],
    [
      'a toBookingDateTime in the future',
      { toBookingDateTime: '2026-11-20T21:00:01Z' },
      'toBookingDateTime must not be in the future',
    ],
    [
      'a from after the to',
      { fromBookingDateTime: '2026-11-02', toBookingDateTime: '2026-11-01T23:59:59' },
      'fromBookingDateTime must not be after toBookingDateTime',
    ],
    [
      'a from that is not a date-time',
      { fromBookingDateTime: 'yesterday' },
      'fromBookingDateTime must be an ISO 8601 date-time (the time is optional)',
    ],
    [
      'an impossible time',
      { toBookingDateTime: '2026-11-01T24:00:00' },
      'toBookingDateTime must be an ISO 8601 date-time (the time is optional)',
    ],
  ])('transactions: %s', (_label, parameters, message) => {
    expect(bookingWindowProblem(parameters, NOW)?.message).toBe(message);
  });

  it.each<[string, Record<string, string>, string | undefined]>([
    ['no filter', {}, undefined],
    ['a window ending today in the UAE', { fromStatementDate: '2026-01-01', toStatementDate: '2026-11-21' }, undefined],
    ['a toStatementDate in the future', { toStatementDate: '2026-11-22' }, 'toStatementDate must not be in the future'],
    [
      'a from after the to',
      { fromStatementDate: '2026-06-02', toStatementDate: '2026-06-01' },
      'fromStatementDate must not be after toStatementDate',
    ],
    [
      'a date-time where a date is expected',
      { fromStatementDate: '2026-06-01T00:00:00Z' },
      'fromStatementDate must be an ISO 8601 date (yyyy-MM-dd)',
    ],
    ['an impossible date', { toStatementDate: '2026-02-30' }, 'toStatementDate must be an ISO 8601 date (yyyy-MM-dd)'],
  ])('statements: %s', (_label, parameters, message) => {
    expect(statementWindowProblem(parameters, NOW)?.message).toBe(message);
  });
});
