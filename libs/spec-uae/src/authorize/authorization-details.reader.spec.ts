import { uaeEncryptedPii, uaeJourneyPiiDecryptionKey } from '@app/testing';
import { UaeOfficialSchemas } from '../schemas/uae-official-schemas.js';
import { loadAaniPurposeCodes } from '../shared/aani-purpose-codes.js';
import { SettingsReader, type SettingsEnvironment as UaeSpecEnvironment } from '@app/contract';
import { resolveUaeSpecOptions } from '../uae-spec.options.js';
import { AuthorizationDetailsReader, type ConsentReading } from './authorization-details.reader.js';

const NOW = Date.parse('2026-11-21T12:00:00Z');
const iso = (millis: number) => `${new Date(millis).toISOString().slice(0, 19)}+00:00`;
const DAY = 86_400_000;
const schemas = new UaeOfficialSchemas();
const purposeCodes = loadAaniPurposeCodes();

function readerWith(env: UaeSpecEnvironment = {}): AuthorizationDetailsReader {
  const options = resolveUaeSpecOptions(
    new SettingsReader({
      UAE_SUPPORTED_ACCOUNT_SUB_TYPES: 'CurrentAccount,Savings',
      UAE_PII_DECRYPTION_KEY: uaeJourneyPiiDecryptionKey(),
      ...env,
    }),
  );
  return new AuthorizationDetailsReader(schemas, options, { now: () => NOW }, purposeCodes);
}

