import { randomBytes, randomUUID } from 'node:crypto';
import type { JsonRecord } from '../simulator/json-values.js';

/*
 * The TPP, the customers and the PAR request objects of the `uae` journey (UAE Open Finance v2.1, spec-rules §C).
 * ConsentIds are fresh on every run: the service remembers the ConsentIds a TPP has used.
 */

export const UAE_JOURNEY_CLIENT_ID = 'uae-journey-tpp';
export const UAE_JOURNEY_USER = 'psu@wso2.com';
/** Another customer of the demo bank, who must not be able to renew the first customer's consent. */
export const UAE_OTHER_USER = 'admin@wso2.com';

/** A retail current account of the demo customer (data sharing). */
export const UAE_SHARED_ACCOUNT_ID = '60161331926819';
/** The demo customer's payable dirham account, the only one a domestic AED payment can debit. */
export const UAE_DIRHAM_ACCOUNT_ID = 'AE070331234567890123456';

export const UAE_ACCOUNTS_API = '/open-finance/v2.1';

export const UAE_ACCOUNT_ACCESS_TYPE = 'urn:openfinanceuae:account-access-consent:v2.1';
export const UAE_SERVICE_INITIATION_TYPE = 'urn:openfinanceuae:service-initiation-consent:v2.1';

const DAY_IN_MS = 86_400_000;
const REQUEST_OBJECT_LIFETIME_SECONDS = 300;

function offsetDateTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}+00:00`;
}

export function uaeToday(now: number = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** The decoded claims of a PAR request object whose `authorization_details` carry one consent (spec-rules §C.1). */
export function uaeRequestObjectClaims(item: JsonRecord, clientId: string = UAE_JOURNEY_CLIENT_ID, now: number = Date.now()): JsonRecord {
  const issuedAt = Math.floor(now / 1000);
  return {
    iss: clientId,
    aud: 'https://localhost:9446/oauth2/token',
    client_id: clientId,
    redirect_uri: 'https://tpp.example.com/callback',
    scope: 'openid accounts',
    nonce: randomUUID(),
    state: randomUUID(),
    nbf: issuedAt,
    exp: issuedAt + REQUEST_OBJECT_LIFETIME_SECONDS,
    response_type: 'code',
    code_challenge_method: 'S256',
    code_challenge: randomBytes(32).toString('base64url'),
    authorization_details: [item],
  };
}

/** The valid data sharing consent of spec-rules §C.7, with a fresh ConsentId. */
export function uaeDataSharingItem(consentId: string = randomUUID(), baseConsentId?: string, now: number = Date.now()): JsonRecord {
  return {
    type: UAE_ACCOUNT_ACCESS_TYPE,
    consent: {
      ConsentId: consentId,
      ...(baseConsentId === undefined ? {} : { BaseConsentId: baseConsentId }),
      ExpirationDateTime: offsetDateTime(now + 180 * DAY_IN_MS),
      Permissions: ['ReadAccountsBasic', 'ReadAccountsDetail', 'ReadBalances', 'ReadTransactionsDetail'],
      FromDate: '2029-01-01',
      ToDate: '2029-12-31',
      AccountType: ['Retail'],
      AccountSubType: ['CurrentAccount', 'Savings'],
      OpenFinanceBilling: { UserType: 'Retail', Purpose: 'AccountAggregation' },
    },
    subscription: { Webhook: { Url: 'https://tpp.example.com/webhook', IsActive: true } },
  };
}

/** A decoded domestic PersonalIdentifiableInformation (the schema also accepts it unencrypted). */
export function uaeDomesticPii(): JsonRecord {
  return {
    Initiation: {
      Creditor: [
        {
          Creditor: { Name: 'Dubai Utilities' },
          CreditorAccount: { SchemeName: 'IBAN', Identification: 'AE460090000000123456789', Name: { en: 'Dubai Utilities' } },
        },
      ],
    },
    Risk: {},
  };
}

function paymentItem(consentId: string, consentSchedule: JsonRecord, now: number, pii: unknown): JsonRecord {
  return {
    type: UAE_SERVICE_INITIATION_TYPE,
    consent: {
      ConsentId: consentId,
      ExpirationDateTime: offsetDateTime(now + 30 * DAY_IN_MS),
      PaymentPurposeCode: 'ACM',
      DebtorReference: 'Invoice 42',
      ControlParameters: { ConsentSchedule: consentSchedule },
      PersonalIdentifiableInformation: pii,
    },
  };
}

export function uaeSingleInstantPaymentItem(consentId: string = randomUUID(), amount = '100.00', now: number = Date.now(), pii: unknown = uaeDomesticPii()): JsonRecord {
  return paymentItem(consentId, { SinglePayment: { Type: 'SingleInstantPayment', Amount: { Amount: amount, Currency: 'AED' } } }, now, pii);
}

/** Up to 100.00 a payment, 250.00 a day, and 200.00 over the whole consent: the consent-wide value binds first. */
export function uaeVariableMultiPaymentItem(consentId: string = randomUUID(), now: number = Date.now()): JsonRecord {
  return paymentItem(
    consentId,
    {
      MultiPayment: {
        MaximumCumulativeValueOfPayments: { Amount: '200.00', Currency: 'AED' },
        MaximumCumulativeNumberOfPayments: 10,
        PeriodicSchedule: {
          Type: 'VariableOnDemand',
          PeriodType: 'Day',
          PeriodStartDate: uaeToday(now),
          Controls: {
            MaximumIndividualAmount: { Amount: '100.00', Currency: 'AED' },
            MaximumCumulativeValueOfPaymentsPerPeriod: { Amount: '250.00', Currency: 'AED' },
            MaximumCumulativeNumberOfPaymentsPerPeriod: 5,
          },
        },
      },
    },
    now,
    uaeDomesticPii(),
  );
}

/** A POST /payments body for a consent (spec-rules §C.3: amount, purpose code and references match the consent). */
export function uaePaymentSubmission(consentId: string, amount: string): JsonRecord {
  return {
    Data: {
      ConsentId: consentId,
      Instruction: { Amount: { Amount: amount, Currency: 'AED' } },
      PaymentPurposeCode: 'ACM',
      DebtorReference: 'Invoice 42',
      OpenFinanceBilling: { Type: 'PushP2P' },
    },
  };
}
