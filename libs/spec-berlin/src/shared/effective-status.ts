import type { StoredConsentResource } from '@app/contract';
import { ConsentStatus } from './consent-status.js';
import { BerlinConsentType } from './consent-type.js';

/**
 * The status a TPP sees. The identity server's expiry job may not have run yet, so a `valid` consent past its
 * `validityTime`, or superseded by a newer recurring consent (§B.3), is `expired` already.
 */
export function effectiveStatus(consent: StoredConsentResource, nowMillis: number, superseded: boolean): string {
  const status = consent.status ?? '';
  if (consent.type === BerlinConsentType.Payments || status !== ConsentStatus.Valid) {
    return status;
  }
  if (superseded || hasLapsed(consent, nowMillis)) {
    return ConsentStatus.Expired;
  }
  return status;
}

/** `validityTime` is the first second after the last valid day; 0 means no end. */
export function hasLapsed(consent: StoredConsentResource, nowMillis: number): boolean {
  const validityTime = consent.validityTime ?? 0;
  return validityTime > 0 && nowMillis / 1000 >= validityTime;
}
