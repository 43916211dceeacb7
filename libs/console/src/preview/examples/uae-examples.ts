import {
  uaeDataSharingItem,
  uaeDomesticPii,
  uaeSingleInstantPaymentItem,
  uaeVariableMultiPaymentItem,
  type JsonRecord,
} from '@app/testing';
import type { ConsentExample } from './consent-example.js';

const CLIENT_ID = 'uae-journey-tpp';
const PII_NOTE =
  'PersonalIdentifiableInformation is shown decrypted: the console encrypts it for the demo bank key before sending. The service decrypts it only with UAE_PII_DECRYPTION_KEY set to that key (uaeJourneyPiiDecryptionKey()); otherwise it answers JWE.DecryptionError.';

/** A payment item with its PII shown as the TPP wrote it, before encryption. */
function withPlainPii(item: JsonRecord): JsonRecord {
  const consent = item['consent'] as JsonRecord;
  return { ...item, consent: { ...consent, PersonalIdentifiableInformation: uaeDomesticPii() } };
}

/** The consent types of the `uae` specification (UAE Open Finance v2.1, through PAR and rich authorization requests). */
export function uaeExamples(now: number): ConsentExample[] {
  const pushed = (id: string, title: string, body: JsonRecord, payment: boolean): ConsentExample => ({
    id,
    title,
    flow: 'pushed-authorization',
    clientId: CLIENT_ID,
    resourcePath: payment ? 'payment-consents' : 'account-access-consents',
    scope: payment ? 'payments openid' : 'accounts openid',
    headers: {},
    body,
    ...(payment ? { preparation: 'uae-pii' as const, note: PII_NOTE } : {}),
  });
  return [
    pushed('data-sharing', 'Bank data sharing', uaeDataSharingItem(undefined, undefined, now), false),
    pushed(
      'single-instant-payment',
      'Single instant payment',
      withPlainPii(uaeSingleInstantPaymentItem(undefined, '100.00', now, '')),
      true,
    ),
    pushed(
      'variable-multi-payment',
      'Variable on-demand payments',
      withPlainPii(uaeVariableMultiPaymentItem(undefined, now)),
      true,
    ),
  ];
}
