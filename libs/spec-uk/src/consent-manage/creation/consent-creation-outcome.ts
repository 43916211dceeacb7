import { type JsonObject, type NewConsentResource, epochSeconds } from '@app/contract';
import { instantOf } from '../../shared/date-time.js';
import { objectAt } from '../../shared/json.js';
import type { ConsentFamily, UkConsentKind } from '../../shared/uk-consent-kind.js';
import { AUTHORISATION_TYPE, UkAuthorizationStatus, UkConsentStatus } from '../../shared/uk-status.js';

/**
 * The consent the identity server stores for an accepted body: its type, `AwaitingAuthorisation` (`AwaitingUpload` for a
 * file payment), the receipt equal to
 * the TPP body (idempotent replays are compared with it), and one `Created` authorization without a user, which the
 * authorize flow reuses as the primary one.
 */
export function consentCreationOutcome(kind: UkConsentKind, body: JsonObject): NewConsentResource {
  return {
    type: kind.type,
    // A file payment awaits its file first (file-payment-consents: "AwaitingUpload immediately after creation").
    status: kind.file === true ? UkConsentStatus.AwaitingUpload : UkConsentStatus.AwaitingAuthorisation,
    frequency: 0,
    validityTime: consentValidityTime(kind.family, body),
    // Account, funds-confirmation and VRP consents are used again and again; a payment-order consent once.
    recurringIndicator: kind.family !== 'payment',
    receipt: body,
    attributes: {},
    authorizations: [{ type: AUTHORISATION_TYPE, status: UkAuthorizationStatus.Created, resources: [] }],
  };
}

/**
 * Epoch seconds of the expiry, 0 for none: the consent's ExpirationDateTime (absent = open-ended, §A.3, which the
 * bank must not change), a VRP consent's ValidToDateTime; payment-order consents never expire by time.
 */
export function consentValidityTime(family: ConsentFamily, body: JsonObject): number {
  const data = objectAt(body, 'Data');
  const expiry =
    family === 'vrp'
      ? instantOf(objectAt(data, 'ControlParameters')?.['ValidToDateTime'])
      : family === 'payment'
        ? undefined
        : instantOf(data?.['ExpirationDateTime']);
  return expiry === undefined ? 0 : Math.max(epochSeconds(expiry), 1);
}
