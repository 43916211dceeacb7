import { Inject, Injectable } from '@nestjs/common';
import { FlattenedSign, importJWK, type CryptoKey, type KeyObject } from 'jose';
import { UK_SPEC_CLOCK, UK_SPEC_OPTIONS } from '../../uk-spec.tokens.js';
import type { UkSpecOptions } from '../../uk-spec.options.js';
import { epochSeconds, type Clock } from '@app/contract';
import type { UkConsentKind } from '../../shared/uk-consent-kind.js';
import { OB_IAT, OB_ISS, OB_TAN, REQUIRED_CRIT } from './signature-header.js';

/**
 * Signs the 201/200 bodies of signed endpoints (§A.8: payment and VRP consents) with the bank's key, as a detached
 * JWS in the `x-jws-signature` response header. Without a configured key no header is added. The identity server
 * writes `modifiedResponse` as compact JSON, which is what is signed.
 */
@Injectable()
export class ResponseSigner {
  private key?: Promise<CryptoKey | KeyObject | Uint8Array>;

  constructor(
    @Inject(UK_SPEC_OPTIONS) private readonly options: UkSpecOptions,
    @Inject(UK_SPEC_CLOCK) private readonly clock: Clock,
  ) {}

  async signatureHeaders(kind: UkConsentKind, body: unknown): Promise<Record<string, string>> {
    const signing = this.options.responseSigning;
    if (signing === undefined || !kind.signed) {
      return {};
    }
    this.key ??= importJWK(signing.key, 'PS256');
    const signed = await new FlattenedSign(new TextEncoder().encode(JSON.stringify(body)))
      .setProtectedHeader({
        alg: 'PS256',
        kid: signing.key.kid,
        typ: 'JOSE',
        cty: 'application/json',
        [OB_IAT]: epochSeconds(this.clock.now()),
        [OB_ISS]: signing.issuer,
        [OB_TAN]: this.options.trustAnchor,
        crit: [...REQUIRED_CRIT],
      })
      .sign(await this.key, { crit: Object.fromEntries(REQUIRED_CRIT.map((claim) => [claim, true])) });
    return { 'x-jws-signature': `${signed.protected}..${signed.signature}` };
  }
}
