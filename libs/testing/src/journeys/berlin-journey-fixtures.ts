import { randomUUID } from 'node:crypto';
import type { JsonRecord } from '../simulator/json-values.js';

/* The TPP, the customers, the accounts and the request bodies of the `berlin` journey (Berlin Group NextGenPSD2 1.3.x). */

export const BERLIN_CLIENT_ID = 'berlin-journey-tpp';
export const BERLIN_USER = 'psu@wso2.com';
/** The other holder of the demo business account: the second approver of multilevel SCA. */
export const BERLIN_SECOND_APPROVER = 'sme@example.com';

/** Demo accounts of `psu@wso2.com`, by IBAN (what a Berlin TPP names) and by the bank's account id (what paths carry). */
export const EURO_ACCOUNT = { iban: 'DE89370400440532013000', accountId: 'DE89370400440532013000' } as const;
export const SALARY_ACCOUNT = { iban: 'GB38LOYD30080012343456', accountId: '30080012343456' } as const;
export const BUSINESS_ACCOUNT = { iban: 'GB60BARC20000055779911', accountId: '20000055779911' } as const;
/** An IBAN with a valid checksum that no demo customer holds. */
export const FOREIGN_IBAN = 'FR7630006000011234567890189';

export const BERLIN_API = '/v1';
export const PSU_IP_ADDRESS = '192.168.8.78';

/** The headers of a consent or payment initiation that an integrator adds to `manage_extension.allowed_headers`. */
export function berlinInitiationHeaders(): Record<string, string> {
  return {
    'X-Request-ID': randomUUID(),
    'PSU-IP-Address': PSU_IP_ADDRESS,
    'TPP-Redirect-Preferred': 'true',
    'TPP-Redirect-URI': 'https://tpp.example.com/cb?state=ok',
  };
}

/** The headers of an account-data call; with `PSU-IP-Address` only when the customer is present. */
export function berlinDataCallHeaders(consentId: string, customerPresent: boolean): Record<string, string> {
  return {
    'X-Request-ID': randomUUID(),
    'Consent-ID': consentId,
    ...(customerPresent ? { 'PSU-IP-Address': PSU_IP_ADDRESS } : {}),
  };
}

export function berlinIsoDate(offsetDays: number, now: number = Date.now()): string {
  return new Date(now + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

export function berlinConsentBody(access: JsonRecord, overrides: JsonRecord = {}): JsonRecord {
  return {
    access,
    recurringIndicator: true,
    validUntil: '9999-12-31',
    frequencyPerDay: 4,
    combinedServiceIndicator: false,
    ...overrides,
  };
}

export function berlinSepaPaymentBody(debtorIban: string, overrides: JsonRecord = {}): JsonRecord {
  return {
    debtorAccount: { iban: debtorIban },
    instructedAmount: { currency: 'EUR', amount: '123.50' },
    creditorAccount: { iban: FOREIGN_IBAN },
    creditorName: 'Merchant123',
    remittanceInformationUnstructured: 'Ref Number Merchant',
    ...overrides,
  };
}

export function berlinPeriodicPaymentBody(debtorIban: string): JsonRecord {
  return berlinSepaPaymentBody(debtorIban, {
    startDate: berlinIsoDate(1),
    frequency: 'Monthly',
    executionRule: 'following',
    dayOfExecution: '1',
  });
}
