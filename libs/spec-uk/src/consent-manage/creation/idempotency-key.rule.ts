import { UkErrorCode, ukRejection, type UkRejection } from '../../shared/uk-error.js';

const HEADER = 'x-idempotency-key';
const MAX_LENGTH = 40;
/** The schema's pattern: at least one character, no leading or trailing whitespace. */
const PATTERN = /^(?!\s)(.*)(\S)$/;

/**
 * `x-idempotency-key` on idempotent POSTs (§A.2): missing is Header.Missing, longer than 40 characters or with
 * surrounding whitespace Header.Invalid. Replaying a key is the identity server's job (it compares the body with the
 * stored receipt before calling this point).
 */
export function idempotencyKeyRejection(key: string | undefined): UkRejection | undefined {
  if (key === undefined || key === '') {
    return ukRejection(400, UkErrorCode.HeaderMissing, `${HEADER} is required on this endpoint`, HEADER);
  }
  if (key.length > MAX_LENGTH || !PATTERN.test(key)) {
    return ukRejection(
      400,
      UkErrorCode.HeaderInvalid,
      `${HEADER} must have 1 to ${MAX_LENGTH} characters without leading or trailing whitespace`,
      HEADER,
    );
  }
  return undefined;
}
