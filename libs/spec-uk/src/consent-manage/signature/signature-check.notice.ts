import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { UK_SPEC_OPTIONS } from '../../uk-spec.tokens.js';
import type { UkSpecOptions } from '../../uk-spec.options.js';

/**
 * With UK_SIGNATURE_VERIFICATION off (the default), payment and VRP consents are accepted without any check of the
 * TPP's `x-jws-signature` here: the identity server re-orders the TPP's JSON (org.json keeps keys in a HashMap), so the
 * signed bytes never reach this service and only the gateway in front can verify them. The boot log says so, so that a
 * deployment without such a gateway is noticed.
 */
@Injectable()
export class SignatureCheckNotice implements OnModuleInit {
  private readonly logger = new Logger('UkSpec');

  constructor(@Inject(UK_SPEC_OPTIONS) private readonly options: UkSpecOptions) {}

  onModuleInit(): void {
    if (!this.options.verifySignatures) {
      this.logger.warn(
        "UK_SIGNATURE_VERIFICATION is off: payment and VRP consents are accepted without checking x-jws-signature here. The gateway in front of the identity server must verify it over the TPP's raw body; set UK_SIGNATURE_VERIFICATION=on only where the raw body reaches this service.",
      );
    }
  }
}
