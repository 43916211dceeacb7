import type { RunningTestServer } from '../support/test-server.js';
import { createConsent, firstUkError } from './support/uk-calls.js';
import { ukDomesticPaymentConsentBody } from '@app/testing';
import { startUkTestServer, ukSimulator } from './support/uk-test-server.js';

/*
 * Issue 9: the identity server forwards the TPP's body re-serialised from a HashMap (org.json), so the bytes a TPP
 * signed never reach the service. UK_SIGNATURE_VERIFICATION is therefore off by default (the gateway in front verifies
 * x-jws-signature over the raw bytes); `on` is for deployments where the raw body reaches the service.
 */
describe('UK signature verification (UK_SIGNATURE_VERIFICATION)', () => {
  describe('off, the default, behind the identity server as it really sends bodies', () => {
    let server: RunningTestServer;
    beforeAll(async () => {
      server = await startUkTestServer({ UK_SIGNATURE_VERIFICATION: undefined });
    });
    afterAll(async () => {
      await server.close();
    });

    it('accepts a signed payment consent whose keys arrive re-ordered, and one without x-jws-signature', async () => {
      const simulator = ukSimulator(server, 'java-hash-map');
      for (const signature of [undefined, null]) {
        const accepted = await createConsent(simulator, 'domestic-payment-consents', ukDomesticPaymentConsentBody(), {
          signature,
        });
        expect(accepted).toMatchObject({
          httpStatus: 200,
          status: 'SUCCESS',
          contractViolations: [],
          data: { consentResource: { type: 'domestic-payments' } },
        });
      }
    });

    it('still requires x-idempotency-key (400 UK.OBIE.Header.Missing)', async () => {
      const refused = await createConsent(
        ukSimulator(server, 'java-hash-map'),
        'domestic-payment-consents',
        ukDomesticPaymentConsentBody(),
        { signature: null, idempotencyKey: null },
      );
      expect(refused).toMatchObject({ httpStatus: 200, status: 'ERROR', errorCode: 400, contractViolations: [] });
      expect(firstUkError(refused)).toEqual({
        ErrorCode: 'UK.OBIE.Header.Missing',
        Message: expect.any(String),
        Path: 'x-idempotency-key',
      });
    });
  });

  describe('on', () => {
    let server: RunningTestServer;
    beforeAll(async () => {
      server = await startUkTestServer({ UK_SIGNATURE_VERIFICATION: 'on' });
    });
    afterAll(async () => {
      await server.close();
    });

    it('accepts the signature when the raw key order reaches the service', async () => {
      const accepted = await createConsent(
        ukSimulator(server, 'as-given'),
        'domestic-payment-consents',
        ukDomesticPaymentConsentBody(),
      );
      expect(accepted).toMatchObject({ httpStatus: 200, status: 'SUCCESS', contractViolations: [] });
    });

    it('refuses a valid signature once the identity server re-ordered the keys: why on needs the raw body (400 UK.OBIE.Signature.Invalid)', async () => {
      const refused = await createConsent(
        ukSimulator(server, 'java-hash-map'),
        'domestic-payment-consents',
        ukDomesticPaymentConsentBody(),
      );
      expect(refused).toMatchObject({ httpStatus: 200, status: 'ERROR', errorCode: 400, contractViolations: [] });
      expect(firstUkError(refused)).toEqual({
        ErrorCode: 'UK.OBIE.Signature.Invalid',
        Message: expect.any(String),
        Path: 'x-jws-signature',
      });
    });
  });
});
