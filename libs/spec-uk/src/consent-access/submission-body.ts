import { createHash } from 'node:crypto';
import type { JsonObject } from '@app/contract';
import { headerValue, isJsonObject, jsonEquals, objectAt, stringAt } from '../shared/json.js';
import { UkErrorCode, ukRejection, type UkRejection } from '../shared/uk-error.js';
import type { AccessRequest } from './access-request.js';

/** The TPP's submission `Data`, once it names this consent; otherwise the rejection. */
export function submissionData(
  request: AccessRequest,
): { readonly data: JsonObject } | { readonly rejection: UkRejection } {
  const body = request.payload.body;
  const data = objectAt(body, 'Data');
  if (!isJsonObject(body) || data === undefined) {
    return { rejection: ukRejection(400, UkErrorCode.FieldMissing, 'The request body has no Data object', 'Data') };
  }
  if (stringAt(data, 'ConsentId') !== request.consentId) {
    return {
      rejection: ukRejection(
        400,
        UkErrorCode.ResourceConsentMismatch,
        'Data.ConsentId is not the consent of the access token',
        'Data.ConsentId',
      ),
    };
  }
  return { data };
}

/** A field of the submission must equal the consent's, unaltered (§A.6: nothing in Initiation or Risk may change). */
export function unchangedField(actual: unknown, consented: unknown, path: string): UkRejection | undefined {
  return jsonEquals(actual, consented)
    ? undefined
    : ukRejection(400, UkErrorCode.ResourceConsentMismatch, `${path} does not match the consent`, path);
}

const IDEMPOTENCY_HEADER = 'x-idempotency-key';

/** The payment order's `x-idempotency-key` (§A.2: required on payment orders too, 1..40 characters, no surrounding blanks). */
export function paymentIdempotencyKey(request: AccessRequest): string | UkRejection {
  const key = headerValue(request.payload.headers, IDEMPOTENCY_HEADER);
  if (key === undefined || key === '') {
    return ukRejection(
      400,
      UkErrorCode.HeaderMissing,
      `${IDEMPOTENCY_HEADER} is required on payment orders`,
      IDEMPOTENCY_HEADER,
    );
  }
  if (key.length > 40 || !/^(?!\s)(.*)(\S)$/.test(key)) {
    return ukRejection(
      400,
      UkErrorCode.HeaderInvalid,
      `${IDEMPOTENCY_HEADER} must have 1 to 40 characters without leading or trailing whitespace`,
      IDEMPOTENCY_HEADER,
    );
  }
  return key;
}

/**
 * The usage-event id of one payment order: the consent and the TPP's idempotency key, so a TPP retrying the same order
 * (same key) is answered as the first time and never counted twice.
 */
export function paymentOrderEventId(prefix: string, consentId: string, idempotencyKey: string): string {
  return `${prefix}:${createHash('sha256').update(`${consentId}\n${idempotencyKey}`).digest('hex')}`;
}
