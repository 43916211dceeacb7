import type { JsonObject } from '@app/contract';
import { UK_CONSENT_KINDS, type UkConsentKind } from '../../shared/uk-consent-kind.js';
import { consentCreationOutcome, consentValidityTime } from './consent-creation-outcome.js';

const kind = (path: string): UkConsentKind => UK_CONSENT_KINDS.find((candidate) => candidate.path === path)!;
const EXPIRY = '2030-07-10T09:00:00+00:00';
const EXPIRY_SECONDS = Date.parse(EXPIRY) / 1000;

describe(consentCreationOutcome.name, () => {
  it('stores an account consent AwaitingAuthorisation, recurring, with the TPP body as its receipt and one Created authorization', () => {
    const body: JsonObject = { Data: { Permissions: ['ReadAccountsBasic'], ExpirationDateTime: EXPIRY }, Risk: {} };
    const outcome = consentCreationOutcome(kind('account-access-consents'), body);
    expect(outcome).toEqual({
      type: 'accounts',
      status: 'AwaitingAuthorisation',
      frequency: 0,
      validityTime: EXPIRY_SECONDS,
      recurringIndicator: true,
      receipt: body,
      attributes: {},
      authorizations: [{ type: 'authorisation', status: 'Created', resources: [] }],
    });
    expect(outcome.receipt).toBe(body);
  });

  it('stores a payment-order consent for a single use, and a file payment AwaitingUpload', () => {
    const body: JsonObject = { Data: { Initiation: {} }, Risk: {} };
    expect(consentCreationOutcome(kind('domestic-payment-consents'), body)).toMatchObject({
      type: 'domestic-payments',
      status: 'AwaitingAuthorisation',
      recurringIndicator: false,
    });
    expect(consentCreationOutcome(kind('file-payment-consents'), body)).toMatchObject({
      type: 'file-payments',
      status: 'AwaitingUpload',
      recurringIndicator: false,
    });
  });
});

describe(consentValidityTime.name, () => {
  it.each([
    [
      'an account consent: its ExpirationDateTime',
      'account-access',
      { Data: { ExpirationDateTime: EXPIRY } },
      EXPIRY_SECONDS,
    ],
    ['an account consent without expiry: open-ended', 'account-access', { Data: {} }, 0],
    [
      'a funds-confirmation consent: its ExpirationDateTime',
      'funds-confirmation',
      { Data: { ExpirationDateTime: EXPIRY } },
      EXPIRY_SECONDS,
    ],
    [
      'a VRP consent: its ValidToDateTime',
      'vrp',
      { Data: { ExpirationDateTime: '2031-01-01T00:00:00Z', ControlParameters: { ValidToDateTime: EXPIRY } } },
      EXPIRY_SECONDS,
    ],
    ['a VRP consent without ValidToDateTime: open-ended', 'vrp', { Data: { ControlParameters: {} } }, 0],
    ['a payment-order consent: never by time', 'payment', { Data: { ExpirationDateTime: EXPIRY } }, 0],
    [
      'an expiry at the epoch itself: 1, as 0 means none',
      'account-access',
      { Data: { ExpirationDateTime: '1970-01-01T00:00:00Z' } },
      1,
    ],
  ] as const)('%s', (_case, family, body, seconds) => {
    expect(consentValidityTime(family, body)).toBe(seconds);
  });
});