const reader = readerWith();
const creditor = (iban: string) => ({
  CreditorAccount: { SchemeName: 'IBAN', Identification: iban, Name: { en: 'X' } },
});
const piiWith = (creditors: unknown[] | undefined) =>
  uaeEncryptedPii({ Initiation: creditors === undefined ? {} : { Creditor: creditors } });

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
        ControlParameters: {
          ConsentSchedule: {
            SinglePayment: { Type: 'SingleInstantPayment', Amount: { Amount: '1.00', Currency: 'AED' } },
          },
        },
        PersonalIdentifiableInformation: piiWith([creditor('AE1')]),
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
    expect(
      problemOf(await reader.readAuthorizationDetails(dataSharing({ ExpirationDateTime: iso(expiration) })))?.message,
    ).toBe(message);
  });

  it('refuses an AccountSubType the bank does not support', async () => {
    expect(problemOf(await reader.readAuthorizationDetails(dataSharing({ AccountSubType: ['Mortgage'] })))).toEqual({
      code: 'Consent.BusinessRuleViolation',
      message: 'AccountSubType Mortgage is not supported by this bank',
      path: 'authorization_details[0].consent.AccountSubType',
    });
  });

  it('allows ReadFX and ReadParty permissions without an accounts permission', async () => {
    expect(
      problemOf(
        await reader.readAuthorizationDetails(dataSharing({ Permissions: ['ReadParty', 'ReadFXTransactionsBasic'] })),
      ),
    ).toBeUndefined();
  });

  it('accepts an AuthorizationExpirationDateTime equal to ExpirationDateTime', async () => {
    const expiration = iso(NOW + 30 * DAY);
    expect(
      problemOf(
        await reader.readAuthorizationDetails(
          payment({ ExpirationDateTime: expiration, AuthorizationExpirationDateTime: expiration }),
        ),
      ),
    ).toBeUndefined();
  });

  it('reads the TPP ConsentId, the BaseConsentId and the PII of a payment', async () => {
    const reading = await reader.readAuthorizationDetails(
      payment({ BaseConsentId: 'b8f42f9e-5f0c-4a53-9a38-3f5d1f0e8a10' }),
    );
    expect(reading).toMatchObject({
      ok: true,
      request: {
        kind: 'service-initiation',
        consentId: 'b8f42f9e-5f0c-4a53-9a38-3f5d1f0e8a12',
        baseConsentId: 'b8f42f9e-5f0c-4a53-9a38-3f5d1f0e8a10',
        pii: { Initiation: {} },
      },
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

  describe('the payment rules of the requirement pages', () => {
    const SCHEDULE = 'authorization_details[0].consent.ControlParameters.ConsentSchedule';
    const single = { Type: 'SingleInstantPayment', Amount: { Amount: '1.00', Currency: 'AED' } };
    const variableOnDemand = (periodStartDate: string) => ({
      PeriodicSchedule: {
        Type: 'VariableOnDemand',
        PeriodType: 'Day',
        PeriodStartDate: periodStartDate,
        Controls: { MaximumIndividualAmount: { Amount: '10.00', Currency: 'AED' } },
      },
    });
    const fixedDefined = (dates: string[]) => ({
      PeriodicSchedule: {
        Type: 'FixedDefinedSchedule',
        Schedule: dates.map((date) => ({ PaymentExecutionDate: date, Amount: { Amount: '5.00', Currency: 'AED' } })),
      },
    });
    const schedule = (consentSchedule: unknown, extra: Record<string, unknown> = {}) =>
      payment({ ControlParameters: { ConsentSchedule: consentSchedule }, ...extra });

    it('refuses a SinglePayment and a MultiPayment together, unless UAE_ALLOW_COMBINED_PAYMENT_SCHEDULE', async () => {
      const combined = schedule({ SinglePayment: single, MultiPayment: variableOnDemand('2026-11-21') });
      expect(problemOf(await reader.readAuthorizationDetails(combined))).toEqual({
        code: 'Consent.BusinessRuleViolation',
        message: 'SinglePayment and MultiPayment must not be combined in one ConsentSchedule',
        path: SCHEDULE,
      });
      const allowed = await readerWith({ UAE_ALLOW_COMBINED_PAYMENT_SCHEDULE: 'true' }).readAuthorizationDetails(
        combined,
      );
      expect(problemOf(allowed)).toBeUndefined();
    });

    it('refuses a PaymentPurposeCode that is not on the AANI list, and accepts one that is', async () => {
      expect(problemOf(await reader.readAuthorizationDetails(payment({ PaymentPurposeCode: 'ZZZ' })))).toEqual({
        code: 'Consent.BusinessRuleViolation',
        message: 'PaymentPurposeCode ZZZ is not on the AANI purpose code list',
        path: 'authorization_details[0].consent.PaymentPurposeCode',
      });
      expect(problemOf(await reader.readAuthorizationDetails(payment({ PaymentPurposeCode: 'TCP' })))).toBeUndefined();
    });

    it('refuses Delegated SCA on a variable on-demand schedule, and accepts IsDelegatedAuthentication false', async () => {
      const delegated = payment({
        ControlParameters: {
          IsDelegatedAuthentication: true,
          ConsentSchedule: { MultiPayment: variableOnDemand('2026-11-21') },
        },
      });
      expect(problemOf(await reader.readAuthorizationDetails(delegated))).toEqual({
        code: 'Consent.BusinessRuleViolation',
        message:
          'IsDelegatedAuthentication must be false or absent: Delegated SCA is not permitted for this payment type',
        path: 'authorization_details[0].consent.ControlParameters.IsDelegatedAuthentication',
      });
      const notDelegated = payment({
        ControlParameters: {
          IsDelegatedAuthentication: false,
          ConsentSchedule: { MultiPayment: variableOnDemand('2026-11-21') },
        },
      });
      expect(problemOf(await reader.readAuthorizationDetails(notDelegated))).toBeUndefined();
    });

    it.each<[string, string, string | undefined]>([
      ['yesterday', '2026-11-20', 'PeriodStartDate must not be in the past'],
      ['today', '2026-11-21', undefined],
      ['the day of the expiry', '2026-12-21', undefined],
      ['the day after the expiry', '2026-12-22', 'PeriodStartDate must not be after ExpirationDateTime'],
    ])('a variable on-demand PeriodStartDate of %s', async (_label, date, message) => {
      const consent = schedule(
        { MultiPayment: variableOnDemand(date) },
        { ExpirationDateTime: '2026-12-21T10:00:00+04:00' },
      );
      expect(problemOf(await reader.readAuthorizationDetails(consent))?.message).toBe(message);
    });

    it.each<[string, string[], string, string | undefined]>([
      ['dates ending on the expiry date', ['2026-11-25', '2026-12-01'], '2026-12-01T23:00:00+04:00', undefined],
      [
        'a repeated date',
        ['2026-11-25', '2026-11-25'],
        '2026-11-25T23:00:00+04:00',
        'PaymentExecutionDate 2026-11-25 appears more than once in the schedule',
      ],
      [
        'a date in the past',
        ['2026-11-20', '2026-12-01'],
        '2026-12-01T23:00:00+04:00',
        'PaymentExecutionDate 2026-11-20 is in the past',
      ],
      [
        'an expiry after the last date',
        ['2026-11-25', '2026-12-01'],
        '2026-12-02T10:00:00+04:00',
        'The date of ExpirationDateTime must be the last PaymentExecutionDate (2026-12-01)',
      ],
    ])('a fixed defined schedule with %s', async (_label, dates, expiration, message) => {
      const consent = schedule({ MultiPayment: fixedDefined(dates) }, { ExpirationDateTime: expiration });
      expect(problemOf(await reader.readAuthorizationDetails(consent))?.message).toBe(message);
    });

    it('refuses a PII that is a plain object: it must be a compact JWE', async () => {
      const plain = payment({ PersonalIdentifiableInformation: { Initiation: { Creditor: [creditor('AE1')] } } });
      expect(problemOf(await reader.readAuthorizationDetails(plain))).toEqual({
        code: 'Body.InvalidFormat',
        message: 'PersonalIdentifiableInformation must be a JWE in compact serialisation, never a plain object',
        path: 'authorization_details[0].consent.PersonalIdentifiableInformation',
      });
    });

    it('refuses an encrypted PII with JWE.DecryptionError when the bank has no key to decrypt it', async () => {
      expect(problemOf(await readerWith({ UAE_PII_DECRYPTION_KEY: '' }).readAuthorizationDetails(payment()))).toEqual({
        code: 'JWE.DecryptionError',
        message: 'the bank has no key configured to decrypt PersonalIdentifiableInformation',
        path: 'authorization_details[0].consent.PersonalIdentifiableInformation',
      });
    });

    it.each<[string, unknown, unknown[] | undefined, string | undefined]>([
      [
        'a single instant payment with two creditors',
        { SinglePayment: single },
        [creditor('AE1'), creditor('AE2')],
        'Initiation.Creditor must name exactly 1 creditor for a SingleInstantPayment, not 2',
      ],
      [
        'a single instant payment without a creditor',
        { SinglePayment: single },
        undefined,
        'Initiation.Creditor must name exactly 1 creditor for a SingleInstantPayment, not 0',
      ],
      [
        'a variable on-demand schedule without a creditor (open beneficiary)',
        { MultiPayment: variableOnDemand('2026-11-21') },
        undefined,
        undefined,
      ],
      [
        'a variable on-demand schedule with ten creditors',
        { MultiPayment: variableOnDemand('2026-11-21') },
        Array.from({ length: 10 }, (_, i) => creditor(`AE${i}`)),
        undefined,
      ],
      [
        'a variable on-demand schedule with eleven creditors',
        { MultiPayment: variableOnDemand('2026-11-21') },
        Array.from({ length: 11 }, (_, i) => creditor(`AE${i}`)),
        'Initiation.Creditor must name at most 10 creditors for a VariableOnDemand, not 11',
      ],
    ])('%s', async (_label, consentSchedule, creditors, message) => {
      const consent = schedule(consentSchedule, { PersonalIdentifiableInformation: piiWith(creditors) });
      expect(problemOf(await reader.readAuthorizationDetails(consent))?.message).toBe(message);
    });
  });
});
