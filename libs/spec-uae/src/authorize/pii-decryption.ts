import type { KeyObject } from 'node:crypto';
import { compactDecrypt, decodeJwt } from 'jose';
import type { JsonObject } from '@app/contract';
import { isJsonObject } from '../shared/json.js';

export type PiiDecryption =
  { readonly ok: true; readonly pii: JsonObject } | { readonly ok: false; readonly reason: string };

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * Asymmetric key management only: a TPP encrypts for the bank's public key. Refusing the others up front also refuses
 * `PBES2` (whose iteration count a hostile header chooses) and `dir`.
 */
const KEY_MANAGEMENT_ALGORITHMS = ['RSA-OAEP-256', 'RSA-OAEP', 'ECDH-ES', 'ECDH-ES+A128KW', 'ECDH-ES+A256KW'];
const CONTENT_ENCRYPTION_ALGORITHMS = ['A256GCM', 'A128GCM', 'A128CBC-HS256', 'A256CBC-HS512'];

/**
 * Opens the TPP's JWE PersonalIdentifiableInformation with the bank's key. The TPP signs the PII then encrypts it,
 * so the plaintext is either a compact JWS (its payload is read; the TPP's signing key is not known here) or JSON.
 */
export async function decryptPii(jwe: string, key: KeyObject | undefined): Promise<PiiDecryption> {
  if (key === undefined) {
    return { ok: false, reason: 'the bank has no key configured to decrypt PersonalIdentifiableInformation' };
  }
  let plaintext: string;
  try {
    plaintext = new TextDecoder()
      .decode(
        (
          await compactDecrypt(jwe, key, {
            keyManagementAlgorithms: KEY_MANAGEMENT_ALGORITHMS,
            contentEncryptionAlgorithms: CONTENT_ENCRYPTION_ALGORITHMS,
          })
        ).plaintext,
      )
      .trim();
  } catch (error) {
    return { ok: false, reason: `PersonalIdentifiableInformation cannot be decrypted (${(error as Error).message})` };
  }
  try {
    const parsed: unknown = COMPACT_JWS.test(plaintext) ? decodeJwt(plaintext) : JSON.parse(plaintext);
    return isJsonObject(parsed)
      ? { ok: true, pii: parsed }
      : { ok: false, reason: 'the decrypted PersonalIdentifiableInformation is not a JSON object' };
  } catch {
    return { ok: false, reason: 'the decrypted PersonalIdentifiableInformation is neither a JWS nor JSON' };
  }
}
