import { randomUUID } from 'node:crypto';
import type { IdentityServerSimulator, JsonRecord } from '@app/testing';
import type { RunningTestServer } from '../support/test-server.js';
import {
  uaePaymentSubmission,
  uaeRequestObjectClaims,
  uaeSingleInstantPaymentItem,
  uaeVariableMultiPaymentItem,
} from '@app/testing';
import { at, callChecked, checkedBody, mutated, set } from './support/uae-calls.js';
import { uaeSimulator } from './support/uae-simulator.js';
import { CUSTOMER, storeUaeConsent } from './support/uae-stored-consents.js';
import { startUaeTestServer } from './support/uae-test-specs.js';

const SCHEDULE = 'consent.ControlParameters.ConsentSchedule';

/** A SinglePayment of 150.00 beside the variable on-demand MultiPayment of the fixtures (at most 100.00 a payment). */
function combinedItem(): JsonRecord {
  const single = at(uaeSingleInstantPaymentItem(undefined, '150.00'), `${SCHEDULE}.SinglePayment`);
  return mutated(uaeVariableMultiPaymentItem(), set(`${SCHEDULE}.SinglePayment`, single));
}

/*
 * The combined payment (one SinglePayment and one MultiPayment) of a bank that offers it with
 * UAE_ALLOW_COMBINED_PAYMENT_SCHEDULE=true; without the setting it is refused at PAR (uae-par-validation).
 */
describe('uae combined payment schedules, when the bank allows them', () => {
  let server: RunningTestServer;
  let simulator: IdentityServerSimulator;
  beforeAll(async () => {
    server = await startUaeTestServer({ UAE_ALLOW_COMBINED_PAYMENT_SCHEDULE: 'true' });
    simulator = uaeSimulator(server);
  });
  afterAll(async () => {
    await server.close();
  });

  it('accepts the combined consent at PAR and shows both schedules on the consent page', async () => {
    const claims = uaeRequestObjectClaims(combinedItem());
    expect(
      await callChecked(simulator.client, 'validate-authorization-request', { requestObject: claims }),
    ).toMatchObject({ httpStatus: 200, status: 'SUCCESS', data: {} });
    const screen = await callChecked(simulator.client, 'populate-consent-authorize-screen', {
      userId: CUSTOMER,
      requestParameters: claims,
      consentResource: {},
    });
    expect(at(screen.data, 'consentData.basicConsentData.Payment schedule')).toEqual(
      expect.arrayContaining(['One instant payment of AED 150.00', 'Each payment at most AED 100.00']),
    );
  });

  it('still applies the payment rules to both parts: the single payment must be in AED', async () => {
    const claims = uaeRequestObjectClaims(
      mutated(combinedItem(), set(`${SCHEDULE}.SinglePayment.Amount.Currency`, 'USD')),
    );
    const answer = await callChecked(simulator.client, 'validate-authorization-request', { requestObject: claims });
    expect(answer).toMatchObject({ status: 'ERROR', errorCode: 400, data: { errorMessage: 'invalid_request' } });
    expect(answer.data['errorDescription']).toMatch(
      /^Consent\.BusinessRuleViolation: A domestic payment must be in AED, not USD/,
    );
  });

  it('pays the single payment once (its exact amount), then counts every other payment against the multi-payment controls', async () => {
    const consent = storeUaeConsent(simulator, combinedItem(), { accountIds: ['AE070331234567890123456'] });
    const pay = async (amount: string) => {
      const answer = await simulator.validateAccess(consent.isConsentId, {
        electedResource: '/payments',
        resource: '/open-finance/v2.1/payments',
        httpMethod: 'POST',
        body: uaePaymentSubmission(consent.tppConsentId, amount),
        headers: { 'x-idempotency-key': randomUUID() },
      });
      return checkedBody(answer) as { status: string; errorCode?: number; data?: { errorMessage?: string } };
    };
    expect(await pay('150.00')).toMatchObject({ status: 'SUCCESS' });
    // The single payment is made: another 150.00 is a multi-payment, above its maximum individual amount.
    expect(await pay('150.00')).toMatchObject({
      status: 'ERROR',
      errorCode: 400,
      data: { errorMessage: 'Consent.FailsControlParameters' },
    });
    expect(await pay('40.00')).toMatchObject({ status: 'SUCCESS' });
    const retrieved = checkedBody(
      await simulator.retrieveConsent(consent.isConsentId, `payment-consents/${consent.isConsentId}`),
    );
    expect(at(retrieved, 'data.modifiedResponse.Data')).toMatchObject({
      Status: 'Authorized',
      PaymentConsumption: {
        CumulativeNumberOfPayments: 2,
        CumulativeValueOfPayments: { Amount: '190.00', Currency: 'AED' },
      },
    });
  });
});
