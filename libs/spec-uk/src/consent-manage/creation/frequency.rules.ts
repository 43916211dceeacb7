import { UkErrorCode, ukRejection, type UkRejection } from '../../shared/uk-error.js';

/*
 * A standing order's Frequency (OBDomesticStandingOrder3, OBInternationalStandingOrder4). Its form is the schema's
 * regular expression (checked before any rule runs): a schedule code, then its numbers. Which schedules a bank runs is
 * its choice; a well-formed one it does not run is UK.OBIE.Unsupported.Frequency (§A.6).
 */

const PATH = 'Data.Initiation.Frequency';

/** The schedule code of a frequency: `IntrvlMnthDay` of `IntrvlMnthDay:01:15`. */
export function scheduleCodeOf(frequency: string): string {
  const separator = frequency.indexOf(':');
  return separator === -1 ? frequency : frequency.slice(0, separator);
}

/** Unsupported.Frequency when the schedule code is not one the bank runs; undefined when there is nothing to check. */
export function frequencyRejection(frequency: unknown, supported: readonly string[]): UkRejection | undefined {
  if (typeof frequency !== 'string') {
    return undefined;
  }
  const code = scheduleCodeOf(frequency);
  return supported.includes(code)
    ? undefined
    : ukRejection(
        400,
        UkErrorCode.UnsupportedFrequency,
        `Frequency "${frequency}" is not one the bank runs (accepted schedules: ${supported.join(', ')})`,
        PATH,
      );
}
