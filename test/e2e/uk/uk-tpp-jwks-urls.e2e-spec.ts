import { randomUUID } from 'node:crypto';
import { exportJWK, FlattenedSign, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { IdentityServerClient, ukDomesticPaymentConsentBody, type JsonRecord } from '@app/testing';
import { AppModule } from '../../../apps/extension-server/src/app.module.js';
import { callChecked, type CheckedAnswer } from '../support/checked-point-call.js';
import {
  sendJson,
  startLocalHttpServer,
  unreachableOrigin,
  type LocalHttpServer,
} from '../support/local-http-server.js';
import { TEST_PASSWORD, TEST_USER, startTestServer, type RunningTestServer } from '../support/test-server.js';

/*
 * UK_TPP_JWKS_URLS: the service fetches each TPP's JWKS over HTTP (as from its Open Banking Directory keystore) and
 * verifies the x-jws-signature of payment consents against it (UK_SIGNATURE_VERIFICATION=on, the deployment where the
 * TPP's raw body reaches the service). Here the JWKS is served by a local HTTP server, the service is started as
 * main.ts starts it (AppModule, EXTENSION_SPECS=uk,default), and the TPP signs with the real `jose`.
 */

/** A TPP whose JWKS the local keystore serves, one whose keystore answers 500, and one whose keystore is down. */
const TPP = 'fresco-tpp';
const TPP_WITH_BROKEN_KEYSTORE = 'broken-keystore-tpp';
const TPP_WITH_UNREACHABLE_KEYSTORE = 'offline-keystore-tpp';
const KID = 'fresco-signing-2026';
const JWKS_PATH = '/0015800001HQQrZAAX/oQ4KoaavpOuoE7rvQsZEOV.jwks';
const BROKEN_JWKS_PATH = '/0015800001HQQrZAAX/broken.jwks';
const TRUST_ANCHOR = 'openbanking.org.uk';

interface SigningKey {
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

async function signingKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('PS256', { extractable: true });
  return { privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'PS256' } };
}

/** The TPP's x-jws-signature (§A.8): a detached PS256 JWS over the body's bytes, with the OB critical claims. */
async function signDetached(body: JsonRecord, key: CryptoKey, kid: string, clientId: string): Promise<string> {
  const header = {
    alg: 'PS256',
    kid,
    typ: 'JOSE',
    cty: 'application/json',
    'http://openbanking.org.uk/iat': Math.floor(Date.now() / 1000) - 5,
    'http://openbanking.org.uk/iss': `0015800001HQQrZAAX/${clientId}`,
    'http://openbanking.org.uk/tan': TRUST_ANCHOR,
    crit: ['http://openbanking.org.uk/iat', 'http://openbanking.org.uk/iss', 'http://openbanking.org.uk/tan'],
  };
  const signed = await new FlattenedSign(new TextEncoder().encode(JSON.stringify(body)))
    .setProtectedHeader(header)
    .sign(key, {
      crit: {
        'http://openbanking.org.uk/iat': true,
        'http://openbanking.org.uk/iss': true,
        'http://openbanking.org.uk/tan': true,
      },
    });
  return `${signed.protected}..${signed.signature}`;
}

