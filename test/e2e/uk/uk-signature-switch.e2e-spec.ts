import type { RunningTestServer } from '../support/test-server.js';
import { createConsent } from './support/uk-calls.js';
import { ukDomesticPaymentConsentBody } from '@app/testing';
import { startUkTestServer, ukSimulator } from './support/uk-test-server.js';

/* UK_SIGNATURE_VERIFICATION=off: for a gateway that verifies x-jws-signature itself (see the module's README). */
describe('UK signature verification switched off', () => {
  let server: RunningTestServer;
  beforeAll(async () => {
    server = await startUkTestServer({ UK_SIGNATURE_VERIFICATION: 'off' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('accepts a payment consent without x-jws-signature, and still requires x-idempotency-key', async () => {
    const simulator = ukSimulator(server);
    const accepted = await createConsent(simulator, 'domestic-payment-consents', ukDomesticPaymentConsentBody(), { signature: null });
    expect(accepted).toMatchObject({ status: 'SUCCESS', contractViolations: [], data: { consentResource: { type: 'domestic-payments' } } });
    const refused = await createConsent(simulator, 'domestic-payment-consents', ukDomesticPaymentConsentBody(), { signature: null, idempotencyKey: null });
    expect(refused).toMatchObject({ status: 'ERROR', errorCode: 400, data: { Errors: [{ ErrorCode: 'UK.OBIE.Header.Missing' }] } });
  });
});
