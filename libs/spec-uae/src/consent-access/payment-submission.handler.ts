import { Inject, Injectable } from '@nestjs/common';
import { succeed, type DataRequestPayload, type JsonObject, type OutcomeOf, type Clock } from '@app/contract';
import { UaeOfficialSchemas } from '../schemas/uae-official-schemas.js';
import type { AaniPurposeCodes } from '../shared/aani-purpose-codes.js';
import { uaeDay } from '../shared/date-time.js';
import { paymentControlsOf } from '../shared/payment-controls.js';
import { UAE_AANI_PURPOSE_CODES, UAE_SPEC_CLOCK } from '../uae-spec.tokens.js';
import { accessFailure } from './access-failure.js';
import { PaymentLedger } from './payment-ledger.js';
import { checkSubmission, idempotencyKeyOf } from './payment-submission.rules.js';

/**
 * A TPP's POST /payments under an Authorized service initiation consent (spec-rules §C.3): the x-idempotency-key, the
 * body against the consent, then the control parameters, counted by the ledger.
 */
@Injectable()
export class PaymentSubmissionHandler {
  constructor(
    private readonly schemas: UaeOfficialSchemas,
    private readonly ledger: PaymentLedger,
    @Inject(UAE_SPEC_CLOCK) private readonly clock: Clock,
    @Inject(UAE_AANI_PURPOSE_CODES) private readonly purposeCodes: AaniPurposeCodes,
  ) {}

  async submit(
    clientId: string | undefined,
    consent: JsonObject,
    tppConsentId: string,
    payload: DataRequestPayload,
  ): Promise<OutcomeOf<'validate-consent-access'>> {
    const idempotencyKey = idempotencyKeyOf(payload.headers);
    if (idempotencyKey === undefined) {
      return accessFailure(
        400,
        'GenericError',
        'The x-idempotency-key header is required: at most 40 characters, no whitespace',
      );
    }
    const controls = paymentControlsOf(consent);
    const submission = checkSubmission(payload.body, consent, tppConsentId, {
      schema: this.schemas.paymentRequest,
      purposeCodes: this.purposeCodes,
      repeatsConsent: controls?.kind === 'single',
    });
    if (!submission.ok) {
      return accessFailure(400, submission.code, submission.message);
    }
    if (controls === undefined || clientId === undefined) {
      return accessFailure(400, 'Consent.Invalid', 'The consent has no control parameters this bank can apply');
    }
    const decision = await this.ledger.record(
      clientId,
      tppConsentId,
      idempotencyKey,
      controls,
      submission.amount,
      uaeDay(this.clock.now()),
    );
    return decision.outcome === 'accepted' ? succeed({}) : accessFailure(400, decision.code, decision.message);
  }
}
