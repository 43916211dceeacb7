import { uaePaymentSubmission, uaeVariableMultiPaymentItem } from '@app/testing';

/*
 * The calls behind the crashes `npm run fuzz` found, reduced to the one field that caused each: consents as the
 * journeys create them, with times relative to now so that they stay valid.
 */

const nowSeconds = (): number => Math.floor(Date.now() / 1000);
const isoSecondsFromNow = (days: number): string =>
  `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 19)}+00:00`;

/** Berlin enrich-consent-creation-response for a dedicated AIS consent the identity server has just stored. */
export function berlinCreatedConsent(consentId: string): Record<string, unknown> {
  const now = nowSeconds();
  return {
    consentId,
    consentResourcePath: 'consents',
    consentResource: {
      id: consentId,
      clientId: 'berlin-journey-tpp',
      type: 'accounts',
      status: 'received',
      frequency: 4,
      validityTime: now + 180 * 86_400,
      createdTime: now,
      updatedTime: now,
      recurringIndicator: true,
      receipt: {
        access: { balances: [{ iban: 'DE89370400440532013000' }], transactions: [{ iban: 'DE89370400440532013000' }] },
        combinedServiceIndicator: false,
        validUntil: '9999-12-31',
        recurringIndicator: true,
        frequencyPerDay: 4,
      },
      attributes: {
        accessKind: 'dedicated',
        validUntil: isoSecondsFromNow(180).slice(0, 10),
        xRequestId: '9c7cd508-7f97-42e5-927b-7cbededd777a',
      },
      authorizations: [
        { id: '068c6c8f-3763-411b-b66e-200641d1cdd6', type: 'authorisation', status: 'received', resources: [] },
      ],
    },
  };
}

/** Berlin validate-consent-access: a balances read on a valid dedicated consent, at `resource`. */
export function berlinAccountAccess(resource: string): Record<string, unknown> {
  const consentId = '26514fb9-a1ec-4876-a0d8-d4edb7376589';
  const created = berlinCreatedConsent(consentId)['consentResource'] as Record<string, unknown>;
  const mapping = (permission: string, id: string) => ({
    id,
    accountId: 'DE89370400440532013000',
    permission,
    status: 'active',
  });
  return {
    consentId,
    consentResource: {
      ...created,
      status: 'valid',
      authorizations: [
        {
          id: '068c6c8f-3763-411b-b66e-200641d1cdd6',
          userId: 'psu@wso2.com',
          type: 'authorisation',
          status: 'finalised',
          resources: [
            mapping('accounts', 'e3bcea89-d0b2-4cd4-b23f-d42ce59c371e'),
            mapping('balances', '77369398-6503-4f57-ae4b-fc47084d9660'),
          ],
        },
      ],
    },
    dataRequestPayload: {
      headers: {
        'Consent-ID': consentId,
        'X-Request-ID': '7639da7b-1446-4ef4-88dd-ac360a4adf7b',
        'PSU-IP-Address': '192.168.8.78',
      },
      consentId,
      clientId: 'berlin-journey-tpp',
      userId: 'psu@wso2.com',
      electedResource: '/v1/accounts/{account-id}/balances',
      resourceParams: { resource, ResourcePath: resource, httpMethod: 'GET' },
    },
  };
}

/** UK validate-consent-access: a funds confirmation under an authorised consent, with the given `httpMethod`. */
export function ukFundsConfirmationAccess(httpMethod: unknown): Record<string, unknown> {
  const consentId = '93b86ba4-fb77-4a61-a1f1-636fb4eea6d3';
  const now = nowSeconds();
  return {
    consentId,
    consentResource: {
      id: consentId,
      clientId: 'uk-journey-tpp',
      type: 'fundsconfirmations',
      status: 'Authorised',
      frequency: 0,
      validityTime: now + 90 * 86_400,
      createdTime: now,
      updatedTime: now,
      recurringIndicator: true,
      receipt: {
        Data: {
          ExpirationDateTime: isoSecondsFromNow(90),
          DebtorAccount: {
            SchemeName: 'UK.OBIE.SortCodeAccountNumber',
            Identification: '30080098763459',
            Name: 'Alex Morgan',
          },
        },
      },
      attributes: {},
      authorizations: [
        {
          id: '49c447e6-c90a-4384-9e72-a2015dcf493b',
          userId: 'psu@wso2.com',
          type: 'authorisation',
          status: 'Authorised',
          resources: [
            {
              id: '79cfe37b-e689-4794-aefb-dade47cb5a16',
              accountId: '30080098763459',
              permission: 'fundsconfirmations',
              status: 'active',
            },
          ],
        },
      ],
    },
    dataRequestPayload: {
      consentId,
      clientId: 'uk-journey-tpp',
      userId: 'psu@wso2.com',
      electedResource: '/funds-confirmations',
      resourceParams: { resource: '/open-banking/v3.1/cbpii/funds-confirmations', httpMethod },
      body: {
        Data: { ConsentId: consentId, Reference: 'PURCHASE-1', InstructedAmount: { Amount: '20.00', Currency: 'GBP' } },
      },
    },
  };
}

