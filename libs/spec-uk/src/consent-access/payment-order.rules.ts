import type { UsageCounterRepository } from '@app/persistence';
import { UkErrorCode, ukRejection } from '../shared/uk-error.js';
import { httpMethodOf, type AccessRules } from './access-request.js';
import { paymentOrderMatchingConsent } from './payment-order-matching-consent.js';
import { paymentOrderEventId } from './submission-body.js';

/** One payment order per consent: a counter that reaches 1. */
const ORDERS_PER_CONSENT = 1;

/**
 * A payment-order consent (§A.5, §A.6): `GET /…-consents/{ConsentId}/funds-confirmation` while Authorised (where the
 * endpoint has one), and one
 * payment order whose Initiation and Risk equal the consent's. A second order with another idempotency key is refused
 * as the consent is then used up (Consumed), even before the bank updates its status; a retry with the same key is
 * answered as the first time.
 */
export function paymentOrderRules(usage: UsageCounterRepository): AccessRules {
  return async (request) => {
    const { kind, template, consentId } = request;
    if (
      kind.fundsConfirmation === true &&
      template === `/${kind.path}/{ConsentId}/funds-confirmation` &&
      httpMethodOf(request) === 'GET'
    ) {
      return undefined;
    }
    if (template !== kind.submissionResource || httpMethodOf(request) !== 'POST') {
      return ukRejection(
        403,
        UkErrorCode.ResourceConsentMismatch,
        `A ${kind.title.toLowerCase()} consent does not give access to ${template}`,
      );
    }
    const order = paymentOrderMatchingConsent(request);
    if ('rejection' in order) {
      return order.rejection;
    }
    const result = await usage.consume(paymentOrderEventId('uk-order', consentId, order.idempotencyKey), [
      { counterKey: `uk-order:${consentId}`, periodKey: 'consent', amount: 1, limit: ORDERS_PER_CONSENT },
    ]);
    const outcome = result.outcome === 'replayed' ? result.previous.outcome : result.outcome;
    return outcome === 'accepted'
      ? undefined
      : ukRejection(
          400,
          UkErrorCode.ResourceInvalidConsentStatus,
          'The consent has already been used for a payment order (Consumed)',
        );
  };
}
