import type { StoredConsentResource } from '@app/contract';
import { instantOf } from '../shared/date-time.js';
import { objectAt } from '../shared/json.js';
import type { UkConsentKind } from '../shared/uk-consent-kind.js';

/**
 * Whether a consent can no longer be used at `nowMillis`: its stored validity time, or the receipt's expiry (an
 * account or funds-confirmation ExpirationDateTime, a VRP ValidToDateTime, a scheduled payment's execution date).
 */
export function consentExpired(kind: UkConsentKind, consent: StoredConsentResource, nowMillis: number): boolean {
  if (consent.validityTime !== undefined && consent.validityTime > 0 && consent.validityTime * 1000 <= nowMillis) {
    return true;
  }
  const data = objectAt(consent.receipt, 'Data');
  const expiry =
    kind.family === 'vrp'
      ? objectAt(data, 'ControlParameters')?.['ValidToDateTime']
      : kind.family === 'payment'
        ? objectAt(data, 'Initiation')?.['RequestedExecutionDateTime']
        : data?.['ExpirationDateTime'];
  const expiresAt = instantOf(expiry);
  return expiresAt !== undefined && expiresAt <= nowMillis;
}

/** A VRP consent whose ValidFromDateTime has not come yet. */
export function vrpNotYetValid(consent: StoredConsentResource, nowMillis: number): boolean {
  const validFrom = instantOf(objectAt(objectAt(consent.receipt, 'Data'), 'ControlParameters')?.['ValidFromDateTime']);
  return validFrom !== undefined && validFrom > nowMillis;
}