const UAE_PAYMENT_TYPE = 'urn:openfinanceuae:service-initiation-consent:v2.1';
const UAE_ACCOUNT_TYPE = 'urn:openfinanceuae:account-access-consent:v2.1';

/** A UAE consent as the identity server stores it; `payment` for a single instant payment, else data sharing. */
function uaeConsentResource(
  consentId: string,
  tppConsentId: string,
  payment: boolean,
  createdTime: number,
): Record<string, unknown> {
  const consent = payment
    ? {
        ConsentId: tppConsentId,
        ExpirationDateTime: isoSecondsFromNow(30),
        PaymentPurposeCode: 'ACM',
        ControlParameters: {
          ConsentSchedule: {
            SinglePayment: { Type: 'SingleInstantPayment', Amount: { Amount: '100.00', Currency: 'AED' } },
          },
        },
      }
    : {
        ConsentId: tppConsentId,
        ExpirationDateTime: isoSecondsFromNow(180),
        Permissions: ['ReadAccountsBasic', 'ReadAccountsDetail', 'ReadBalances'],
        OpenFinanceBilling: { Purpose: 'AccountAggregation', UserType: 'Retail' },
      };
  return {
    id: consentId,
    clientId: 'uae-journey-tpp',
    type: payment ? 'payments' : 'accounts',
    status: 'Authorized',
    frequency: 0,
    validityTime: nowSeconds() + 30 * 86_400,
    createdTime,
    updatedTime: createdTime,
    recurringIndicator: !payment,
    receipt: { type: payment ? UAE_PAYMENT_TYPE : UAE_ACCOUNT_TYPE, consent },
    attributes: { UaeConsentId: tppConsentId },
    authorizations: [
      {
        id: '29f87d70-7056-4690-a78a-e1e04fd37703',
        userId: 'psu@wso2.com',
        type: 'authorisation',
        status: 'Authorized',
        resources: [
          {
            id: '0e5994c8-63a5-4ae9-a274-daa2fe5f4444',
            accountId: 'AE070331234567890123456',
            permission: 'primary',
            status: 'active',
          },
        ],
      },
    ],
  };
}

/** UAE validate-consent-access: a call on /payments under a payment consent, with the given `resourceParams`. */
export function uaePaymentAccess(resourceParams: Record<string, unknown>): Record<string, unknown> {
  const consentId = 'ff739c23-93fc-4542-be8d-67c7b23df557';
  return {
    consentId,
    consentResource: uaeConsentResource(consentId, '330c0187-c291-4b40-b410-64fa673c8640', true, nowSeconds()),
    dataRequestPayload: {
      consentId,
      clientId: 'uae-journey-tpp',
      userId: 'psu@wso2.com',
      electedResource: '/payments',
      resourceParams,
    },
  };
}

/** UAE pre-process-consent-retrieval (`GET /account-access-consents/{ConsentId}`) of a consent created at `createdTime`. */
export function uaeRetrieval(createdTime: number): Record<string, unknown> {
  const consentId = '5a7ca781-75ed-4937-be33-42e58ecaea45';
  const tppConsentId = '550c3169-9631-413f-8eaf-30df8aa58b7d';
  return {
    consentId,
    requestHeaders: { 'x-wso2-client-id': 'uae-journey-tpp' },
    consentResourcePath: `account-access-consents/${tppConsentId}`,
    consentResource: uaeConsentResource(consentId, tppConsentId, false, createdTime),
  };
}