describe('UK_TPP_JWKS_URLS: the TPP signing keys fetched over HTTP', () => {
  let tppKey: SigningKey;
  let keystore: LocalHttpServer;
  let server: RunningTestServer;
  let client: IdentityServerClient;

  beforeAll(async () => {
    tppKey = await signingKey(KID);
    keystore = await startLocalHttpServer((request, response) => {
      if (request.method === 'GET' && request.url === JWKS_PATH) {
        sendJson(response, 200, { keys: [tppKey.publicJwk] });
      } else if (request.url === BROKEN_JWKS_PATH) {
        sendJson(response, 500, { error: 'keystore unavailable' });
      } else {
        sendJson(response, 404, { error: 'not found' });
      }
    });
    const jwksUrls = [
      `${TPP}=${keystore.origin}${JWKS_PATH}`,
      `${TPP_WITH_BROKEN_KEYSTORE}=${keystore.origin}${BROKEN_JWKS_PATH}`,
      `${TPP_WITH_UNREACHABLE_KEYSTORE}=${await unreachableOrigin()}/offline.jwks`,
    ].join(',');
    const env = { EXTENSION_SPECS: 'uk,default', UK_SIGNATURE_VERIFICATION: 'on', UK_TPP_JWKS_URLS: jwksUrls };
    // AppModule as main.ts builds it, the specifications reading these settings only (not the shell's environment).
    server = await startTestServer({ env, rootModule: (config) => AppModule.forRoot(config, [], env) });
    // The raw key order reaches the service in this deployment, which is what makes `on` usable (README).
    client = new IdentityServerClient({
      baseUrl: server.baseUrl,
      spec: 'uk',
      credentials: { kind: 'basic', username: TEST_USER, password: TEST_PASSWORD },
      keyOrder: 'as-given',
    });
  });
  afterAll(async () => {
    await server.close();
    await keystore.close();
  });

  const createPaymentConsent = (clientId: string, body: JsonRecord, signature: string): Promise<CheckedAnswer> =>
    callChecked(client, 'pre-process-consent-creation', {
      consentInitiationData: body,
      consentResourcePath: 'domestic-payment-consents',
      requestHeaders: { 'x-wso2-client-id': clientId, 'x-idempotency-key': randomUUID(), 'x-jws-signature': signature },
    });

  /** The relayed UK error (OBErrorResponse1) of a refused consent creation, compared whole. */
  const expectSignatureRefusal = (answer: CheckedAnswer, error: JsonRecord): void => {
    expect(answer.contractViolations).toEqual([]);
    expect(answer.httpStatus).toBe(200);
    expect(answer.body).toEqual({
      responseId: answer.requestId,
      status: 'ERROR',
      errorCode: 400,
      data: { Code: '400 BadRequest', Id: answer.requestId, Message: 'Invalid request parameters.', Errors: [error] },
    });
  };

  it('accepts a payment consent signed by the key the TPP publishes in its JWKS, fetched from the keystore', async () => {
    const body = ukDomesticPaymentConsentBody();
    const answer = await createPaymentConsent(TPP, body, await signDetached(body, tppKey.privateKey, KID, TPP));
    expect(answer.contractViolations).toEqual([]);
    expect(answer.httpStatus).toBe(200);
    expect(answer.body).toMatchObject({
      responseId: answer.requestId,
      status: 'SUCCESS',
      data: { consentResource: { type: 'domestic-payments', status: 'AwaitingAuthorisation', receipt: body } },
    });
    expect(keystore.requests.filter((request) => request.url === JWKS_PATH).map((request) => request.method)).toContain(
      'GET',
    );
  });

  it('refuses a payment consent signed by another key under the same kid (400 UK.OBIE.Signature.Invalid)', async () => {
    const impostor = await signingKey(KID);
    const body = ukDomesticPaymentConsentBody();
    const answer = await createPaymentConsent(TPP, body, await signDetached(body, impostor.privateKey, KID, TPP));
    expectSignatureRefusal(answer, {
      ErrorCode: 'UK.OBIE.Signature.Invalid',
      Message: 'x-jws-signature does not verify against the request body',
      Path: 'x-jws-signature',
    });
  });

  it('refuses a payment consent signed by a key the JWKS does not hold (400 UK.OBIE.Signature.InvalidClaim on kid)', async () => {
    const other = await signingKey('not-published-kid');
    const body = ukDomesticPaymentConsentBody();
    const answer = await createPaymentConsent(
      TPP,
      body,
      await signDetached(body, other.privateKey, 'not-published-kid', TPP),
    );
    expectSignatureRefusal(answer, {
      ErrorCode: 'UK.OBIE.Signature.InvalidClaim',
      Message: 'kid "not-published-kid" is not a signing key of this TPP',
      Path: 'kid',
    });
  });

  it("refuses a body changed after signing, even with the TPP's own key (400 UK.OBIE.Signature.Invalid)", async () => {
    const body = ukDomesticPaymentConsentBody();
    const signature = await signDetached(body, tppKey.privateKey, KID, TPP);
    const changed = structuredClone(body);
    ((changed['Data'] as JsonRecord)['Initiation'] as JsonRecord)['InstructedAmount'] = {
      Amount: '9999.00',
      Currency: 'GBP',
    };
    const answer = await createPaymentConsent(TPP, changed, signature);
    expectSignatureRefusal(answer, {
      ErrorCode: 'UK.OBIE.Signature.Invalid',
      Message: 'x-jws-signature does not verify against the request body',
      Path: 'x-jws-signature',
    });
  });

  it('refuses the consent when the JWKS URL cannot be reached: the key cannot be resolved (400 UK.OBIE.Signature.InvalidClaim on kid)', async () => {
    const body = ukDomesticPaymentConsentBody();
    const answer = await createPaymentConsent(
      TPP_WITH_UNREACHABLE_KEYSTORE,
      body,
      await signDetached(body, tppKey.privateKey, KID, TPP_WITH_UNREACHABLE_KEYSTORE),
    );
    // fetch's TypeError comes from Node's own realm: under Jest the verifier's `instanceof Error` misses it and the
    // text gains the error's name, which the service in production (one realm) does not add.
    expectSignatureRefusal(answer, {
      ErrorCode: 'UK.OBIE.Signature.InvalidClaim',
      Message: expect.stringMatching(/^The signing keys of this TPP cannot be read: (TypeError: )?fetch failed$/),
      Path: 'kid',
    });
  });

  it('refuses the consent when the keystore answers an error instead of the JWKS (400 UK.OBIE.Signature.InvalidClaim on kid)', async () => {
    const body = ukDomesticPaymentConsentBody();
    const answer = await createPaymentConsent(
      TPP_WITH_BROKEN_KEYSTORE,
      body,
      await signDetached(body, tppKey.privateKey, KID, TPP_WITH_BROKEN_KEYSTORE),
    );
    expectSignatureRefusal(answer, {
      ErrorCode: 'UK.OBIE.Signature.InvalidClaim',
      Message: 'The signing keys of this TPP cannot be read: Expected 200 OK from the JSON Web Key Set HTTP response',
      Path: 'kid',
    });
    expect(
      keystore.requests.filter((request) => request.url === BROKEN_JWKS_PATH).map((request) => request.method),
    ).toEqual(['GET']);
  });

  it("does not use one TPP's published key for another TPP (400 UK.OBIE.Signature.InvalidClaim on kid)", async () => {
    const body = ukDomesticPaymentConsentBody();
    const answer = await createPaymentConsent(
      'unlisted-tpp',
      body,
      await signDetached(body, tppKey.privateKey, KID, 'unlisted-tpp'),
    );
    expectSignatureRefusal(answer, {
      ErrorCode: 'UK.OBIE.Signature.InvalidClaim',
      Message: `kid "${KID}" is not a signing key of this TPP`,
      Path: 'kid',
    });
  });
});
