import type { StoredConsentResource, Clock } from '@app/contract';
import { isUaeConsentStatus, UaeConsentStatus } from '../shared/consent-status.js';

/**
 * The UAE status of a stored consent: its stored status, except that an in-use consent past its validity time is
 * Expired (the identity server's expiry job may not have run yet). Undefined for a status UAE does not define.
 */
export function effectiveStatus(resource: StoredConsentResource, clock: Clock): UaeConsentStatus | undefined {
  const status = resource.status;
  if (!isUaeConsentStatus(status)) {
    return undefined;
  }
  const validityTime = resource.validityTime ?? 0;
  const inUse =
    status === UaeConsentStatus.Authorized ||
    status === UaeConsentStatus.Suspended ||
    status === UaeConsentStatus.AwaitingAuthorization;
  return inUse && validityTime > 0 && clock.now() >= validityTime * 1000 ? UaeConsentStatus.Expired : status;
}