/** UK pre-process-consent-retrieval of an account-access consent, at the given consent resource path. */
export function ukRetrieval(consentResourcePath: string): Record<string, unknown> {
  const consentId = 'cf1df10c-f47f-4dba-9658-ded2b8d7c9de';
  const now = nowSeconds();
  return {
    consentId,
    requestHeaders: { 'x-wso2-client-id': 'uk-journey-tpp' },
    consentResourcePath,
    consentResource: {
      id: consentId,
      clientId: 'uk-journey-tpp',
      type: 'accounts',
      status: 'AwaitingAuthorisation',
      frequency: 0,
      validityTime: now + 180 * 86_400,
      createdTime: now,
      updatedTime: now,
      recurringIndicator: true,
      receipt: { Risk: {}, Data: { Permissions: ['ReadAccountsBasic'], ExpirationDateTime: isoSecondsFromNow(180) } },
      attributes: {},
    },
  };
}

/**
 * UAE validate-consent-access: `POST /payments` under a variable multi-payment consent (the journey's, its PII
 * encrypted to the demo bank key) whose per-period count limit is `perPeriodCount`.
 */
export function uaeMultiPaymentSubmission(perPeriodCount: number): Record<string, unknown> {
  const consentId = 'e8030a20-0a45-4d9a-914c-a44d934ebd87';
  const tppConsentId = 'f8d15632-d03c-4eaf-87cf-8c084499c06c';
  const receipt = uaeVariableMultiPaymentItem(tppConsentId) as {
    consent: {
      ControlParameters: {
        ConsentSchedule: { MultiPayment: { PeriodicSchedule: { Controls: Record<string, unknown> } } };
      };
    };
  };
  receipt.consent.ControlParameters.ConsentSchedule.MultiPayment.PeriodicSchedule.Controls[
    'MaximumCumulativeNumberOfPaymentsPerPeriod'
  ] = perPeriodCount;
  return {
    consentId,
    consentResource: {
      ...uaeConsentResource(consentId, tppConsentId, true, nowSeconds()),
      receipt,
      recurringIndicator: true,
    },
    dataRequestPayload: {
      // One payment per limit tried: a payment is counted (and answered) once per idempotency key.
      headers: { 'x-idempotency-key': `9b661b38-6f9e-4989-8dc2-${String(perPeriodCount + 1000).padStart(12, '0')}` },
      consentId,
      clientId: 'uae-journey-tpp',
      userId: 'psu@wso2.com',
      electedResource: '/payments',
      resourceParams: { resource: '/open-finance/v2.1/payments', httpMethod: 'POST' },
      body: uaePaymentSubmission(tppConsentId, '50.00'),
    },
  };
}

/** UK funds confirmation of an authorised domestic payment consent whose InstructedAmount is `amount`. */
export function ukPaymentFundsConfirmation(amount: string): Record<string, unknown> {
  const consentId = '9b1947be-4c4c-4b72-bf5b-29a3abdfa26d';
  const now = nowSeconds();
  return {
    consentId,
    requestHeaders: { 'x-wso2-client-id': 'uk-journey-tpp' },
    consentResourcePath: `domestic-payment-consents/${consentId}/funds-confirmation`,
    consentResource: {
      id: consentId,
      clientId: 'uk-journey-tpp',
      type: 'domestic-payments',
      status: 'Authorised',
      frequency: 0,
      validityTime: 0,
      createdTime: now,
      updatedTime: now,
      recurringIndicator: false,
      receipt: {
        Risk: { PaymentContextCode: 'EcommerceGoods' },
        Data: {
          Initiation: {
            InstructionIdentification: 'ACME412',
            EndToEndIdentification: 'FRESCO.21302.GFX.20',
            LocalInstrument: 'UK.OBIE.FPS',
            InstructedAmount: { Amount: amount, Currency: 'GBP' },
            CreditorAccount: {
              SchemeName: 'UK.OBIE.SortCodeAccountNumber',
              Identification: '08080021325698',
              Name: 'ACME Inc',
            },
            RemittanceInformation: { Reference: 'FRESCO-101', Unstructured: 'Internal ops code 5120101' },
          },
        },
      },
      attributes: { IdempotencyKey: '0e4b2d67-483a-4a5c-88f1-5d537f6b15b6', DebtorAccountId: '30080098763459' },
    },
  };
}
