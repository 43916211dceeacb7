import type { JsonRecord } from '../simulator/json-values.js';

/* The TPP, the customer and the request bodies of the `default` journey (UK Open Banking v3.1 shapes, contract §7.1). */

export const JOURNEY_CLIENT_ID = 'journey-tpp-client';
export const JOURNEY_USER = 'psu@wso2.com';

/** The identity server's demo consumer accounts, which the default specification also offers. */
export const CONSENTED_ACCOUNT_ID = '30080012343456';
export const OTHER_ACCOUNT_ID = '30080098763459';
/** A current account of the customer: payments may debit it, unlike the savings account above. */
export const PAYABLE_ACCOUNT_ID = '30080098763459';

export const ACCOUNTS_API = '/open-banking/v3.1/aisp';
export const PAYMENTS_API = '/open-banking/v3.1/pisp';

const DAY_IN_MS = 24 * 60 * 60 * 1000;

/** `yyyy-MM-dd'T'HH:mm:ss+00:00`, the offset form `OffsetDateTime.parse` expects. */
function offsetDateTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}+00:00`;
}

/** Every account permission except ReadBalances, so that the balances path is refused with 403. */
export function accountAccessConsentBody(now: number = Date.now()): JsonRecord {
  return {
    Data: {
      Permissions: ['ReadAccountsBasic', 'ReadAccountsDetail', 'ReadTransactionsBasic', 'ReadTransactionsDetail'],
      ExpirationDateTime: offsetDateTime(now + 180 * DAY_IN_MS),
      TransactionFromDateTime: offsetDateTime(now - 90 * DAY_IN_MS),
      TransactionToDateTime: offsetDateTime(now),
    },
    Risk: {},
  };
}

/** A domestic payment without a DebtorAccount, so that the customer picks the paying account on the consent page. */
export function domesticPaymentInitiation(): JsonRecord {
  return {
    InstructionIdentification: 'ACME412',
    EndToEndIdentification: 'FRESCO.21302.GFX.20',
    LocalInstrument: 'OB.Paym',
    InstructedAmount: { Amount: '165.88', Currency: 'GBP' },
    CreditorAccount: {
      SchemeName: 'OB.SortCodeAccountNumber',
      Identification: '08080021325698',
      Name: 'ACME Inc',
      SecondaryIdentification: '0002',
    },
    RemittanceInformation: { Reference: 'FRESCO-101', Unstructured: 'Internal ops code 5120101' },
  };
}

export function domesticPaymentConsentBody(): JsonRecord {
  return { Data: { Initiation: domesticPaymentInitiation() }, Risk: { PaymentContextCode: 'EcommerceGoods' } };
}

/** The TPP's `POST /domestic-payments` body, which the gateway hands to validate-consent-access. */
export function domesticPaymentSubmission(consentId: string, initiation: JsonRecord): JsonRecord {
  return { Data: { ConsentId: consentId, Initiation: initiation }, Risk: { PaymentContextCode: 'EcommerceGoods' } };
}
