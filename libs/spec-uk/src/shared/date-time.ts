import { formatUtcDateTime } from '@app/contract';
/*
 * Date-times of UK Open Banking bodies. The official schemas give them `format: date-time` (RFC 3339, checked by the
 * schema validation before any rule reads them), so a rule only needs the instant. Responses carry the offset as
 * `+00:00`, the form of the standard's own examples.
 */

/** Epoch milliseconds of a date-time string, or undefined when it is not one. */
export function instantOf(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length > 64) {
    return undefined;
  }
  const millis = Date.parse(value);
  return Number.isNaN(millis) ? undefined : millis;
}

/** `yyyy-MM-ddTHH:mm:ss+00:00` of epoch seconds, or undefined outside years 0-9999. */
export function formatUkDateTime(epochSeconds: number): string | undefined {
  return formatUtcDateTime(epochSeconds, '+00:00');
}
