import type { JsonObject } from '@app/contract';
import type { SchemaCheck } from '@app/openapi-schemas';
import type { AaniPurposeCodes } from '../shared/aani-purpose-codes.js';
import { objectAt, stringAt } from '../shared/json.js';
import { moneyAt, type Money } from '../shared/money.js';
import type { UaeErrorCode } from '../shared/uae-error.js';

export type SubmissionCheck =
  | { readonly ok: true; readonly amount: Money }
  | { readonly ok: false; readonly code: UaeErrorCode; readonly message: string };

const MAX_IDEMPOTENCY_KEY_LENGTH = 40;

/** x-idempotency-key, required on POST /payments: at most 40 characters without whitespace (spec-rules §C.3). */
export function idempotencyKeyOf(headers: Readonly<Record<string, string>> | undefined): string | undefined {
  const entry = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'x-idempotency-key');
  const key = entry?.[1];
  return key !== undefined && key !== '' && key.length <= MAX_IDEMPOTENCY_KEY_LENGTH && /^\S*$/.test(key)
    ? key
    : undefined;
}

/** What a submission is checked with. */
export interface SubmissionRules {
  readonly schema: SchemaCheck;
  readonly purposeCodes: AaniPurposeCodes;
  /**
   * A single instant payment repeats its consent: PaymentPurposeCode, DebtorReference and CreditorReference "must
   * exactly match" it. A multi-payment's may differ ("only ConsentId must match"), its purpose code still from the list.
   */
  readonly repeatsConsent: boolean;
}

/**
 * A POST /payments body against its consent (spec-rules §C.3 and the requirement pages of each payment type): the
 * official schema, the consent it names, then the purpose code and references. The amount is checked by the ledger.
 */
export function checkSubmission(
  body: unknown,
  consent: JsonObject,
  tppConsentId: string,
  rules: SubmissionRules,
): SubmissionCheck {
  const violation = rules.schema(body);
  if (violation !== undefined) {
    return { ok: false, code: 'Body.InvalidFormat', message: violation.message };
  }
  const data = objectAt(body, 'Data');
  if (stringAt(data, 'ConsentId') !== tppConsentId) {
    return {
      ok: false,
      code: 'Consent.Invalid',
      message: `Data.ConsentId must be the consent of the access token (${tppConsentId})`,
    };
  }
  if (rules.repeatsConsent) {
    for (const field of ['PaymentPurposeCode', 'DebtorReference', 'CreditorReference']) {
      if (stringAt(data, field) !== stringAt(consent, field)) {
        return {
          ok: false,
          code: 'Consent.BusinessRuleViolation',
          message: `Data.${field} must be the ${field} of the consent`,
        };
      }
    }
  }
  const purposeCode = stringAt(data, 'PaymentPurposeCode');
  if (purposeCode !== undefined && !rules.purposeCodes.has(purposeCode)) {
    return {
      ok: false,
      code: 'Consent.BusinessRuleViolation',
      message: `Data.PaymentPurposeCode ${purposeCode} is not on the AANI purpose code list`,
    };
  }
  const amount = moneyAt(objectAt(data, 'Instruction'), 'Amount');
  if (amount === undefined) {
    return {
      ok: false,
      code: 'Body.InvalidFormat',
      message: 'Data.Instruction.Amount must hold an Amount and a Currency',
    };
  }
  return { ok: true, amount };
}
