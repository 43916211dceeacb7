import { createHash } from 'node:crypto';
import { FlattenedSign, importJWK, type JWK } from 'jose';
import type { JsonRecord } from '../simulator/json-values.js';

/*
 * The TPP, the customer and the request bodies of the `uk` journey (UK Open Banking v3.1.11), and the TPP's signing
 * key for `x-jws-signature`.
 */

export const UK_JOURNEY_CLIENT_ID = 'uk-journey-tpp';
export const UK_OTHER_CLIENT_ID = 'uk-journey-other-tpp';
export const UK_JOURNEY_USER = 'psu@wso2.com';

/** Accounts of the demo customer: a savings account that cannot pay, and current accounts that can. */
export const UK_SAVINGS_ACCOUNT = '30080012343456';
export const UK_CURRENT_ACCOUNT = '30080098763459';
export const UK_OTHER_CURRENT_ACCOUNT = '60161331926819';

export const UK_ACCOUNTS_API = '/open-banking/v3.1/aisp';
export const UK_PAYMENTS_API = '/open-banking/v3.1/pisp';
export const UK_FUNDS_API = '/open-banking/v3.1/cbpii';

export const UK_JOURNEY_SIGNING_KID = 'uk-journey-demo-signing-key';
export const UK_TRUST_ANCHOR = 'openbanking.org.uk';

/**
 * A demo TPP's PS256 signing key, generated for these tests only. A service runs the journey's payment steps only if
 * it trusts the public half (`ukJourneyTrustFile()` as UK_JWS_TRUST_FILE) or has signature verification off; never
 * trust it in production.
 */
const DEMO_PRIVATE_JWK: JWK = {
  kty: 'RSA',
  n: 'x6jd2bhv7BNfjMCWv6KeVILwLDR-KG0oF5Bx--90wdxpFqVPZz8VhbzaaZJJTZaaQcKi3UF6qzbp0w3FtLhif8IPooB3IxiIGeiY0sdteCYg4wjCUVX3uPVPuogQJD6n7qotdfOa78XxzOKKYmlDiqxLqhGj0LD_CoO1K778wvjUlVcc-qfjDSAPtoc1g3HHyKT_qEZ6FBTqQmHpolKxNOWDaBaEd1KRVQ2FrHB4jXv_c2TuXO2ioj_4X7wfcOvgETQfuSQpIm0cxtQ3H8BTHkySrQ43mxWxH9xqZCembkd7qBX3dSqas72ZebgLV7BfKbOhlj35Yye7qqHKyei6HQ',
  e: 'AQAB',
  d: 'EDZIiVi-EcvC6vFqbDYeqBsXuGcsxUiTxFIQx1W6w9ELYXDb4TTQoRLkI0VjGV88uFE_GzspZESpuN756kI8kUYnMdk_k0R3LK9j1V2nKGXkLrsz2BnkawrURf-tW9wQk8MSvOyibIzEpQ_SD8qfVt_FpxIWnKf6lZZ7PAmeiZA5DgJ20Ki2DhAYecZdJiaKU8MX8zLWyt7kSFpvtl5aEjhrG3K-DQ_LVLK5-Tdxq7FQOs9qut0Umzmfjp8XHK33y8NTh1Cn7nnynH0KXhUfZdZJ_GimFPytn8Ga_YqvD7wRiiVf3FldTElI2DN0DlDYd5byF87m8ybNvOXvvqNs-w',
  p: '9gW4b3mLFd_EBRlbxitA9ZScBe_Zl3dNhvjrsaTaWGSs0lGS1Z9hVsLVlDzio0GyHR2tGheHSPJIeF-abwZJAT0YMcYL-pXKs_fCB6NlBfQbw17xpDAy-mKQQCAada9l3HtmWID1DFTR0X4BNjX10_dYNt3Pnjsc1kf_OcQYc18',
  q: 'z8HLVEjTjHXfihQ3rogxLtegNn09efhdf16YG1PwWiIA30beb7Z9025BiDqj_eQ9WBHz43WWe4oxJHEOGTQ_aTJL1GwS80yurCMngPLYETOieHBbbYC80w2sPxbGUwBlfkJcu5ETDnjGQGtOt5r2X_nV--scnD4D4LWQCdz8oAM',
  dp: '4UVBqUkosuHPEkAzCZTHiVcHOmRx4EBMi99XqbTifXfJy1cIVXT340LJ4E-T0pswJXrr6u1KYd__vcEEns6pgGnZwpGunEgWcI3Xa7kQos_vsAg6yPWdaCliHmWG9OWjJq0TfMywFReBfAqdv27PZsSgULTwC9niwM7yA4nsPY8',
  dq: 'mi-bNVwvFGlOk21Zvb_5sGf60TW1cFXxHdwYSv_KuznNJ-eyoXnwe_-xxuauWnkPRdNdC4xzOBBhVEhLTE1IWkwnluj2T3azk7ErWjngPTPy-it4zxXiDUhycwf1_BepO0EJDXMnj2_2wkxhSUZKXwRN2P6uZw5nVlepJIjLO_0',
  qi: 'qot1BUled_riZzYu5alI73m8gtemIiVs7f-7qkPW4X6qcIho6dkGTeTMle1EltsVR6H0f8BIAHd2jS8JutnNySXwfUFmojSoSAfkhWEhocCWc9q_kG3QNR2a5tPYrSz75DzHy_QIrHdkDHhml14k9ykVdZEjUsffO3JZ2ZJDceg',
};

