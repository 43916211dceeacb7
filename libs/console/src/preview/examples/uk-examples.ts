import {
  ukAccountAccessConsentBody,
  ukDomesticPaymentConsentBody,
  ukFundsConfirmationConsentBody,
  ukVrpConsentBody,
  type JsonRecord,
} from '@app/testing';
import type { ConsentExample } from './consent-example.js';

const CLIENT_ID = 'uk-journey-tpp';
const DAY_MS = 86_400_000;
const SIGNED_NOTE =
  'Signed as the demo TPP (x-jws-signature). With UK_SIGNATURE_VERIFICATION=on the service accepts it only when UK_JWS_TRUST_FILE trusts that key (ukJourneyTrustFile()); behind the identity server the gateway verifies the signature instead.';

function ukDateTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}+00:00`;
}

function domesticInitiation(): JsonRecord {
  const data = ukDomesticPaymentConsentBody()['Data'] as JsonRecord;
  return data['Initiation'] as JsonRecord;
}

function scheduledBody(now: number): JsonRecord {
  return {
    Data: {
      Permission: 'Create',
      Initiation: { ...domesticInitiation(), RequestedExecutionDateTime: ukDateTime(now + 3 * DAY_MS) },
    },
    Risk: {},
  };
}

function standingOrderBody(now: number): JsonRecord {
  return {
    Data: {
      Permission: 'Create',
      Initiation: {
        Frequency: 'EvryWorkgDay',
        FirstPaymentDateTime: ukDateTime(now + 2 * DAY_MS),
        FinalPaymentDateTime: ukDateTime(now + 40 * DAY_MS),
        FirstPaymentAmount: { Amount: '10.00', Currency: 'GBP' },
        RecurringPaymentAmount: { Amount: '12.50', Currency: 'GBP' },
        CreditorAccount: domesticInitiation()['CreditorAccount'],
      },
    },
    Risk: {},
  };
}

function internationalBody(): JsonRecord {
  const domestic = domesticInitiation();
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

function payment(id: string, title: string, resourcePath: string, body: JsonRecord): ConsentExample {
  return {
    id,
    title,
    flow: 'tpp-initiated',
    clientId: CLIENT_ID,
    resourcePath,
    scope: 'openid payments',
    headers: {},
    body,
    preparation: 'uk-detached-jws',
    note: SIGNED_NOTE,
  };
}

/** The consent types of the `uk` specification (UK Open Banking Read/Write API v3.1.11). */
export function ukExamples(now: number): ConsentExample[] {
  return [
    {
      id: 'account-access',
      title: 'Account access',
      flow: 'tpp-initiated',
      clientId: CLIENT_ID,
      resourcePath: 'account-access-consents',
      scope: 'openid accounts',
      headers: {},
      body: ukAccountAccessConsentBody(now),
    },
    payment('domestic-payment', 'Domestic payment', 'domestic-payment-consents', ukDomesticPaymentConsentBody()),
    payment(
      'domestic-scheduled-payment',
      'Scheduled domestic payment',
      'domestic-scheduled-payment-consents',
      scheduledBody(now),
    ),
    payment(
      'domestic-standing-order',
      'Domestic standing order',
      'domestic-standing-order-consents',
      standingOrderBody(now),
    ),
    payment('international-payment', 'International payment', 'international-payment-consents', internationalBody()),
    {
      id: 'funds-confirmation',
      title: 'Confirmation of funds',
      flow: 'tpp-initiated',
      clientId: CLIENT_ID,
      resourcePath: 'funds-confirmation-consents',
      scope: 'openid fundsconfirmations',
      headers: {},
      body: ukFundsConfirmationConsentBody(now),
    },
    payment('domestic-vrp', 'Variable recurring payments (sweeping)', 'domestic-vrp-consents', ukVrpConsentBody(now)),
  ];
}
