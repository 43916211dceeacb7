import type { IdentityServerSimulator, JsonRecord } from '@app/testing';
import { createConsent, firstUkError, type CheckedCall, type CreationHeaders } from './support/uk-calls.js';
import {
  signDetached,
  ukAccountAccessConsentBody,
  ukDomesticPaymentConsentBody,
  ukFundsConfirmationConsentBody,
  ukVrpConsentBody,
} from '@app/testing';
import { startUkServerForFile } from './support/uk-test-server.js';

/*
 * spec-rules §A.3, §A.6-§A.8, §A.11: every invalid creation case with its exact HTTP status (the envelope's
 * errorCode), UK.OBIE code and Path; every answer checked by the contract matcher.
 */

type Mutation = (body: JsonRecord) => void;

function mutated(base: () => JsonRecord, mutation: Mutation): JsonRecord {
  const body = structuredClone(base());
  mutation(body);
  return body;
}

const data = (body: JsonRecord): JsonRecord => body['Data'] as JsonRecord;
const initiation = (body: JsonRecord): JsonRecord => data(body)['Initiation'] as JsonRecord;
const control = (body: JsonRecord): JsonRecord => data(body)['ControlParameters'] as JsonRecord;
const DAY_MS = 86_400_000;
const inDays = (days: number): string => `${new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 19)}+00:00`;

function internationalBody(): JsonRecord {
  const domestic = initiation(ukDomesticPaymentConsentBody());
  return {
    Data: {
      Initiation: {
        InstructionIdentification: domestic['InstructionIdentification'],
        EndToEndIdentification: domestic['EndToEndIdentification'],
        CurrencyOfTransfer: 'EUR',
        InstructedAmount: { Amount: '100.00', Currency: 'GBP' },
        ExchangeRateInformation: {
          UnitCurrency: 'GBP',
          RateType: 'Agreed',
          ExchangeRate: 1.17,
          ContractIdentification: 'FX-1',
        },
        CreditorAccount: { SchemeName: 'UK.OBIE.IBAN', Identification: 'DE89370400440532013000', Name: 'Berlin GmbH' },
      },
    },
    Risk: {},
  };
}

function scheduledBody(): JsonRecord {
  const domestic = initiation(ukDomesticPaymentConsentBody());
  return {
    Data: { Permission: 'Create', Initiation: { ...domestic, RequestedExecutionDateTime: inDays(3) } },
    Risk: {},
  };
}

function standingOrderBody(): JsonRecord {
  const domestic = initiation(ukDomesticPaymentConsentBody());
  return {
    Data: {
      Permission: 'Create',
      Initiation: {
        Frequency: 'EvryWorkgDay',
        FirstPaymentDateTime: inDays(2),
        FinalPaymentDateTime: inDays(40),
        FirstPaymentAmount: { Amount: '10.00', Currency: 'GBP' },
        RecurringPaymentAmount: { Amount: '12.50', Currency: 'GBP' },
        CreditorAccount: domestic['CreditorAccount'],
      },
    },
    Risk: {},
  };
}

/** A standing order without an end: NumberOfPayments or FinalPaymentDateTime may be added. */
function openEndedStandingOrder(extra: JsonRecord = {}): JsonRecord {
  return mutated(standingOrderBody, (b) => {
    delete initiation(b)['FinalPaymentDateTime'];
    Object.assign(initiation(b), extra);
  });
}

function vrpWithLimit(periodType: string, alignment: string): JsonRecord {
  return mutated(
    () => ukVrpConsentBody(),
    (b) =>
      (control(b)['PeriodicLimits'] = [
        { PeriodType: periodType, PeriodAlignment: alignment, Amount: '100.00', Currency: 'GBP' },
      ]),
  );
}

interface RuleCase {
  readonly id: string;
  readonly path: string;
  readonly body: () => JsonRecord | undefined;
  readonly headers?: () => Promise<CreationHeaders> | CreationHeaders;
  readonly status: number;
  readonly code: string;
  readonly errorPath?: string;
}

const AAC = 'account-access-consents';
const DPC = 'domestic-payment-consents';
const SO = 'domestic-standing-order-consents';
const VRP = 'domestic-vrp-consents';
const NO_SIGNATURE: CreationHeaders = { signature: null, idempotencyKey: null };