/** The trust file (UK_JWS_TRUST_FILE) that makes a service accept the journey's signatures. */
export function ukJourneyTrustFile(): Record<string, { keys: JWK[] }> {
  const { kty, n, e } = DEMO_PRIVATE_JWK;
  return { [UK_JOURNEY_CLIENT_ID]: { keys: [{ kty, n, e, kid: UK_JOURNEY_SIGNING_KID, alg: 'PS256', use: 'sig' }] } };
}

/** Header overrides of a signature, to build invalid ones (a missing claim is `undefined`). */
export type JoseHeaderChanges = Readonly<Record<string, unknown>>;

/**
 * `x-jws-signature` of a body as the TPP signs it (v3.1.4+: PS256, the OB claims in `crit`, no `b64`): a detached
 * JWS over the compact JSON the identity server forwards.
 */
export function signDetached(body: unknown, changes: JoseHeaderChanges = {}, nowSeconds?: number): Promise<string> {
  return signDetachedContent(JSON.stringify(body), changes, nowSeconds);
}

/** `x-jws-signature` over a text as it is, e.g. a payment file (the identity server forwards files as their text). */
export async function signDetachedContent(
  content: string,
  changes: JoseHeaderChanges = {},
  nowSeconds = Math.floor(Date.now() / 1000) - 5,
): Promise<string> {
  const header: Record<string, unknown> = {
    alg: 'PS256',
    kid: UK_JOURNEY_SIGNING_KID,
    typ: 'JOSE',
    cty: 'application/json',
    'http://openbanking.org.uk/iat': nowSeconds,
    'http://openbanking.org.uk/iss': `0015800001041REAAY/${UK_JOURNEY_CLIENT_ID}`,
    'http://openbanking.org.uk/tan': UK_TRUST_ANCHOR,
    crit: ['http://openbanking.org.uk/iat', 'http://openbanking.org.uk/iss', 'http://openbanking.org.uk/tan'],
  };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) {
      delete header[name];
    } else {
      header[name] = value;
    }
  }
  // The signer itself does not check the header, so that invalid headers can be produced on purpose.
  const key = await importJWK(DEMO_PRIVATE_JWK, 'PS256');
  const signed = await new FlattenedSign(new TextEncoder().encode(content))
    .setProtectedHeader(header as { alg: string })
    .sign(key, {
      crit: {
        'http://openbanking.org.uk/iat': true,
        'http://openbanking.org.uk/iss': true,
        'http://openbanking.org.uk/tan': true,
      },
    })
    .catch(() => undefined);
  if (signed === undefined) {
    // jose refuses to sign some invalid headers (e.g. an empty crit): sign a valid header and swap the header in.
    const valid = await new FlattenedSign(new TextEncoder().encode(content))
      .setProtectedHeader({ alg: 'PS256' })
      .sign(key);
    return `${Buffer.from(JSON.stringify(header)).toString('base64url')}..${valid.signature}`;
  }
  return `${signed.protected}..${signed.signature}`;
}

const DAY_MS = 86_400_000;

function ukDateTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}+00:00`;
}

/** Every permission needed for accounts and transactions, but not ReadBalances: the balances path is refused. */
export function ukAccountAccessConsentBody(now: number = Date.now(), expiresInMs = 180 * DAY_MS): JsonRecord {
  return {
    Data: {
      Permissions: [
        'ReadAccountsBasic',
        'ReadAccountsDetail',
        'ReadTransactionsDetail',
        'ReadTransactionsCredits',
        'ReadTransactionsDebits',
      ],
      ExpirationDateTime: ukDateTime(now + expiresInMs),
      TransactionFromDateTime: ukDateTime(now - 90 * DAY_MS),
      TransactionToDateTime: ukDateTime(now),
    },
    Risk: {},
  };
}

export function ukDomesticPaymentInitiation(): JsonRecord {
  return {
    InstructionIdentification: 'ACME412',
    EndToEndIdentification: 'FRESCO.21302.GFX.20',
    LocalInstrument: 'UK.OBIE.FPS',
    InstructedAmount: { Amount: '165.88', Currency: 'GBP' },
    CreditorAccount: {
      SchemeName: 'UK.OBIE.SortCodeAccountNumber',
      Identification: '08080021325698',
      Name: 'ACME Inc',
    },
    RemittanceInformation: { Reference: 'FRESCO-101', Unstructured: 'Internal ops code 5120101' },
  };
}

export function ukDomesticPaymentConsentBody(): JsonRecord {
  return {
    Data: { ReadRefundAccount: 'Yes', Initiation: ukDomesticPaymentInitiation() },
    Risk: { PaymentContextCode: 'EcommerceGoods' },
  };
}

/** The TPP's `POST /domestic-payments` body, which the gateway hands to validate-consent-access. */
export function ukDomesticPaymentSubmission(
  consentId: string,
  initiation: JsonRecord = ukDomesticPaymentInitiation(),
): JsonRecord {
  return { Data: { ConsentId: consentId, Initiation: initiation }, Risk: { PaymentContextCode: 'EcommerceGoods' } };
}

export function ukFundsConfirmationConsentBody(now: number = Date.now()): JsonRecord {
  return {
    Data: {
      ExpirationDateTime: ukDateTime(now + 90 * DAY_MS),
      DebtorAccount: {
        SchemeName: 'UK.OBIE.SortCodeAccountNumber',
        Identification: UK_CURRENT_ACCOUNT,
        Name: 'Alex Morgan',
      },
    },
  };
}

export function ukFundsConfirmationRequest(consentId: string, reference: string): JsonRecord {
  return {
    Data: { ConsentId: consentId, Reference: reference, InstructedAmount: { Amount: '20.00', Currency: 'GBP' } },
  };
}

/** At most 100 GBP a payment and 250 GBP a calendar day. */
export const VRP_MAXIMUM_PER_PAYMENT = '100.00';
export const VRP_DAILY_LIMIT = '250.00';

export function ukVrpInitiation(): JsonRecord {
  return {
    CreditorAccount: {
      SchemeName: 'UK.OBIE.SortCodeAccountNumber',
      Identification: '08080021325698',
      Name: 'ACME Sweeping Ltd',
    },
    RemittanceInformation: { Reference: 'SWEEP-0001' },
  };
}

export function ukVrpConsentBody(now: number = Date.now()): JsonRecord {
  return {
    Data: {
      ReadRefundAccount: 'No',
      ControlParameters: {
        ValidFromDateTime: ukDateTime(now - DAY_MS),
        ValidToDateTime: ukDateTime(now + 365 * DAY_MS),
        MaximumIndividualAmount: { Amount: VRP_MAXIMUM_PER_PAYMENT, Currency: 'GBP' },
        PeriodicLimits: [{ PeriodType: 'Day', PeriodAlignment: 'Calendar', Amount: VRP_DAILY_LIMIT, Currency: 'GBP' }],
        VRPType: ['UK.OBIE.VRPType.Sweeping'],
        PSUAuthenticationMethods: ['UK.OBIE.SCANotRequired'],
      },
      Initiation: ukVrpInitiation(),
    },
    Risk: { PaymentContextCode: 'TransferToSelf' },
  };
}

export function ukVrpPayment(consentId: string, amount: string, instructionId: string): JsonRecord {
  return {
    Data: {
      ConsentId: consentId,
      PSUAuthenticationMethod: 'UK.OBIE.SCANotRequired',
      VRPType: 'UK.OBIE.VRPType.Sweeping',
      Initiation: ukVrpInitiation(),
      Instruction: {
        InstructionIdentification: instructionId,
        EndToEndIdentification: instructionId,
        RemittanceInformation: { Reference: 'SWEEP-0001' },
        InstructedAmount: { Amount: amount, Currency: 'GBP' },
        CreditorAccount: ukVrpInitiation()['CreditorAccount'],
      },
    },
    Risk: { PaymentContextCode: 'TransferToSelf' },
  };
}

const EURO_CREDITOR = {
  SchemeName: 'UK.OBIE.IBAN',
  Identification: 'DE89370400440532013000',
  Name: 'Berlin Supplies GmbH',
};

/** A scheduled international payment of 250.00 GBP, paid in EUR at an agreed rate, in three days. */
export function ukInternationalScheduledInitiation(now: number = Date.now()): JsonRecord {
  return {
    InstructionIdentification: 'INTL-SCHED-0001',
    EndToEndIdentification: 'E2E-INTL-SCHED-0001',
    InstructionPriority: 'Normal',
    ChargeBearer: 'Shared',
    RequestedExecutionDateTime: ukDateTime(now + 3 * DAY_MS),
    CurrencyOfTransfer: 'EUR',
    DestinationCountryCode: 'DE',
    InstructedAmount: { Amount: '250.00', Currency: 'GBP' },
    ExchangeRateInformation: {
      UnitCurrency: 'GBP',
      RateType: 'Agreed',
      ExchangeRate: 1.17,
      ContractIdentification: 'FX-2026-0042',
    },
    CreditorAgent: { SchemeName: 'UK.OBIE.BICFI', Identification: 'DEUTDEFF' },
    CreditorAccount: EURO_CREDITOR,
    RemittanceInformation: { Reference: 'INV-2026-118' },
  };
}

export function ukInternationalScheduledConsentBody(now: number = Date.now()): JsonRecord {
  return {
    Data: { Permission: 'Create', Initiation: ukInternationalScheduledInitiation(now) },
    Risk: { PaymentContextCode: 'PartyToParty' },
  };
}

/** A monthly international standing order of 75.00 EUR on the 15th, twelve payments, the first in a week. */
export function ukInternationalStandingOrderInitiation(now: number = Date.now()): JsonRecord {
  return {
    Frequency: 'IntrvlMnthDay:01:15',
    Reference: 'RENT-BERLIN',
    NumberOfPayments: '12',
    FirstPaymentDateTime: ukDateTime(now + 7 * DAY_MS),
    ChargeBearer: 'BorneByDebtor',
    CurrencyOfTransfer: 'EUR',
    InstructedAmount: { Amount: '75.00', Currency: 'EUR' },
    CreditorAgent: { Name: 'Deutsche Bank', PostalAddress: { TownName: 'Frankfurt', Country: 'DE' } },
    CreditorAccount: EURO_CREDITOR,
  };
}

export function ukInternationalStandingOrderConsentBody(now: number = Date.now()): JsonRecord {
  return {
    Data: { Permission: 'Create', Initiation: ukInternationalStandingOrderInitiation(now) },
    Risk: { PaymentContextCode: 'PartyToParty' },
  };
}

/** The TPP's payment-order body (`POST /international-scheduled-payments`, `/international-standing-orders`): the consent's Initiation and Risk. */
export function ukPaymentOrderSubmission(consentId: string, consentBody: JsonRecord): JsonRecord {
  const data = consentBody['Data'] as JsonRecord;
  return {
    Data: { ConsentId: consentId, Initiation: structuredClone(data['Initiation']) },
    Risk: structuredClone(consentBody['Risk']),
  };
}

/** The demo customer's current account the journey's payment files debit (2,500.00 GBP in the embedded bank). */
export const UK_FILE_DEBTOR_ACCOUNT = UK_CURRENT_ACCOUNT;

export interface UkFilePaymentLine {
  readonly amount: string;
  readonly currency: string;
  readonly creditorName: string;
  readonly creditorAccount: string;
}

/** Three supplier payments, 3,459.30 in all: the journey's file. */
export const UK_FILE_PAYMENTS: readonly UkFilePaymentLine[] = [
  { amount: '1500.00', currency: 'GBP', creditorName: 'DEF Electronics', creditorAccount: '23683707994125' },
  { amount: '1234.50', currency: 'GBP', creditorName: 'GHI Semiconductors', creditorAccount: '08080021325698' },
  { amount: '724.80', currency: 'GBP', creditorName: 'Café Müller & Söhne', creditorAccount: '60161331926819' },
];

function xmlText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** An ISO 20022 pain.001.001.08 credit transfer initiation, as the standard's file usage example lays it out. */
export function ukPain001File(
  payments: readonly UkFilePaymentLine[] = UK_FILE_PAYMENTS,
  debtorAccount: string = UK_FILE_DEBTOR_ACCOUNT,
): string {
  const total = payments.reduce((sum, payment) => sum + Math.round(Number(payment.amount) * 100), 0);
  const controlSum = `${Math.floor(total / 100)}.${String(total % 100).padStart(2, '0')}`;
  const transactions = payments
    .map(
      (payment, index) => `
      <CdtTrfTxInf>
        <PmtId><InstrId>FILE-0001/${index + 1}</InstrId><EndToEndId>E2E-FILE-0001-${index + 1}</EndToEndId></PmtId>
        <Amt><InstdAmt Ccy="${payment.currency}">${payment.amount}</InstdAmt></Amt>
        <Cdtr><Nm>${xmlText(payment.creditorName)}</Nm></Cdtr>
        <CdtrAcct><Id><Othr><Id>${payment.creditorAccount}</Id></Othr></Id></CdtrAcct>
        <RmtInf><Ustrd>Invoice ${index + 1}</Ustrd></RmtInf>
      </CdtTrfTxInf>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.08">
  <CstmrCdtTrfInitn>
    <GrpHdr>
      <MsgId>FILE-0001</MsgId>
      <CreDtTm>2026-12-01T09:00:00</CreDtTm>
      <NbOfTxs>${payments.length}</NbOfTxs>
      <CtrlSum>${controlSum}</CtrlSum>
      <InitgPty><Nm>Alex Morgan</Nm></InitgPty>
    </GrpHdr>
    <PmtInf>
      <PmtInfId>FILE-0001-A</PmtInfId>
      <PmtMtd>TRF</PmtMtd>
      <NbOfTxs>${payments.length}</NbOfTxs>
      <ReqdExctnDt><Dt>2026-12-02</Dt></ReqdExctnDt>
      <Dbtr><Nm>Alex Morgan</Nm></Dbtr>
      <DbtrAcct><Id><Othr><Id>${debtorAccount}</Id></Othr></Id></DbtrAcct>
      <DbtrAgt><FinInstnId><BICFI>LOYDGB2L</BICFI></FinInstnId></DbtrAgt>${transactions}
    </PmtInf>
  </CstmrCdtTrfInitn>
