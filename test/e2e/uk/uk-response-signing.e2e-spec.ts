import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, flattenedVerify, generateKeyPair, type CryptoKey } from 'jose';
import type { IdentityServerSimulator } from '@app/testing';
import type { RunningTestServer } from '../support/test-server.js';
import { callPoint } from './support/uk-calls.js';
import { authorisedConsent, storedConsent } from './support/uk-consent-setup.js';
import {
  UK_CURRENT_ACCOUNT,
  UK_JOURNEY_CLIENT_ID,
  ukAccountAccessConsentBody,
  ukDomesticPaymentConsentBody,
  type JsonRecord,
} from '@app/testing';
import { startUkTestServer, ukSimulator } from './support/uk-test-server.js';

/* §A.8: the bank signs the 201/200 bodies of signed endpoints (payment consents) with a detached JWS. */

const OB_CRIT = {
  'http://openbanking.org.uk/iat': true,
  'http://openbanking.org.uk/iss': true,
  'http://openbanking.org.uk/tan': true,
};

describe('UK response signing', () => {
  let server: RunningTestServer;
  let simulator: IdentityServerSimulator;
  let publicKey: CryptoKey;
  beforeAll(async () => {
    const pair = await generateKeyPair('PS256', { extractable: true });
    publicKey = pair.publicKey;
    const keyFile = join(mkdtempSync(join(tmpdir(), 'uk-bank-key-')), 'bank-signing.jwk.json');
    writeFileSync(keyFile, JSON.stringify({ ...(await exportJWK(pair.privateKey)), kid: 'bank-key-1' }));
    server = await startUkTestServer({
      UK_RESPONSE_SIGNING_KEY_FILE: keyFile,
      UK_RESPONSE_SIGNING_ISS: '0015800001041RHAAY',
    });
    simulator = ukSimulator(server);
  });
  afterAll(async () => {
    await server.close();
  });

  const enrich = (consentId: string, path: string) =>
    callPoint(simulator, 'enrich-consent-creation-response', {
      consentId,
      consentResourcePath: path,
      consentResource: simulator.store.detailedView(consentId),
    });

  /** Verifies the detached x-jws-signature of an answer's modifiedResponse with the bank's public key. */
  const expectSignedBody = async (data: JsonRecord): Promise<void> => {
    const signature = (data['responseHeaders'] as Record<string, string>)['x-jws-signature'];
    const [protectedHeader, payload, detachedSignature] = signature.split('.');
    expect(payload).toBe('');
    const verified = await flattenedVerify(
      {
        protected: protectedHeader,
        payload: Buffer.from(JSON.stringify(data['modifiedResponse'])).toString('base64url'),
        signature: detachedSignature,
      },
      publicKey,
      { algorithms: ['PS256'], crit: OB_CRIT },
    );
    expect(verified.protectedHeader).toMatchObject({
      alg: 'PS256',
      kid: 'bank-key-1',
      'http://openbanking.org.uk/iss': '0015800001041RHAAY',
      'http://openbanking.org.uk/tan': 'openbanking.org.uk',
    });
  };

  it('signs the body of a payment consent with the OB claims', async () => {
    const consentId = await storedConsent(simulator, 'domestic-payment-consents', ukDomesticPaymentConsentBody());
    const call = await enrich(consentId, 'domestic-payment-consents');
    expect(call.contractViolations).toEqual([]);
    await expectSignedBody(call.data);
  });

  it('signs the funds confirmation of a payment consent (a signed response)', async () => {
    const consentId = await authorisedConsent(
      simulator,
      'domestic-payment-consents',
      ukDomesticPaymentConsentBody(),
      'openid payments',
      UK_CURRENT_ACCOUNT,
    );
    const call = await callPoint(simulator, 'pre-process-consent-retrieval', {
      consentId,
      consentResourcePath: `domestic-payment-consents/${consentId}/funds-confirmation`,
      requestHeaders: { 'x-wso2-client-id': UK_JOURNEY_CLIENT_ID },
      consentResource: simulator.store.basicView(consentId, { withAttributes: true }),
    });
    expect(call).toMatchObject({
      status: 'SUCCESS',
      contractViolations: [],
      data: { modifiedResponse: { Data: { FundsAvailableResult: { FundsAvailable: true } } } },
    });
    await expectSignedBody(call.data);
  });

  it('does not sign the bodies of unsigned endpoints', async () => {
    const consentId = await storedConsent(simulator, 'account-access-consents', ukAccountAccessConsentBody());
    expect((await enrich(consentId, 'account-access-consents')).data['responseHeaders']).toEqual({});
  });
});