const CASES: readonly RuleCase[] = [
  {
    id: 'UK-01 body {} (Data missing)',
    path: AAC,
    body: () => ({}),
    headers: () => NO_SIGNATURE,
    status: 400,
    code: 'UK.OBIE.Field.Missing',
    errorPath: 'Data',
  },
  {
    id: 'UK-02 Risk omitted',
    path: AAC,
    body: () => ({ Data: data(ukAccountAccessConsentBody()) }),
    status: 400,
    code: 'UK.OBIE.Field.Missing',
    errorPath: 'Risk',
  },
  {
    id: 'UK-03 Permissions []',
    path: AAC,
    body: () => mutated(ukAccountAccessConsentBody, (b) => (data(b)['Permissions'] = [])),
    status: 400,
    code: 'UK.OBIE.Field.Invalid',
    errorPath: 'Data.Permissions',
  },
  {
    id: 'UK-04 no Accounts permission',
    path: AAC,
    body: () => mutated(ukAccountAccessConsentBody, (b) => (data(b)['Permissions'] = ['ReadBalances'])),
    status: 400,
    code: 'UK.OBIE.Field.Invalid',
    errorPath: 'Data.Permissions',
  },
  {
    id: 'UK-05 transactions without Credits/Debits',
    path: AAC,
    body: () =>
      mutated(
        ukAccountAccessConsentBody,
        (b) => (data(b)['Permissions'] = ['ReadAccountsBasic', 'ReadTransactionsBasic']),
      ),
    status: 400,
    code: 'UK.OBIE.Field.Invalid',
    errorPath: 'Data.Permissions',
  },
  {
    id: 'UK-06 Credits without Basic/Detail',
    path: AAC,
    body: () =>
      mutated(
        ukAccountAccessConsentBody,
        (b) => (data(b)['Permissions'] = ['ReadAccountsBasic', 'ReadTransactionsCredits']),
      ),
    status: 400,
    code: 'UK.OBIE.Field.Invalid',
    errorPath: 'Data.Permissions',
  },
  {
    id: 'UK-08 unknown permission',
    path: AAC,
    body: () => mutated(ukAccountAccessConsentBody, (b) => (data(b)['Permissions'] = ['ReadEverything'])),
    status: 400,
    code: 'UK.OBIE.Field.Invalid',
    errorPath: 'Data.Permissions[0]',
  },
  {
    id: 'UK-09 ExpirationDateTime not a date',
    path: AAC,
    body: () => mutated(ukAccountAccessConsentBody, (b) => (data(b)['ExpirationDateTime'] = 'not-a-date')),
    status: 400,
    code: 'UK.OBIE.Field.InvalidDate',
    errorPath: 'Data.ExpirationDateTime',
  },
  {
    id: 'UK-10 ExpirationDateTime in the past',
    path: AAC,
    body: () => mutated(ukAccountAccessConsentBody, (b) => (data(b)['ExpirationDateTime'] = inDays(-1))),
    status: 400,
    code: 'UK.OBIE.Field.InvalidDate',
    errorPath: 'Data.ExpirationDateTime',
  },
  {
    id: 'UK-11 From after To',
    path: AAC,
    body: () =>
      mutated(ukAccountAccessConsentBody, (b) =>
        Object.assign(data(b), { TransactionFromDateTime: inDays(-1), TransactionToDateTime: inDays(-2) }),
      ),
    status: 400,
    code: 'UK.OBIE.Field.InvalidDate',
    errorPath: 'Data.TransactionToDateTime',
  },
  {
    id: 'UK-12 Risk {"x":1}',
    path: AAC,
    body: () => mutated(ukAccountAccessConsentBody, (b) => (b['Risk'] = { x: 1 })),
    status: 400,
    code: 'UK.OBIE.Resource.InvalidFormat',
    errorPath: 'Risk.x',
  },
  {
    id: 'A.3 unknown root property',
    path: AAC,
    body: () => mutated(ukAccountAccessConsentBody, (b) => (b['Extra'] = true)),
    status: 400,
    code: 'UK.OBIE.Resource.InvalidFormat',
    errorPath: 'Extra',
  },
  {
    id: 'A.3 wrong type inside the body',
    path: AAC,
    body: () => mutated(ukAccountAccessConsentBody, (b) => (data(b)['Permissions'] = 'ReadAccountsBasic')),
    status: 400,
    code: 'UK.OBIE.Field.Invalid',
    errorPath: 'Data.Permissions',
  },
  {
    id: 'A.1 body that is not JSON (omitted by the identity server)',
    path: AAC,
    body: () => undefined,
    status: 400,
    code: 'UK.OBIE.Resource.InvalidFormat',
  },
  {
    id: 'UK-15 no x-idempotency-key',
    path: DPC,
    body: ukDomesticPaymentConsentBody,
    headers: () => ({ idempotencyKey: null }),
    status: 400,
    code: 'UK.OBIE.Header.Missing',
    errorPath: 'x-idempotency-key',
  },
  {
    id: 'UK-16 x-idempotency-key of 41 chars',
    path: DPC,
    body: ukDomesticPaymentConsentBody,
    headers: () => ({ idempotencyKey: 'k'.repeat(41) }),
    status: 400,
    code: 'UK.OBIE.Header.Invalid',
    errorPath: 'x-idempotency-key',
  },
  {
    id: 'UK-17 x-idempotency-key with a leading space',
    path: DPC,
    body: ukDomesticPaymentConsentBody,
    headers: () => ({ idempotencyKey: ' abc' }),
    status: 400,
    code: 'UK.OBIE.Header.Invalid',
    errorPath: 'x-idempotency-key',
  },
  {
    id: 'UK-18 no x-jws-signature',
    path: DPC,
    body: ukDomesticPaymentConsentBody,
    headers: () => ({ signature: null }),
    status: 400,
    code: 'UK.OBIE.Signature.Missing',
    errorPath: 'x-jws-signature',
  },
  {
    id: 'UK-19 x-jws-signature "abc"',
    path: DPC,
    body: ukDomesticPaymentConsentBody,
    headers: () => ({ signature: 'abc' }),
    status: 400,
    code: 'UK.OBIE.Signature.Malformed',
    errorPath: 'x-jws-signature',
  },
  {
    id: 'UK-20 no tan claim',
    path: DPC,
    body: ukDomesticPaymentConsentBody,
    headers: async () => ({
      signature: await signDetached(ukDomesticPaymentConsentBody(), { 'http://openbanking.org.uk/tan': undefined }),
    }),
    status: 400,
    code: 'UK.OBIE.Signature.MissingClaim',
    errorPath: 'http://openbanking.org.uk/tan',
  },
  {
    id: 'UK-21 alg RS256',
    path: DPC,
    body: ukDomesticPaymentConsentBody,
    headers: async () => ({ signature: await signDetached(ukDomesticPaymentConsentBody(), { alg: 'RS256' }) }),
    status: 400,
    code: 'UK.OBIE.Signature.InvalidClaim',
    errorPath: 'alg',
  },
  {
    id: 'UK-21 iat in the future',
    path: DPC,
    body: ukDomesticPaymentConsentBody,
    headers: async () => ({
      signature: await signDetached(ukDomesticPaymentConsentBody(), {}, Math.floor(Date.now() / 1000) + 3600),
    }),
    status: 400,
    code: 'UK.OBIE.Signature.InvalidClaim',
    errorPath: 'http://openbanking.org.uk/iat',
  },
  {
    id: 'UK-21 b64 present',
    path: DPC,
    body: ukDomesticPaymentConsentBody,
    headers: async () => ({ signature: await signDetached(ukDomesticPaymentConsentBody(), { b64: false }) }),
    status: 400,
    code: 'UK.OBIE.Signature.InvalidClaim',
    errorPath: 'b64',
  },
  {
    id: 'A.8 unknown kid',
    path: DPC,
    body: ukDomesticPaymentConsentBody,
    headers: async () => ({ signature: await signDetached(ukDomesticPaymentConsentBody(), { kid: 'unknown' }) }),
    status: 400,
    code: 'UK.OBIE.Signature.InvalidClaim',
    errorPath: 'kid',
  },
  {
    id: 'A.8 wrong trust anchor',
    path: DPC,
    body: ukDomesticPaymentConsentBody,
    headers: async () => ({
      signature: await signDetached(ukDomesticPaymentConsentBody(), { 'http://openbanking.org.uk/tan': 'example.com' }),
    }),
    status: 400,
    code: 'UK.OBIE.Signature.InvalidClaim',
    errorPath: 'http://openbanking.org.uk/tan',
  },
  {
    id: 'UK-22 body changed after signing',
    path: DPC,
    body: () => mutated(ukDomesticPaymentConsentBody, (b) => (initiation(b)['EndToEndIdentification'] = 'CHANGED')),
    headers: async () => ({ signature: await signDetached(ukDomesticPaymentConsentBody()) }),
    status: 400,
    code: 'UK.OBIE.Signature.Invalid',
    errorPath: 'x-jws-signature',
  },
  ...['12.345678', '-1.00', '1e3'].map((amount) => ({
    id: `UK-23 Amount ${amount}`,
    path: DPC,
    body: () =>
      mutated(
        ukDomesticPaymentConsentBody,
        (b) => ((initiation(b)['InstructedAmount'] as JsonRecord)['Amount'] = amount),
      ),
    status: 400,
    code: 'UK.OBIE.Field.Invalid',
    errorPath: 'Data.Initiation.InstructedAmount.Amount',
  })),
  {
    id: 'A.6 Amount 0 (IMPL)',
    path: DPC,
    body: () =>
      mutated(
        ukDomesticPaymentConsentBody,
        (b) => ((initiation(b)['InstructedAmount'] as JsonRecord)['Amount'] = '0.00'),
      ),
    status: 400,
    code: 'UK.OBIE.Field.Invalid',
    errorPath: 'Data.Initiation.InstructedAmount.Amount',
  },
  {
    id: 'UK-24 Currency "gbp"',
    path: DPC,
    body: () =>
      mutated(
        ukDomesticPaymentConsentBody,
        (b) => ((initiation(b)['InstructedAmount'] as JsonRecord)['Currency'] = 'gbp'),
      ),
    status: 400,
    code: 'UK.OBIE.Field.Invalid',
    errorPath: 'Data.Initiation.InstructedAmount.Currency',
  },
  {
    id: 'UK-24 Currency "XYZ"',
    path: DPC,
    body: () =>
      mutated(
        ukDomesticPaymentConsentBody,
        (b) => ((initiation(b)['InstructedAmount'] as JsonRecord)['Currency'] = 'XYZ'),
      ),
    status: 400,
    code: 'UK.OBIE.Unsupported.Currency',
    errorPath: 'Data.Initiation.InstructedAmount.Currency',
  },
  {
    id: 'UK-25 CreditorAccount without Name',
    path: DPC,
    body: () =>
      mutated(ukDomesticPaymentConsentBody, (b) => delete (initiation(b)['CreditorAccount'] as JsonRecord)['Name']),
    status: 400,
    code: 'UK.OBIE.Field.Missing',
    errorPath: 'Data.Initiation.CreditorAccount.Name',
  },
  {
    id: 'UK-26 SchemeName UK.OBIE.Foo',
    path: DPC,
    body: () =>
      mutated(
        ukDomesticPaymentConsentBody,
        (b) => ((initiation(b)['CreditorAccount'] as JsonRecord)['SchemeName'] = 'UK.OBIE.Foo'),
      ),
    status: 400,
    code: 'UK.OBIE.Unsupported.Scheme',
    errorPath: 'Data.Initiation.CreditorAccount.SchemeName',
  },
  {
    id: 'UK-27 sort code and account of 13 digits',
    path: DPC,
    body: () =>
      mutated(
        ukDomesticPaymentConsentBody,
        (b) => ((initiation(b)['CreditorAccount'] as JsonRecord)['Identification'] = '0808002132569'),
      ),
    status: 400,
    code: 'UK.OBIE.Unsupported.AccountIdentifier',
    errorPath: 'Data.Initiation.CreditorAccount.Identification',
  },
  {
    id: 'A.6 IBAN with a bad checksum',
    path: DPC,
    body: () =>
      mutated(ukDomesticPaymentConsentBody, (b) =>
        Object.assign(initiation(b)['CreditorAccount'] as JsonRecord, {
          SchemeName: 'UK.OBIE.IBAN',
          Identification: 'GB00LOYD30080012343456',
        }),
      ),
    status: 400,
    code: 'UK.OBIE.Unsupported.AccountIdentifier',
    errorPath: 'Data.Initiation.CreditorAccount.Identification',
  },
  {
    id: 'UK-28 InstructionIdentification of 36 chars',
    path: DPC,
    body: () =>
      mutated(ukDomesticPaymentConsentBody, (b) => (initiation(b)['InstructionIdentification'] = 'x'.repeat(36))),
    status: 400,
    code: 'UK.OBIE.Field.Invalid',
    errorPath: 'Data.Initiation.InstructionIdentification',
  },
  {
    id: 'UK-29 Authorisation {}',
    path: DPC,
    body: () => mutated(ukDomesticPaymentConsentBody, (b) => (data(b)['Authorisation'] = {})),
    status: 400,
    code: 'UK.OBIE.Field.Missing',
    errorPath: 'Data.Authorisation.AuthorisationType',
  },
  {
    id: 'A.6 LocalInstrument unknown',
    path: DPC,
    body: () => mutated(ukDomesticPaymentConsentBody, (b) => (initiation(b)['LocalInstrument'] = 'UK.OBIE.Pigeon')),
    status: 400,
    code: 'UK.OBIE.Unsupported.LocalInstrument',
    errorPath: 'Data.Initiation.LocalInstrument',
  },
  {
    id: 'A.6 ReadRefundAccount "Maybe"',
    path: DPC,
    body: () => mutated(ukDomesticPaymentConsentBody, (b) => (data(b)['ReadRefundAccount'] = 'Maybe')),
    status: 400,
    code: 'UK.OBIE.Field.Invalid',
    errorPath: 'Data.ReadRefundAccount',
  },
  {
    id: 'UK-32 Agreed rate without ContractIdentification',
    path: 'international-payment-consents',
    body: () =>
      mutated(
        internationalBody,
        (b) => delete (initiation(b)['ExchangeRateInformation'] as JsonRecord)['ContractIdentification'],
      ),
    status: 400,
    code: 'UK.OBIE.Field.Expected',
    errorPath: 'Data.Initiation.ExchangeRateInformation.ContractIdentification',
  },
  {
    id: 'UK-33 Indicative rate with ExchangeRate',
    path: 'international-payment-consents',
    body: () =>
      mutated(internationalBody, (b) =>
        Object.assign(initiation(b)['ExchangeRateInformation'] as JsonRecord, {
          RateType: 'Indicative',
          ContractIdentification: undefined,
        }),
      ),
    status: 400,
    code: 'UK.OBIE.Field.Unexpected',
    errorPath: 'Data.Initiation.ExchangeRateInformation.ExchangeRate',
  },
  {
    id: 'A.6 CreditorAgent with Name but no PostalAddress',
    path: 'international-payment-consents',
    body: () => mutated(internationalBody, (b) => (initiation(b)['CreditorAgent'] = { Name: 'Deutsche Bank' })),
    status: 400,
    code: 'UK.OBIE.Field.Expected',
    errorPath: 'Data.Initiation.CreditorAgent.PostalAddress',
  },
  {
    id: 'A.6 CreditorAgent with SchemeName but no Identification',
    path: 'international-payment-consents',
    body: () => mutated(internationalBody, (b) => (initiation(b)['CreditorAgent'] = { SchemeName: 'UK.OBIE.BICFI' })),
    status: 400,
    code: 'UK.OBIE.Field.Expected',
    errorPath: 'Data.Initiation.CreditorAgent.Identification',
  },
  {
    id: 'A.6 CurrencyOfTransfer unsupported',
    path: 'international-payment-consents',
    body: () => mutated(internationalBody, (b) => (initiation(b)['CurrencyOfTransfer'] = 'JPY')),
    status: 400,
    code: 'UK.OBIE.Unsupported.Currency',
    errorPath: 'Data.Initiation.CurrencyOfTransfer',
  },
  {
    id: 'UK-34 Permission "Update"',
    path: 'domestic-scheduled-payment-consents',
    body: () => mutated(scheduledBody, (b) => (data(b)['Permission'] = 'Update')),
    status: 400,
    code: 'UK.OBIE.Field.Invalid',
    errorPath: 'Data.Permission',
  },
  {
    id: 'A.6 RequestedExecutionDateTime in the past',
    path: 'domestic-scheduled-payment-consents',
    body: () => mutated(scheduledBody, (b) => (initiation(b)['RequestedExecutionDateTime'] = inDays(-1))),
    status: 400,
    code: 'UK.OBIE.Field.InvalidDate',
    errorPath: 'Data.Initiation.RequestedExecutionDateTime',
  },
  {
    id: 'A.6 standing order Frequency malformed',
    path: 'domestic-standing-order-consents',
    body: () => mutated(standingOrderBody, (b) => (initiation(b)['Frequency'] = 'Fortnightly')),
    status: 400,
    code: 'UK.OBIE.Field.Invalid',
    errorPath: 'Data.Initiation.Frequency',
  },
  {
    id: 'A.6 standing order final before first',
    path: 'domestic-standing-order-consents',
    body: () => mutated(standingOrderBody, (b) => (initiation(b)['FinalPaymentDateTime'] = inDays(1))),
    status: 400,
    code: 'UK.OBIE.Field.InvalidDate',
    errorPath: 'Data.Initiation.FinalPaymentDateTime',
  },
  {
    id: 'issue 9 #1 standing order with NumberOfPayments and FinalPaymentDateTime',
    path: SO,
    body: () => mutated(standingOrderBody, (b) => (initiation(b)['NumberOfPayments'] = '12')),
    status: 400,
    code: 'UK.OBIE.Field.Unexpected',
    errorPath: 'Data.Initiation.FinalPaymentDateTime',
  },
  {
    id: 'A.6 standing order NumberOfPayments "0"',
    path: SO,
    body: () => openEndedStandingOrder({ NumberOfPayments: '0' }),
    status: 400,
    code: 'UK.OBIE.Field.Invalid',
    errorPath: 'Data.Initiation.NumberOfPayments',
  },
  {
    id: 'A.6 standing order recurring amount equal to the first',
    path: SO,
    body: () =>
      mutated(standingOrderBody, (b) => (initiation(b)['RecurringPaymentAmount'] = { Amount: '10', Currency: 'GBP' })),
    status: 400,
    code: 'UK.OBIE.Field.Unexpected',
    errorPath: 'Data.Initiation.RecurringPaymentAmount',
  },
  {
    id: 'A.6 standing order recurring date equal to the first',
    path: SO,
    body: () =>
      mutated(
        standingOrderBody,
        (b) => (initiation(b)['RecurringPaymentDateTime'] = initiation(b)['FirstPaymentDateTime']),
      ),
    status: 400,
    code: 'UK.OBIE.Field.Unexpected',
    errorPath: 'Data.Initiation.RecurringPaymentDateTime',
  },
  {
    id: 'A.6 standing order recurring date before the first',
    path: SO,
    body: () => mutated(standingOrderBody, (b) => (initiation(b)['RecurringPaymentDateTime'] = inDays(1))),
    status: 400,
    code: 'UK.OBIE.Field.InvalidDate',
    errorPath: 'Data.Initiation.RecurringPaymentDateTime',
  },
  {
    id: 'UK-35 CoF without DebtorAccount',
    path: 'funds-confirmation-consents',
    body: () =>
      mutated(
        () => ukFundsConfirmationConsentBody(),
        (b) => delete data(b)['DebtorAccount'],
      ),
    status: 400,
    code: 'UK.OBIE.Field.Missing',
    errorPath: 'Data.DebtorAccount',
  },
  {
    id: 'A.7 CoF expiry in the past',
    path: 'funds-confirmation-consents',
    body: () =>
      mutated(
        () => ukFundsConfirmationConsentBody(),
        (b) => (data(b)['ExpirationDateTime'] = inDays(-1)),
      ),
    status: 400,
    code: 'UK.OBIE.Field.InvalidDate',
    errorPath: 'Data.ExpirationDateTime',
  },
  {
    id: 'A.7 CoF with Risk (not in the schema)',
    path: 'funds-confirmation-consents',
    body: () =>
      mutated(
        () => ukFundsConfirmationConsentBody(),
        (b) => (b['Risk'] = {}),
      ),
    status: 400,
    code: 'UK.OBIE.Resource.InvalidFormat',
    errorPath: 'Risk',
  },
  {
    id: 'A.2 x-fapi-auth-date malformed',
    path: AAC,
    body: () => ukAccountAccessConsentBody(),
    headers: () => ({ extra: { 'x-fapi-auth-date': '2017-09-10T19:43:31Z' } }),
    status: 400,
    code: 'UK.OBIE.Header.Invalid',
    errorPath: 'x-fapi-auth-date',
  },
  {
    id: 'UK-36 Content-Type text/plain',
    path: AAC,
    body: () => ukAccountAccessConsentBody(),
    headers: () => ({ extra: { 'Content-Type': 'text/plain' } }),
    status: 415,
    code: 'UK.OBIE.Header.Invalid',
    errorPath: 'Content-Type',
  },
  {
    id: 'VRP MaximumIndividualAmount 0',
    path: 'domestic-vrp-consents',
    body: () =>
      mutated(
        () => ukVrpConsentBody(),
        (b) => ((control(b)['MaximumIndividualAmount'] as JsonRecord)['Amount'] = '0'),
      ),
    status: 400,
    code: 'UK.OBIE.Field.Invalid',
    errorPath: 'Data.ControlParameters.MaximumIndividualAmount.Amount',
  },
  {
    id: 'VRP PeriodicLimits []',
    path: 'domestic-vrp-consents',
    body: () =>
      mutated(
        () => ukVrpConsentBody(),
        (b) => (control(b)['PeriodicLimits'] = []),
      ),
    status: 400,
    code: 'UK.OBIE.Field.Invalid',
    errorPath: 'Data.ControlParameters.PeriodicLimits',
  },
  {
    id: 'VRP PeriodType "Hour"',
    path: 'domestic-vrp-consents',
    body: () =>
      mutated(
        () => ukVrpConsentBody(),
        (b) => ((control(b)['PeriodicLimits'] as JsonRecord[])[0]['PeriodType'] = 'Hour'),
      ),
    status: 400,
    code: 'UK.OBIE.Field.Invalid',
    errorPath: 'Data.ControlParameters.PeriodicLimits[0].PeriodType',
  },
  {
    id: 'VRP limit in another currency',
    path: 'domestic-vrp-consents',
    body: () =>
      mutated(
        () => ukVrpConsentBody(),
        (b) => ((control(b)['PeriodicLimits'] as JsonRecord[])[0]['Currency'] = 'EUR'),
      ),
    status: 400,
    code: 'UK.OBIE.Field.Invalid',
    errorPath: 'Data.ControlParameters.PeriodicLimits[0].Currency',
  },
  {
    id: 'VRP unknown VRPType',
    path: 'domestic-vrp-consents',
    body: () =>
      mutated(
        () => ukVrpConsentBody(),
        (b) => (control(b)['VRPType'] = ['UK.OBIE.VRPType.Gambling']),
      ),
    status: 400,
    code: 'UK.OBIE.Field.Invalid',
    errorPath: 'Data.ControlParameters.VRPType',
  },
  {
    id: 'VRP ValidTo before ValidFrom',
    path: 'domestic-vrp-consents',
    body: () =>
      mutated(
        () => ukVrpConsentBody(),
        (b) => Object.assign(control(b), { ValidFromDateTime: inDays(10), ValidToDateTime: inDays(5) }),
      ),
    status: 400,
    code: 'UK.OBIE.Field.InvalidDate',
    errorPath: 'Data.ControlParameters.ValidToDateTime',
  },
  {
    id: 'issue 9 #2 VRP Fortnight limit aligned to the calendar',
    path: VRP,
    body: () => vrpWithLimit('Fortnight', 'Calendar'),
    status: 400,
    code: 'UK.OBIE.Field.Invalid',
    errorPath: 'Data.ControlParameters.PeriodicLimits[0].PeriodAlignment',
  },
  {
    id: 'VRP SupplementaryData the bank cannot process',
    path: VRP,
    body: () =>
      mutated(
        () => ukVrpConsentBody(),
        (b) => (control(b)['SupplementaryData'] = { LoyaltyScheme: 'gold' }),
      ),
    status: 400,
    code: 'UK.OBIE.Field.Invalid',
    errorPath: 'Data.ControlParameters.SupplementaryData',
  },
  {
    id: 'VRP without x-jws-signature',
    path: 'domestic-vrp-consents',
    body: () => ukVrpConsentBody(),
    headers: () => ({ signature: null }),
    status: 400,
    code: 'UK.OBIE.Signature.Missing',
    errorPath: 'x-jws-signature',
  },
  {
    id: 'an endpoint the UK module does not serve (v1 payments)',
    path: 'payment-submissions',
    body: () => ({ Data: {} }),
    status: 404,
    code: 'UK.OBIE.Resource.NotFound',
  },
];

