const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/**
 * Epoch seconds (the identity server's time unit, contract §3.1) as `yyyy-MM-ddTHH:mm:ss` in UTC followed by the zone
 * the specification writes for UTC: `Z` (Java's `XXX` pattern, as the accelerator prints it) or `+00:00` (the form the
 * UK standard's examples use). Undefined for an instant outside years 0-9999, which the pattern cannot print.
 */
export function formatUtcDateTime(epochSeconds: number, utcZone: 'Z' | '+00:00'): string | undefined {
  const date = new Date(epochSeconds * 1000);
  const year = date.getUTCFullYear();
  if (Number.isNaN(year) || year < 0 || year > 9999) {
    return undefined;
  }
  return (
    `${pad(year, 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}${utcZone}`
  );
}
