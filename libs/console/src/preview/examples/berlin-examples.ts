import {
  berlinConsentBody,
  berlinInitiationHeaders,
  berlinIsoDate,
  berlinPeriodicPaymentBody,
  berlinSepaPaymentBody,
  EURO_ACCOUNT,
  type JsonRecord,
} from '@app/testing';
import type { ConsentExample } from './consent-example.js';

const CLIENT_ID = 'berlin-journey-tpp';

function example(id: string, title: string, resourcePath: string, scope: string, body: JsonRecord): ConsentExample {
  return {
    id,
    title,
    flow: 'tpp-initiated',
    clientId: CLIENT_ID,
    resourcePath,
    scope,
    headers: berlinInitiationHeaders(),
    body,
  };
}

/** The consent and payment types of the `berlin` specification (NextGenPSD2 XS2A 1.3.x). */
export function berlinExamples(now: number): ConsentExample[] {
  // In a bulk payment the debtor account is named once, for all its payments.
  const bulkPayment = berlinSepaPaymentBody(EURO_ACCOUNT.iban);
  delete bulkPayment['debtorAccount'];
  return [
    example(
      'ais-dedicated',
      'AIS consent on named accounts',
      'consents',
      'openid accounts',
      berlinConsentBody({ balances: [{ iban: EURO_ACCOUNT.iban }], transactions: [{ iban: EURO_ACCOUNT.iban }] }),
    ),
    example(
      'ais-bank-offered',
      'AIS consent, accounts chosen at the bank (bank-offered)',
      'consents',
      'openid accounts',
      berlinConsentBody(
        { accounts: [], balances: [] },
        { recurringIndicator: false, frequencyPerDay: 1, validUntil: berlinIsoDate(30, now) },
      ),
    ),
    example(
      'ais-global',
      'AIS consent on all accounts (allPsd2)',
      'consents',
      'openid accounts',
      berlinConsentBody({ allPsd2: 'allAccounts' }),
    ),
    example(
      'ais-available-accounts',
      'AIS consent on the list of accounts',
      'consents',
      'openid accounts',
      berlinConsentBody({ availableAccounts: 'allAccounts' }),
    ),
    example(
      'pis-single',
      'Single SEPA credit transfer',
      'payments/sepa-credit-transfers',
      'openid payments',
      berlinSepaPaymentBody(EURO_ACCOUNT.iban),
    ),
    example(
      'pis-periodic',
      'Periodic SEPA payment (standing order)',
      'periodic-payments/sepa-credit-transfers',
      'openid payments',
      berlinPeriodicPaymentBody(EURO_ACCOUNT.iban),
    ),
    example('pis-bulk', 'Bulk SEPA payment', 'bulk-payments/sepa-credit-transfers', 'openid payments', {
      debtorAccount: { iban: EURO_ACCOUNT.iban },
      payments: [bulkPayment],
    }),
    example(
      'piis-funds-confirmation',
      'Confirmation of funds (PIIS)',
      'consents/confirmation-of-funds',
      'openid fundsconfirmations',
      { account: { iban: EURO_ACCOUNT.iban } },
    ),
  ];
}
