import type { UkConsentKind } from '../../shared/uk-consent-kind.js';
import { headerValue } from '../../shared/json.js';
import { UkErrorCode, ukRejection, type UkRejection } from '../../shared/uk-error.js';
import { idempotencyKeyRejection } from './idempotency-key.rule.js';
import { firstRejection } from './rule-context.js';

/**
 * `application/json`, maybe with parameters (§A.2). The identity server forwards `Content-Type` only when the bank puts
 * it on `manage_extension.allowed_headers`; otherwise the gateway enforces it.
 */
const ACCEPTED_CONTENT_TYPE = /^application\/json\s*(;.*)?$/i;

/** The schema's pattern of `x-fapi-auth-date` (§A.2), checked when the bank forwards the header. */
const FAPI_AUTH_DATE =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|UTC)$/;

/** A forwarded Content-Type other than JSON is 415 Header.Invalid; one not forwarded was the gateway's to check. */
export function contentTypeRejection(contentType: string | undefined): UkRejection | undefined {
  return contentType === undefined || ACCEPTED_CONTENT_TYPE.test(contentType)
    ? undefined
    : ukRejection(
        415,
        UkErrorCode.HeaderInvalid,
        `Content-Type ${contentType} is not supported: send application/json`,
        'Content-Type',
      );
}

/** A forwarded `x-fapi-auth-date` that is not an RFC 7231 date is 400 Header.Invalid. */
export function fapiAuthDateRejection(authDate: string | undefined): UkRejection | undefined {
  return authDate === undefined || FAPI_AUTH_DATE.test(authDate)
    ? undefined
    : ukRejection(
        400,
        UkErrorCode.HeaderInvalid,
        'x-fapi-auth-date must be an RFC 7231 date such as "Sun, 10 Sep 2017 19:43:31 GMT"',
        'x-fapi-auth-date',
      );
}

/**
 * The headers of a `POST /…-consents` (§A.2), before the body is read: Content-Type, x-fapi-auth-date, then the
 * x-idempotency-key of the endpoints that are idempotent (§A.1). The detached JWS needs the body and comes later.
 */
export function creationHeadersRejection(
  kind: UkConsentKind,
  requestHeaders: Readonly<Record<string, string>> | undefined,
): UkRejection | undefined {
  return firstRejection([
    () => contentTypeRejection(headerValue(requestHeaders, 'content-type')),
    () => fapiAuthDateRejection(headerValue(requestHeaders, 'x-fapi-auth-date')),
    () => (kind.idempotent ? idempotencyKeyRejection(headerValue(requestHeaders, 'x-idempotency-key')) : undefined),
  ]);
}
