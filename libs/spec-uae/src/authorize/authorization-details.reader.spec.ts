import { UaeOfficialSchemas } from '../schemas/uae-official-schemas.js';
import { resolveUaeSpecOptions } from '../uae-spec.options.js';
import { AuthorizationDetailsReader, type ConsentReading } from './authorization-details.reader.js';

const NOW = Date.parse('2026-11-21T12:00:00Z');
const iso = (millis: number) => `${new Date(millis).toISOString().slice(0, 19)}+00:00`;
const DAY = 86_400_000;

const reader = new AuthorizationDetailsReader(new UaeOfficialSchemas(), resolveUaeSpecOptions({ UAE_SUPPORTED_ACCOUNT_SUB_TYPES: 'CurrentAccount,Savings' }), { now: () => NOW });

function dataSharing(consent: Record<string, unknown> = {}): unknown[] {
  return [
    {
      type: 'urn:openfinanceuae:account-access-consent:v2.1',
      consent: {
        ConsentId: 'b8f42f9e-5f0c-4a53-9a38-3f5d1f0e8a11',
        ExpirationDateTime: iso(NOW + 30 * DAY),
        Permissions: ['ReadAccountsBasic'],
        OpenFinanceBilling: { UserType: 'Retail', Purpose: 'Verification' },
        ...consent,
      },
    },
  ];
}

function payment(consent: Record<string, unknown> = {}): unknown[] {
  return [
    {
      type: 'urn:openfinanceuae:service-initiation-consent:v2.1',
      consent: {
        ConsentId: 'b8f42f9e-5f0c-4a53-9a38-3f5d1f0e8a12',
        ExpirationDateTime: iso(NOW + 30 * DAY),
        PaymentPurposeCode: 'ACM',
        ControlParameters: { ConsentSchedule: { SinglePayment: { Type: 'SingleInstantPayment', Amount: { Amount: '1.00', Currency: 'AED' } } } },
        PersonalIdentifiableInformation: { Initiation: { Creditor: [{ CreditorAccount: { SchemeName: 'IBAN', Identification: 'AE1', Name: { en: 'X' } } }] } },
        ...consent,
      },
    },
  ];
}

const problemOf = (reading: ConsentReading) => (reading.ok ? undefined : reading.problem);

describe(AuthorizationDetailsReader.name, () => {
  it.each<[string, number, string | undefined]>([
    ['now', NOW, 'ExpirationDateTime must be in the future'],
    ['one second from now', NOW + 1000, undefined],
    ['a second under a year', NOW + 365 * DAY - 1000, undefined],
    ['exactly a year', NOW + 365 * DAY, 'ExpirationDateTime must be less than one year in the future'],
  ])('ExpirationDateTime %s', async (_label, expiration, message) => {
    expect(problemOf(await reader.readAuthorizationDetails(dataSharing({ ExpirationDateTime: iso(expiration) })))?.message).toBe(message);
  });

  it('refuses an AccountSubType the bank does not support', async () => {
    expect(problemOf(await reader.readAuthorizationDetails(dataSharing({ AccountSubType: ['Mortgage'] })))).toEqual({
      code: 'Consent.BusinessRuleViolation',
      message: 'AccountSubType Mortgage is not supported by this bank',
      path: 'authorization_details[0].consent.AccountSubType',
    });
  });

  it('allows ReadFX and ReadParty permissions without an accounts permission', async () => {
    expect(problemOf(await reader.readAuthorizationDetails(dataSharing({ Permissions: ['ReadParty', 'ReadFXTransactionsBasic'] })))).toBeUndefined();
  });

  it('accepts an AuthorizationExpirationDateTime equal to ExpirationDateTime', async () => {
    const expiration = iso(NOW + 30 * DAY);
    expect(problemOf(await reader.readAuthorizationDetails(payment({ ExpirationDateTime: expiration, AuthorizationExpirationDateTime: expiration })))).toBeUndefined();
  });

  it('reads the TPP ConsentId, the BaseConsentId and the PII of a payment', async () => {
    const reading = await reader.readAuthorizationDetails(payment({ BaseConsentId: 'b8f42f9e-5f0c-4a53-9a38-3f5d1f0e8a10' }));
    expect(reading).toMatchObject({
      ok: true,
      request: { kind: 'service-initiation', consentId: 'b8f42f9e-5f0c-4a53-9a38-3f5d1f0e8a12', baseConsentId: 'b8f42f9e-5f0c-4a53-9a38-3f5d1f0e8a10', pii: { Initiation: {} } },
    });
  });

  it('refuses file payments, which this bank does not offer', async () => {
    const filePayment = { FileType: 'x', FileHash: 'h', NumberOfTransactions: 2, ControlSum: '10.00' };
    const file = payment({ ControlParameters: { ConsentSchedule: { FilePayment: filePayment } } });
    expect(problemOf(await reader.readAuthorizationDetails(file))).toEqual({
      code: 'Consent.BusinessRuleViolation',
      message: 'FilePayment consents are not offered by this bank',
      path: 'authorization_details[0].consent.ControlParameters.ConsentSchedule.FilePayment',
    });
  });
});
