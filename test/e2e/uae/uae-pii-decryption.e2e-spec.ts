import { CompactEncrypt, CompactSign, exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import type { RunningTestServer } from '../support/test-server.js';
// The @app/testing barrel does not export the uae journey fixtures yet (the lead adds them with the journey).
import { uaeDomesticPii, uaeSingleInstantPaymentItem, uaeRequestObjectClaims } from '@app/testing';
import { at, callChecked } from './support/uae-calls.js';
import { uaeSimulator } from './support/uae-simulator.js';
import { CUSTOMER } from './support/uae-stored-consents.js';
import { startUaeTestServer } from './support/uae-test-specs.js';

/** The TPP signs the PII (PS256), then encrypts the JWS for the bank (spec-rules §C.3, AEJWEPaymentPII). */
async function encryptPii(pii: unknown, bankPublicKey: CryptoKey, tppSigningKey: CryptoKey): Promise<string> {
  const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(pii)))
    .setProtectedHeader({ alg: 'PS256' })
    .sign(tppSigningKey);
  return new CompactEncrypt(new TextEncoder().encode(jws))
    .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' })
    .encrypt(bankPublicKey);
}

describe('uae PersonalIdentifiableInformation decryption', () => {
  let server: RunningTestServer;
  let bank: { publicKey: CryptoKey; privateKey: CryptoKey };
  let tpp: { publicKey: CryptoKey; privateKey: CryptoKey };
  let stranger: { publicKey: CryptoKey; privateKey: CryptoKey };
  beforeAll(async () => {
    bank = await generateKeyPair('RSA-OAEP-256', { extractable: true });
    tpp = await generateKeyPair('PS256');
    stranger = await generateKeyPair('RSA-OAEP-256');
    const jwk = JSON.stringify(await exportJWK(bank.privateKey));
    server = await startUaeTestServer({ UAE_PII_DECRYPTION_KEY: jwk });
  });
  afterAll(async () => {
    await server.close();
  });

  const validate = (pii: unknown) =>
    callChecked(uaeSimulator(server).client, 'validate-authorization-request', {
      requestObject: uaeRequestObjectClaims(uaeSingleInstantPaymentItem(undefined, '100.00', Date.now(), pii)),
    });

  it('accepts a PII signed by the TPP and encrypted for the bank, and shows its payee', async () => {
    const jwe = await encryptPii(uaeDomesticPii(), bank.publicKey, tpp.privateKey);
    expect(await validate(jwe)).toMatchObject({ status: 'SUCCESS' });
    const screen = await callChecked(uaeSimulator(server).client, 'populate-consent-authorize-screen', {
      userId: CUSTOMER,
      requestParameters: uaeRequestObjectClaims(uaeSingleInstantPaymentItem(undefined, '100.00', Date.now(), jwe)),
      consentResource: {},
    });
    expect(at(screen.data, 'consentData.basicConsentData.Payee')).toEqual(['Dubai Utilities: AE460090000000123456789']);
  });

  it('accepts an encrypted PII that is plain JSON (not signed)', async () => {
    const jwe = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(uaeDomesticPii())))
      .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' })
      .encrypt(bank.publicKey);
    expect(await validate(jwe)).toMatchObject({ status: 'SUCCESS' });
  });

  it.each<[string, () => Promise<string>, RegExp]>([
    [
      'encrypted for another key',
      () => encryptPii(uaeDomesticPii(), stranger.publicKey, tpp.privateKey),
      /^JWE\.DecryptionError: PersonalIdentifiableInformation cannot be decrypted/,
    ],
    [
      'encrypted with a password (PBES2)',
      () =>
        new CompactEncrypt(new TextEncoder().encode('{}'))
          .setProtectedHeader({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', p2c: 10_000 })
          .encrypt(new TextEncoder().encode('secret')),
      /^JWE\.DecryptionError: PersonalIdentifiableInformation cannot be decrypted .*alg/,
    ],
    ['not a JWE at all', () => Promise.resolve('not-a-jwe'), /^JWE\.DecryptionError: /],
    [
      'a JWE of text that is not JSON',
      async () =>
        new CompactEncrypt(new TextEncoder().encode('hello'))
          .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' })
          .encrypt(bank.publicKey),
      /^JWE\.DecryptionError: the decrypted PersonalIdentifiableInformation is neither a JWS nor JSON/,
    ],
  ])('refuses a PII %s with JWE.DecryptionError', async (_label, make, description) => {
    const answer = await validate(await make());
    expect(answer).toMatchObject({ status: 'ERROR', errorCode: 400, data: { errorMessage: 'invalid_request' } });
    expect(answer.data.errorDescription).toMatch(description);
  });

  it('checks the decrypted PII against the official schema and the creditor rule', async () => {
    const noCreditor = await validate(await encryptPii({ Initiation: {}, Risk: {} }, bank.publicKey, tpp.privateKey));
    expect(noCreditor.data.errorDescription).toMatch(
      /^Consent\.BusinessRuleViolation: Initiation\.Creditor must name exactly 1 creditor for a SingleInstantPayment, not 0/,
    );
    const extra = { ...uaeDomesticPii(), Extra: 1 };
    const invalid = await validate(await encryptPii(extra, bank.publicKey, tpp.privateKey));
    expect(invalid.data.errorDescription).toMatch(/^Body\.InvalidFormat: .*Extra is not allowed here/);
  });
});
