import {
  createCipheriv,
  createPublicKey,
  publicEncrypt,
  randomBytes,
  randomUUID,
  constants,
  type JsonWebKey,
} from 'node:crypto';
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
/** UAE calendar dates are Gulf Standard Time dates (UTC+4, no daylight saving). */
const UAE_UTC_OFFSET_MS = 4 * 3_600_000;

function offsetDateTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}+00:00`;
}

/** Today's date in the UAE calendar, `days` later when given. */
export function uaeToday(now: number = Date.now(), days = 0): string {
  return new Date(now + UAE_UTC_OFFSET_MS + days * DAY_IN_MS).toISOString().slice(0, 10);
}

/**
 * A demo bank's RSA key for the TPP's encrypted PersonalIdentifiableInformation, generated for these tests only. A
 * service runs the journey's payment steps only with this key as UAE_PII_DECRYPTION_KEY
 * (`uaeJourneyPiiDecryptionKey()`); never use it in production.
 */
const DEMO_BANK_PRIVATE_JWK: JsonWebKey = {
  kty: 'RSA',
  n: 'jofR5pEt5wVmWG4jmLZL5ZW8UqXCvzjB40_nz-WpK3fwwKd-srf7HXEJ2gfpF9R0dZ2yzTPgnl2XYiWeLD53x4WU3LpyEucvIM-wxTDtOTnPb7k0K_ytO3d1yN1fUM2w64jRS6AsMW_kGDpFqGERKZziM-bXSNvof293s1pCBgCVbZXF725WlEiNoCwUEqGHJ3PaC22dP7oCh8Zxz-_YsbfMZ1AohS6_plugD2U7kSpcY-gJYaobSqH4bsew5078lSwaVAt_SSy5Z_Ab7ztZEKUO-F1aAFLgqTph_IdsLNVqbJBsQGtc36RXBuWP1P4sIKYgTYk-j43fhzSu-ClXJQ',
  e: 'AQAB',
  d: 'HOn5M2aEgvLIrjjc3aaEA1Nc8e-_oy1G0qMNyh8AIXwAOPLSr_dNcWdJ3JvgWBdbADzsgE30y8VBznQXbyaSWSvAKUtDDCxAY0V6hbl4RDS6V5p-6eTyDGKE6NREClONw7HKf1nLv27iX10uoj4f1si4cBNCIbjhPk48ca53T_NNpWHpHngQPD0DaYwj_kZWvk84u0DP7RVrQBj5HJtidS7pXr22SR2ZwO1QjQ5CPmsk3XMpTzvRHY71m1odEXt5kjqzHHHfWTDugxbatYNFk9H2Aq71lyLl5ONePk9US3h9ZQgPIXH4N2ypNtR3dxkxgibnWwfqvV4tIDBzf2dd',
  p: 'wudx7mKItfzrRQf-hrN_G7WgDVX0N6O_0POlI5Ew_LL3NOU6X-neBC_RFwVlc5QnFNvIRZyYFWXqvi1jthFOLaiE44-_xTuyHZYlC6Ka6Jd4Mmjtkt09rh2frlintz0hf6qLcWUMIfWS-zBRHKkP77xrT-EPQqwELaS4unSBarM',
  q: 'uzWISWmBe5l96A6tSp_MU12LBF-pp2_MINCuK7GI0X0adTt_2oy4Jz1ja7xCxdrIg-pp53Y5fhfGTdDHnhAwvT5L1cl_uxJsaVwKp3nPhwhU7dOSbrOJGG8U-P00TGj3XHgjRvTRwVjYH9Z10VjLxREHKPOJEmFP8S1Alm1eAsc',
  dp: 'q0s6CGa0_CzioPLbsYsDxVik59OJJXVW2c-obU_nm8-2D9j-qtkhdNCJlQ_7D88_Ycefhf6Qcw31d1rw7UzcRqh60ny98Bv8-J_Cwy0PtCebTcKGObMTyHjkpBfqntKtJETA9NH4DciEexsFzoiPJwWT0spb3R7NNUg1yjkmnJ0',
  dq: 'pY0Cd4EQmx-yYttPzZUgmHw5amW6XrITvtUroMH_rtnF4vP57WfRlgnIeMZj-hmuhlFu09wNnX8iwz-ktxe0MjX71BO7m9AABO_7D_09Uzk_-YzGipTD4NKipkkrzYJpdOFcuOvY7fVGMmlxiO7QS_Xx8fnjNljN3AZbfms63pM',
  qi: 'FgW2bFmbPGkOWS9gHCoT_Uq2oIaVWBpodEhShLclATWK7lwnAIjKHh29zHuJN4qO4wvBX_-g09oWjNgtoh8kybThplRhhmILlG6TUJLmxZfc4T-q6ACl0ZD7O3Sz38W2V8Wgv_GxzKEoPSbvAE2jjvKCu8-IPE5MOTsEwFmFYKk',
};

/** The UAE_PII_DECRYPTION_KEY (a private JWK as JSON) that lets a service decrypt the journey's PII. */
export function uaeJourneyPiiDecryptionKey(): string {
  return JSON.stringify(DEMO_BANK_PRIVATE_JWK);
}

/** Each PII is encrypted once: the fixtures built from the same PII stay equal, as they were as plain objects. */
const ENCRYPTED_PII = new Map<string, string>();

/**
 * PersonalIdentifiableInformation as a TPP must send it (AEJWEPaymentPII): a compact JWE (RSA-OAEP-256, A256GCM) for
 * the demo bank's public key. Built synchronously with node:crypto so that the fixtures stay plain values; the payload
 * is the JSON itself (the bank also accepts a signed JWS inside).
 */
export function uaeEncryptedPii(pii: unknown): string {
  const plaintext = JSON.stringify(pii);
  const known = ENCRYPTED_PII.get(plaintext);
  if (known !== undefined) {
    return known;
  }
  const { kty, n, e } = DEMO_BANK_PRIVATE_JWK;
  const publicKey = createPublicKey({ key: { kty, n, e }, format: 'jwk' });
  const header = Buffer.from(JSON.stringify({ alg: 'RSA-OAEP-256', enc: 'A256GCM' })).toString('base64url');
  const contentKey = randomBytes(32);
  const iv = randomBytes(12);
  const encryptedKey = publicEncrypt(
    { key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
    contentKey,
  );
  const cipher = createCipheriv('aes-256-gcm', contentKey, iv).setAAD(Buffer.from(header, 'ascii'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const jwe = [
    header,
    encryptedKey.toString('base64url'),
    iv.toString('base64url'),
    ciphertext.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
  ].join('.');
  ENCRYPTED_PII.set(plaintext, jwe);
  return jwe;
}

/**
 * The decoded claims of a PAR request object whose `authorization_details` carry one consent (spec-rules §C.1), with
 * the scope of its type (Security Profile, Scopes: `accounts openid` for data sharing, `payments openid` for payments).
 */
export function uaeRequestObjectClaims(
  item: JsonRecord,
  clientId: string = UAE_JOURNEY_CLIENT_ID,
  now: number = Date.now(),
): JsonRecord {
  const issuedAt = Math.floor(now / 1000);
  return {
    iss: clientId,
    aud: 'https://localhost:9446/oauth2/token',
    client_id: clientId,
    redirect_uri: 'https://tpp.example.com/callback',
    scope: item['type'] === UAE_SERVICE_INITIATION_TYPE ? 'payments openid' : 'accounts openid',
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
export function uaeDataSharingItem(
  consentId: string = randomUUID(),
  baseConsentId?: string,
  now: number = Date.now(),
): JsonRecord {
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

/** A decoded domestic PersonalIdentifiableInformation: what the TPP encrypts (`uaeEncryptedPii`). */
export function uaeDomesticPii(): JsonRecord {
  return {
    Initiation: {
      Creditor: [
        {
          Creditor: { Name: 'Dubai Utilities' },
          CreditorAccount: {
            SchemeName: 'IBAN',
            Identification: 'AE460090000000123456789',
            Name: { en: 'Dubai Utilities' },
          },
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

export function uaeSingleInstantPaymentItem(
  consentId: string = randomUUID(),
  amount = '100.00',
  now: number = Date.now(),
  pii: unknown = uaeEncryptedPii(uaeDomesticPii()),
): JsonRecord {
  return paymentItem(
    consentId,
    { SinglePayment: { Type: 'SingleInstantPayment', Amount: { Amount: amount, Currency: 'AED' } } },
    now,
    pii,
  );
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
    uaeEncryptedPii(uaeDomesticPii()),
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
