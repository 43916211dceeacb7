import { Inject, Injectable } from '@nestjs/common';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  flattenedVerify,
  type CryptoKey,
  type FlattenedJWSInput,
  type JWSHeaderParameters,
  type KeyObject,
} from 'jose';
import type { JsonObject, Clock } from '@app/contract';
import { UK_SPEC_CLOCK, UK_SPEC_OPTIONS } from '../../uk-spec.tokens.js';
import type { UkSpecOptions } from '../../uk-spec.options.js';
import { UkErrorCode, ukRejection, type UkRejection } from '../../shared/uk-error.js';
import { headerRejection, parseDetachedSignature, REQUIRED_CRIT } from './signature-header.js';

type KeyResolver = (header: JWSHeaderParameters, token: FlattenedJWSInput) => Promise<CryptoKey | KeyObject>;

const HEADER = 'x-jws-signature';

/**
 * Verifies the `x-jws-signature` of a payment consent (§A.8): a detached PS256 JWS over the request body, with the OB
 * `crit` claims, signed by a key of the TPP (its JWKS URL or the local trust file). The identity server forwards the
 * body as a parsed JSON object, not as bytes, so the signed content is taken to be its compact serialisation; see
 * README.md for when this check may be switched off instead.
 */
@Injectable()
export class JwsSignatureVerifier {
  private readonly resolvers = new Map<string, KeyResolver[]>();

  constructor(
    @Inject(UK_SPEC_OPTIONS) private readonly options: UkSpecOptions,
    @Inject(UK_SPEC_CLOCK) private readonly clock: Clock,
  ) {
    const clients = new Set([...Object.keys(options.trustedKeys), ...Object.keys(options.jwksUrls)]);
    for (const clientId of clients) {
      const local = options.trustedKeys[clientId];
      const remote = options.jwksUrls[clientId];
      this.resolvers.set(clientId, [
        ...(local === undefined ? [] : [createLocalJWKSet(local)]),
        ...(remote === undefined
          ? []
          : [createRemoteJWKSet(new URL(remote), { timeoutDuration: 2000, cooldownDuration: 30_000 })]),
      ]);
    }
  }

  /** Undefined when the signature holds over the compact JSON of the body; otherwise the UK error to answer. */
  verify(
    signatureHeader: string | undefined,
    body: JsonObject,
    clientId: string | undefined,
  ): Promise<UkRejection | undefined> {
    return this.verifyContent(signatureHeader, JSON.stringify(body), clientId);
  }

  /**
   * Undefined when the signature holds over `content`, the signed text itself (a payment file, which the identity
   * server forwards as the text it received); otherwise the UK error to answer.
   */
  async verifyContent(
    signatureHeader: string | undefined,
    content: string,
    clientId: string | undefined,
  ): Promise<UkRejection | undefined> {
    if (signatureHeader === undefined || signatureHeader.trim() === '') {
      return ukRejection(400, UkErrorCode.SignatureMissing, `${HEADER} is required on this endpoint`, HEADER);
    }
    const parsed = parseDetachedSignature(signatureHeader);
    if ('code' in parsed) {
      return parsed;
    }
    const headerProblem = headerRejection(parsed.header, {
      nowMillis: this.clock.now(),
      trustAnchor: this.options.trustAnchor,
    });
    if (headerProblem !== undefined) {
      return headerProblem;
    }
    const key = await this.signingKey(clientId, parsed.header, parsed.protectedHeader);
    if ('code' in key) {
      return key;
    }
    try {
      await flattenedVerify(
        {
          protected: parsed.protectedHeader,
          payload: Buffer.from(content, 'utf8').toString('base64url'),
          signature: parsed.signature,
        },
        key.key,
        { algorithms: ['PS256'], crit: Object.fromEntries(REQUIRED_CRIT.map((claim) => [claim, true])) },
      );
      return undefined;
    } catch (error) {
      if (error instanceof errors.JOSEError) {
        return ukRejection(
          400,
          UkErrorCode.SignatureInvalid,
          `${HEADER} does not verify against the request body`,
          HEADER,
        );
      }
      throw error;
    }
  }

  /** The key named by `kid` among the TPP's trusted keys; an unknown kid is Signature.InvalidClaim. */
  private async signingKey(
    clientId: string | undefined,
    header: JWSHeaderParameters,
    protectedHeader: string,
  ): Promise<{ key: CryptoKey | KeyObject } | UkRejection> {
    const unknownKid = ukRejection(
      400,
      UkErrorCode.SignatureInvalidClaim,
      `kid "${String(header.kid)}" is not a signing key of this TPP`,
      'kid',
    );
    const resolvers = clientId === undefined ? undefined : this.resolvers.get(clientId);
    for (const resolve of resolvers ?? []) {
      try {
        return { key: await resolve(header, { protected: protectedHeader, payload: '', signature: '' }) };
      } catch (error) {
        if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
          continue;
        }
        // The TPP's JWKS could not be fetched or read: the key cannot be resolved at the trust anchor.
        const reason = error instanceof Error ? error.message : String(error);
        return ukRejection(
          400,
          UkErrorCode.SignatureInvalidClaim,
          `The signing keys of this TPP cannot be read: ${reason}`,
          'kid',
        );
      }
    }
    return unknownKid;
  }
}
