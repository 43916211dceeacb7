import type { JsonObject } from '@app/contract';
import { objectAt } from '../shared/json.js';
import { UkErrorCode, ukRejection, type UkRejection } from '../shared/uk-error.js';
import { activeAccountIds, type AccessRequest } from './access-request.js';
import { paymentIdempotencyKey, submissionData, unchangedField } from './submission-body.js';

/** A payment order its consent allows, with what counting it needs. */
export interface MatchingPaymentOrder {
  /** The submission's `Data`. */
  readonly data: JsonObject;
  readonly idempotencyKey: string;
}

/** The checks a consent family adds on the submission's `Data` (a VRP's instruction and control parameters). */
export type PaymentOrderDataRules = (data: JsonObject) => UkRejection | undefined;

/**
 * What every payment order under a payment-order or VRP consent opens with (§A.6), before it is counted: it names this
 * consent, its Initiation and Risk are the consent's unaltered, it passes the family's own `dataRules`, an account is
 * still mapped to the consent, and it has a valid x-idempotency-key. The first problem in that order is the answer.
 */
export function paymentOrderMatchingConsent(
  request: AccessRequest,
  dataRules: PaymentOrderDataRules = () => undefined,
): MatchingPaymentOrder | { readonly rejection: UkRejection } {
  const submission = submissionData(request);
  if ('rejection' in submission) {
    return submission;
  }
  const { data } = submission;
  const { receipt } = request.consent;
  const mismatch =
    unchangedField(data['Initiation'], objectAt(receipt, 'Data')?.['Initiation'], 'Data.Initiation') ??
    unchangedField(objectAt(request.payload.body, 'Risk'), objectAt(receipt, 'Risk'), 'Risk') ??
    dataRules(data);
  if (mismatch !== undefined) {
    return { rejection: mismatch };
  }
  if (activeAccountIds(request.consent).size === 0) {
    return {
      rejection: ukRejection(
        403,
        UkErrorCode.ResourceConsentMismatch,
        'No debtor account is mapped to this consent any more',
      ),
    };
  }
  const idempotencyKey = paymentIdempotencyKey(request);
  return typeof idempotencyKey === 'string' ? { data, idempotencyKey } : { rejection: idempotencyKey };
}
