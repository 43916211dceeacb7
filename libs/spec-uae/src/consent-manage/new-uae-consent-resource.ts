import type { Authorization, NewConsentResource } from '@app/contract';
import type { UaeConsentRequest } from '../authorize/uae-consent-request.js';
import { UAE_CONSENT_TYPES } from '../consent-authorize/consent-screen-data.js';
import { UAE_ATTRIBUTES } from '../shared/consent-attributes.js';
import type { UaeConsentStatus } from '../shared/consent-status.js';
import { parseDateTime } from '../shared/date-time.js';
import { isRecurring, paymentControlsOf } from '../shared/payment-controls.js';

/**
 * The consent the identity server creates from a TPP's `authorization_details` item, whichever route brings it (PAR
 * at persist-authorized-consent, or a staged POST at pre-process-consent-creation): the five scalars it unboxes, the
 * item as the receipt, the TPP's ConsentId and BaseConsentId as attributes. Only the status and the authorisations
 * depend on the route, so they are the caller's.
 */
export function newUaeConsentResource(
  request: UaeConsentRequest,
  status: UaeConsentStatus,
  authorizations: Authorization[],
): NewConsentResource {
  const payment = request.kind === 'service-initiation';
  return {
    type: payment ? UAE_CONSENT_TYPES.serviceInitiation : UAE_CONSENT_TYPES.accountAccess,
    status,
    frequency: 0,
    validityTime: Math.floor((parseDateTime(request.consent['ExpirationDateTime']) ?? 0) / 1000),
    recurringIndicator: !payment || isRecurring(paymentControlsOf(request.consent)),
    receipt: request.item,
    attributes: {
      [UAE_ATTRIBUTES.consentId]: request.consentId,
      ...(request.baseConsentId === undefined ? {} : { [UAE_ATTRIBUTES.baseConsentId]: request.baseConsentId }),
    },
    authorizations,
  };
}
