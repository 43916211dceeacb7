/*
 * A standing order's Frequency (the v3.1.11 patterns of OBDomesticStandingOrder3 / OBInternationalStandingOrder4) in
 * the words a customer reads on the consent page. The definitions are those of the data dictionary: days of the week
 * run from 01 (Monday) to 07 (Sunday), a negative day of the month counts from its end.
 */

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];
const QUARTER_DAYS: Readonly<Record<string, string>> = {
  ENGLISH: '25 March, 24 June, 29 September and 25 December',
  SCOTTISH: '2 February, 15 May, 1 August and 11 November',
  RECEIVED: '20 March, 19 June, 24 September and 20 December',
};

function every(count: number, unit: string): string {
  return count === 1 ? `Every ${unit}` : `Every ${count} ${unit}s`;
}

function dayOfMonth(day: number): string {
  if (day > 0) {
    return `on day ${day}`;
  }
  return day === -1 ? 'on the last day' : `${-day - 1} day${day === -2 ? '' : 's'} before the last day`;
}

/** The plain-language schedule; a frequency the patterns do not describe is shown as it is. */
export function describeFrequency(frequency: string): string {
  const [code, first, second] = frequency.split(':');
  const a = Number(first);
  const b = Number(second);
  switch (code) {
    case 'EvryDay':
      return 'Every day';
    case 'EvryWorkgDay':
      return 'Every working day';
    case 'IntrvlDay':
      return every(a, 'day');
    case 'IntrvlWkDay':
      return WEEKDAYS[b - 1] === undefined ? frequency : `${every(a, 'week')} on ${WEEKDAYS[b - 1]}`;
    case 'WkInMnthDay':
      return ORDINALS[a - 1] === undefined || WEEKDAYS[b - 1] === undefined
        ? frequency
        : `Every month on the ${ORDINALS[a - 1]} ${WEEKDAYS[b - 1]}`;
    case 'IntrvlMnthDay':
      return Number.isInteger(a) && Number.isInteger(b) && b !== 0
        ? `${every(a, 'month')} ${dayOfMonth(b)}`
        : frequency;
    case 'QtrDay':
      return first !== undefined && QUARTER_DAYS[first] !== undefined
        ? `Every quarter, on ${QUARTER_DAYS[first]}`
        : frequency;
    default:
      return frequency;
  }
}