</Document>
`;
}

/** The same payments as a UK.OBIE.PaymentInitiation.3.1 JSON file: `{"Data": {"DomesticPayments": [OBDomestic2, …]}}`. */
export function ukPaymentInitiationFile(
  payments: readonly UkFilePaymentLine[] = UK_FILE_PAYMENTS,
  debtorAccount: string = UK_FILE_DEBTOR_ACCOUNT,
): string {
  return JSON.stringify({
    Data: {
      DomesticPayments: payments.map((payment, index) => ({
        InstructionIdentification: `FILE-0002-${index + 1}`,
        EndToEndIdentification: `E2E-FILE-0002-${index + 1}`,
        LocalInstrument: 'UK.OBIE.FPS',
        InstructedAmount: { Amount: payment.amount, Currency: payment.currency },
        DebtorAccount: {
          SchemeName: 'UK.OBIE.SortCodeAccountNumber',
          Identification: debtorAccount,
          Name: 'Alex Morgan',
        },
        CreditorAccount: {
          SchemeName: 'UK.OBIE.SortCodeAccountNumber',
          Identification: payment.creditorAccount,
          Name: payment.creditorName,
        },
        RemittanceInformation: { Reference: `INVOICE-${index + 1}` },
      })),
    },
  });
}

/** FileHash: the base64 of the SHA-256 of the file's UTF-8 bytes. */
export function ukFileHash(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('base64');
}

/** OBWriteFileConsent3 describing `content` (NumberOfTransactions and ControlSum of UK_FILE_PAYMENTS). */
export function ukFilePaymentConsentBody(
  fileType: 'UK.OBIE.pain.001.001.08' | 'UK.OBIE.PaymentInitiation.3.1',
  content: string,
  extra: JsonRecord = {},
): JsonRecord {
  return {
    Data: {
      Initiation: {
        FileType: fileType,
        FileHash: ukFileHash(content),
        FileReference: 'SUPPLIERS-DEC',
        NumberOfTransactions: String(UK_FILE_PAYMENTS.length),
        ControlSum: 3459.3,
        ...extra,
      },
    },
  };
}

/** The joint SME account of psu@wso2.com and sme@example.com: its payments need two authorisers. */
export const UK_BUSINESS_ACCOUNT = '20000055779911';
export const UK_SECOND_AUTHORISER = 'sme@example.com';

/** The journey's domestic payment, debiting `debtorAccount` by `amount` GBP. */
export function ukDomesticPaymentFrom(debtorAccount: string, amount = '165.88'): JsonRecord {
  const body = ukDomesticPaymentConsentBody();
  const initiation = (body['Data'] as JsonRecord)['Initiation'] as JsonRecord;
  initiation['InstructedAmount'] = { Amount: amount, Currency: 'GBP' };
  initiation['DebtorAccount'] = { SchemeName: 'UK.OBIE.SortCodeAccountNumber', Identification: debtorAccount };
  return body;
}
