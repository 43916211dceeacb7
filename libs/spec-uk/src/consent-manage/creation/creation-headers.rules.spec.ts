import { UK_CONSENT_KINDS, type UkConsentKind } from '../../shared/uk-consent-kind.js';
import { contentTypeRejection, creationHeadersRejection, fapiAuthDateRejection } from './creation-headers.rules.js';

const kind = (path: string): UkConsentKind => UK_CONSENT_KINDS.find((candidate) => candidate.path === path)!;
const ACCOUNTS = kind('account-access-consents');
const PAYMENTS = kind('domestic-payment-consents');

const BAD_AUTH_DATE = {
  status: 400,
  code: 'UK.OBIE.Header.Invalid',
  message: 'x-fapi-auth-date must be an RFC 7231 date such as "Sun, 10 Sep 2017 19:43:31 GMT"',
  path: 'x-fapi-auth-date',
};

describe(contentTypeRejection.name, () => {
  it.each([['application/json'], ['application/json; charset=utf-8'], ['Application/JSON;charset=UTF-8'], [undefined]])(
    'accepts %p',
    (contentType) => {
      expect(contentTypeRejection(contentType)).toBeUndefined();
    },
  );

  it.each(['text/plain', 'application/jose', 'application/jsonx', 'application/json-patch+json'])(
    'refuses %s (UK-36): 415 Header.Invalid',
    (contentType) => {
      expect(contentTypeRejection(contentType)).toEqual({
        status: 415,
        code: 'UK.OBIE.Header.Invalid',
        message: `Content-Type ${contentType} is not supported: send application/json`,
        path: 'Content-Type',
      });
    },
  );
});

describe(fapiAuthDateRejection.name, () => {
  it.each([['Sun, 10 Sep 2017 19:43:31 GMT'], ['Mon, 01 Jan 2030 00:00:00 UTC'], [undefined]])(
    'accepts %p',
    (authDate) => {
      expect(fapiAuthDateRejection(authDate)).toBeUndefined();
    },
  );

  it.each([
    '2017-09-10T19:43:31Z',
    'Sunday, 10 Sep 2017 19:43:31 GMT',
    'Sun, 10 Sep 2017 19:43:31 CET',
    'Sun, 10 Sep 2017 19:43:31 GMT ',
    '',
  ])('refuses %p (A.2): 400 Header.Invalid', (authDate) => {
    expect(fapiAuthDateRejection(authDate)).toEqual(BAD_AUTH_DATE);
  });
});

describe(creationHeadersRejection.name, () => {
  it('accepts the headers of an account consent without any, and of a payment consent with its idempotency key', () => {
    expect(creationHeadersRejection(ACCOUNTS, undefined)).toBeUndefined();
    expect(creationHeadersRejection(PAYMENTS, { 'x-idempotency-key': 'key-1' })).toBeUndefined();
  });

  it('asks for x-idempotency-key only on idempotent endpoints', () => {
    expect(creationHeadersRejection(ACCOUNTS, {})).toBeUndefined();
    expect(creationHeadersRejection(PAYMENTS, {})).toEqual({
      status: 400,
      code: 'UK.OBIE.Header.Missing',
      message: 'x-idempotency-key is required on this endpoint',
      path: 'x-idempotency-key',
    });
  });

  it('reads header names whatever their case', () => {
    expect(creationHeadersRejection(ACCOUNTS, { 'X-FAPI-Auth-Date': 'yesterday' })).toEqual(BAD_AUTH_DATE);
    expect(creationHeadersRejection(PAYMENTS, { 'X-Idempotency-Key': 'key-1' })).toBeUndefined();
  });

  it('reports Content-Type first, then x-fapi-auth-date, then x-idempotency-key', () => {
    const allWrong = { 'content-type': 'text/plain', 'x-fapi-auth-date': 'yesterday', 'x-idempotency-key': ' k' };
    expect(creationHeadersRejection(PAYMENTS, allWrong)).toMatchObject({ status: 415, path: 'Content-Type' });
    expect(creationHeadersRejection(PAYMENTS, { ...allWrong, 'content-type': 'application/json' })).toEqual(
      BAD_AUTH_DATE,
    );
    expect(creationHeadersRejection(PAYMENTS, { 'x-idempotency-key': ' k' })).toMatchObject({
      status: 400,
      code: 'UK.OBIE.Header.Invalid',
      path: 'x-idempotency-key',
    });
  });
});