describe('UK consent creation rules (pre-process-consent-creation)', () => {
  let simulator: IdentityServerSimulator;
  startUkServerForFile((started) => {
    ({ simulator } = started);
  });

  const expectRejected = (call: CheckedCall, status: number, code: string, errorPath?: string): void => {
    expect(call.contractViolations).toEqual([]);
    expect({ httpStatus: call.httpStatus, status: call.status, errorCode: call.errorCode }).toEqual({
      httpStatus: 200,
      status: 'ERROR',
      errorCode: status,
    });
    expect(call.data).toMatchObject({
      Code: expect.stringMatching(new RegExp(`^${status} `)),
      Message: expect.any(String),
    });
    expect(firstUkError(call)).toEqual({
      ErrorCode: code,
      Message: expect.any(String),
      ...(errorPath === undefined ? {} : { Path: errorPath }),
    });
  };

  it.each(CASES.map((ruleCase) => [ruleCase.id, ruleCase] as const))('%s', async (_id, ruleCase) => {
    const headers = ruleCase.headers === undefined ? {} : await ruleCase.headers();
    const call = await createConsent(simulator, ruleCase.path, ruleCase.body(), headers);
    expectRejected(call, ruleCase.status, ruleCase.code, ruleCase.errorPath);
  });

  it('UK-07 Basic and Detail of the same cluster are accepted', async () => {
    const body = mutated(
      ukAccountAccessConsentBody,
      (b) => (data(b)['Permissions'] = ['ReadAccountsBasic', 'ReadAccountsDetail']),
    );
    const call = await createConsent(simulator, AAC, body, NO_SIGNATURE);
    expect(call.contractViolations).toEqual([]);
    expect(call).toMatchObject({
      status: 'SUCCESS',
      data: { consentResource: { type: 'accounts', status: 'AwaitingAuthorisation', receipt: body } },
    });
  });

  it('A.2 accepts a well-formed x-fapi-auth-date and an application/json Content-Type with a charset', async () => {
    const call = await createConsent(simulator, AAC, ukAccountAccessConsentBody(), {
      ...NO_SIGNATURE,
      extra: { 'x-fapi-auth-date': 'Sun, 10 Sep 2017 19:43:31 GMT', 'Content-Type': 'application/json; charset=utf-8' },
    });
    expect(call).toMatchObject({ status: 'SUCCESS' });
  });

  it('A.3 an account consent without ExpirationDateTime is open-ended (validityTime 0)', async () => {
    const body = mutated(ukAccountAccessConsentBody, (b) => delete data(b)['ExpirationDateTime']);
    const call = await createConsent(simulator, AAC, body, NO_SIGNATURE);
    expect(call).toMatchObject({
      status: 'SUCCESS',
      data: {
        consentResource: {
          validityTime: 0,
          authorizations: [{ type: 'authorisation', status: 'Created', resources: [] }],
        },
      },
    });
  });

  it('A.3 stores the expiry of an account consent as its validity time', async () => {
    const body = ukAccountAccessConsentBody();
    const call = await createConsent(simulator, AAC, body, NO_SIGNATURE);
    const expiry = Math.floor(Date.parse(String(data(body)['ExpirationDateTime'])) / 1000);
    expect(call).toMatchObject({
      status: 'SUCCESS',
      data: { consentResource: { validityTime: expiry, recurringIndicator: true, frequency: 0 } },
    });
  });

  it.each([
    ['domestic-payment-consents', ukDomesticPaymentConsentBody, 'domestic-payments'],
    ['domestic-scheduled-payment-consents', scheduledBody, 'domestic-scheduled-payments'],
    ['domestic-standing-order-consents', standingOrderBody, 'domestic-standing-orders'],
    ['international-payment-consents', internationalBody, 'international-payments'],
    ['domestic-vrp-consents', () => ukVrpConsentBody(), 'domestic-vrps'],
    ['funds-confirmation-consents', () => ukFundsConfirmationConsentBody(), 'fundsconfirmations'],
  ])('accepts a valid %s body', async (path, body, type) => {
    const sent = body();
    const call = await createConsent(simulator, path, sent);
    expect(call.contractViolations).toEqual([]);
    expect(call).toMatchObject({
      status: 'SUCCESS',
      data: { consentResource: { type, status: 'AwaitingAuthorisation', receipt: sent } },
    });
  });

  it.each([
    ['a standing order ending after NumberOfPayments', () => openEndedStandingOrder({ NumberOfPayments: '12' })],
    ['an open-ended standing order', () => openEndedStandingOrder()],
    ['a standing order ending on FinalPaymentDateTime', standingOrderBody],
  ])('issue 9 #1 accepts %s (the valid neighbours)', async (_case, body) => {
    const sent = body();
    const call = await createConsent(simulator, SO, sent);
    expect(call.contractViolations).toEqual([]);
    expect(call).toMatchObject({
      status: 'SUCCESS',
      data: { consentResource: { type: 'domestic-standing-orders', receipt: sent } },
    });
  });

  it.each([
    ['Day', 'Consent'],
    ['Day', 'Calendar'],
    ['Week', 'Consent'],
    ['Week', 'Calendar'],
    ['Fortnight', 'Consent'],
    ['Month', 'Consent'],
    ['Month', 'Calendar'],
    ['Half-year', 'Consent'],
    ['Half-year', 'Calendar'],
    ['Year', 'Consent'],
    ['Year', 'Calendar'],
  ])(
    'issue 9 #2 accepts a VRP %s limit aligned to the %s (only Fortnight/Calendar is constrained)',
    async (periodType, alignment) => {
      const call = await createConsent(simulator, VRP, vrpWithLimit(periodType, alignment));
      expect(call.contractViolations).toEqual([]);
      expect(call).toMatchObject({
        status: 'SUCCESS',
        data: { consentResource: { type: 'domestic-vrps', status: 'AwaitingAuthorisation' } },
      });
    },
  );

  it('accepts a VRP consent with an empty SupplementaryData', async () => {
    const body = mutated(
      () => ukVrpConsentBody(),
      (b) => (control(b)['SupplementaryData'] = {}),
    );
    await expect(createConsent(simulator, VRP, body)).resolves.toMatchObject({ status: 'SUCCESS' });
  });

  it('A.6 accepts both spellings of ContractPresentIndicator (v3.1.11 errata)', async () => {
    for (const field of ['ContractPresentIndicator', 'ContractPresentInidicator']) {
      const body = mutated(ukDomesticPaymentConsentBody, (b) => (b['Risk'] = { [field]: true }));
      await expect(createConsent(simulator, DPC, body)).resolves.toMatchObject({ status: 'SUCCESS' });
    }
  });

  it('gives the same first error for the same bad body every time', async () => {
    // Four faults at once (Risk missing, an unknown root field, an unknown permission, a malformed date): the one
    // reported is the same on every call.
    const body = { Data: { Permissions: ['ReadFoo'], ExpirationDateTime: 'x' }, Extra: 1 };
    const first = await createConsent(simulator, AAC, body, NO_SIGNATURE);
    const second = await createConsent(simulator, AAC, body, NO_SIGNATURE);
    for (const call of [first, second]) {
      expectRejected(call, 400, 'UK.OBIE.Field.Missing', 'Risk');
      expect(call.data).toEqual({
        Code: '400 BadRequest',
        Id: expect.any(String),
        Message: 'Invalid request parameters.',
        Errors: [{ ErrorCode: 'UK.OBIE.Field.Missing', Message: 'Risk is missing', Path: 'Risk' }],
      });
    }
    // Only the error's own Id differs from one call to the next.
    expect({ ...second.data, Id: undefined }).toEqual({ ...first.data, Id: undefined });
  });

  it('answers hostile values inside the body with a UK error, never a fault', async () => {
    const deep: JsonRecord = {};
    let cursor = deep;
    // Deep, but within the platform's EXTENSION_MAX_JSON_DEPTH (64), which refuses deeper bodies before any spec sees them.
    for (let depth = 0; depth < 50; depth += 1) {
      cursor['Data'] = {};
      cursor = cursor['Data'] as JsonRecord;
    }
    for (const body of [
      deep,
      { Data: null, Risk: [] },
      { Data: { Permissions: [null, 5, {}] }, Risk: {} },
      { Data: { Permissions: ['ReadAccountsBasic'], ExpirationDateTime: 'x'.repeat(100_000) }, Risk: {} },
    ]) {
      const call = await createConsent(simulator, AAC, body, NO_SIGNATURE);
      expect(call.contractViolations).toEqual([]);
      expect(call).toMatchObject({ httpStatus: 200, status: 'ERROR', errorCode: 400 });
    }
  });
});
