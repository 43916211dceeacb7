import type { JsonObject } from '@app/contract';
import type { UaeConsentRequest } from '../authorize/uae-consent-request.js';
import { ACCOUNT_ACCESS_TYPE, SERVICE_INITIATION_TYPE } from '../schemas/uae-official-schemas.js';
import { UaeConsentStatus } from '../shared/consent-status.js';
import { newUaeConsentResource } from './new-uae-consent-resource.js';

const EXPIRATION = '2026-12-21T12:00:00+00:00';
const EXPIRATION_SECONDS = Date.parse(EXPIRATION) / 1000;
const CREATED = [{ type: 'authorisation', status: 'Created', resources: [] }];

function requestOf(kind: UaeConsentRequest['kind'], consent: JsonObject, baseConsentId?: string): UaeConsentRequest {
  const type = kind === 'service-initiation' ? SERVICE_INITIATION_TYPE : ACCOUNT_ACCESS_TYPE;
  const item = { type, consent };
  return {
    type,
    kind,
    item,
    consent,
    consentId: String(consent['ConsentId']),
    ...(baseConsentId === undefined ? {} : { baseConsentId }),
  };
}

const SINGLE_PAYMENT = {
  ConsentSchedule: { SinglePayment: { Type: 'SingleInstantPayment', Amount: { Amount: '1.00', Currency: 'AED' } } },
};
const DEFINED_PAYMENTS = {
  ConsentSchedule: {
    MultiPayment: {
      PeriodicSchedule: {
        Type: 'FixedDefinedSchedule',
        Schedule: [{ PaymentExecutionDate: '2026-12-01', Amount: { Amount: '1.00', Currency: 'AED' } }],
      },
    },
  },
};

describe(newUaeConsentResource.name, () => {
  it('builds a data-sharing consent: recurring, valid until its ExpirationDateTime, the item as receipt, the ConsentId as attribute', () => {
    const request = requestOf('account-access', {
      ConsentId: 'aa-1',
      ExpirationDateTime: EXPIRATION,
      Permissions: ['ReadAccountsBasic'],
    });

    expect(newUaeConsentResource(request, UaeConsentStatus.AwaitingAuthorization, CREATED)).toEqual({
      type: 'accounts',
      status: 'AwaitingAuthorization',
      frequency: 0,
      validityTime: EXPIRATION_SECONDS,
      recurringIndicator: true,
      receipt: request.item,
      attributes: { UaeConsentId: 'aa-1' },
      authorizations: CREATED,
    });
  });

  it('builds a single payment as not recurring, and records the BaseConsentId of a consent in a chain', () => {
    const request = requestOf(
      'service-initiation',
      { ConsentId: 'si-2', ExpirationDateTime: EXPIRATION, ControlParameters: SINGLE_PAYMENT },
      'si-1',
    );
    const authorizations = [
      {
        userId: 'psu@wso2.com',
        type: 'authorisation',
        status: 'Authorized',
        resources: [{ accountId: 'acc-1', permission: 'primary', status: 'active' }],
      },
    ];

    expect(newUaeConsentResource(request, UaeConsentStatus.Authorized, authorizations)).toEqual({
      type: 'payments',
      status: 'Authorized',
      frequency: 0,
      validityTime: EXPIRATION_SECONDS,
      recurringIndicator: false,
      receipt: request.item,
      attributes: { UaeConsentId: 'si-2', UaeBaseConsentId: 'si-1' },
      authorizations,
    });
  });

  it('builds a payment with a schedule of several payments as recurring', () => {
    const request = requestOf('service-initiation', {
      ConsentId: 'si-3',
      ExpirationDateTime: EXPIRATION,
      ControlParameters: DEFINED_PAYMENTS,
    });

    expect(newUaeConsentResource(request, UaeConsentStatus.AwaitingAuthorization, CREATED).recurringIndicator).toBe(
      true,
    );
  });

  it('gives a consent without a readable ExpirationDateTime the validityTime 0', () => {
    const request = requestOf('account-access', { ConsentId: 'aa-4', Permissions: ['ReadAccountsBasic'] });

    expect(newUaeConsentResource(request, UaeConsentStatus.AwaitingAuthorization, CREATED).validityTime).toBe(0);
  });
});
