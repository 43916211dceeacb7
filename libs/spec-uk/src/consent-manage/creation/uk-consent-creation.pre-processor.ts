import { Inject, Injectable } from '@nestjs/common';
import { BankBackend } from '@app/bank-backend';
import {
  ConsentCreationPreProcessor,
  succeed,
  type ExtensionContext,
  type JsonObject,
  type OutcomeOf,
  type RequestDataOf,
} from '@app/contract';
import { UK_OFFICIAL_SCHEMAS, UK_SPEC_CLOCK, UK_SPEC_OPTIONS } from '../../uk-spec.tokens.js';
import type { UkSpecOptions } from '../../uk-spec.options.js';
import type { UkOfficialSchemas } from '../../schemas/uk-official-schemas.js';
import type { Clock } from '../../shared/clock.js';
import { managingClientId } from '../../shared/consent-owner.js';
import { headerValue, isJsonObject, objectAt, stringAt } from '../../shared/json.js';
import { parseManagePath, type UkConsentKind } from '../../shared/uk-consent-kind.js';
import { UkErrorCode, ukFailure, ukRejection, type UkRejection } from '../../shared/uk-error.js';
import { JwsSignatureVerifier } from '../signature/jws-signature.verifier.js';
import { requiredAuthorisers } from '../../consent-authorize/multi-authorisation.js';
import { accountAccessRules } from './account-access.rules.js';
import { authorisationRejection, singleAuthorisationMismatch } from './authorisation.rules.js';
import { filePaymentRules } from './file-payment.rules.js';
import { consentCreationOutcome } from './consent-creation-outcome.js';
import { fundsConfirmationRules } from './funds-confirmation.rules.js';
import { idempotencyKeyRejection } from './idempotency-key.rule.js';
import { internationalPaymentRules, internationalScheduledPaymentRules, internationalStandingOrderRules } from './international-payment.rules.js';
import { domesticPaymentRules, domesticScheduledPaymentRules, domesticStandingOrderRules } from './payment.rules.js';
import { withSchemaRiskSpelling } from './risk-spelling.js';
import type { BodyRules } from './rule-context.js';
import { schemaViolationRejection } from './schema-violation.rejection.js';
import { vrpRules } from './vrp.rules.js';

type CreationRequest = RequestDataOf<'pre-process-consent-creation'>;
type Outcome = OutcomeOf<'pre-process-consent-creation'>;

/** The business rules of each endpoint, by its path. */
const BODY_RULES: Readonly<Record<string, BodyRules>> = {
  'account-access-consents': accountAccessRules,
  'domestic-payment-consents': domesticPaymentRules,
  'domestic-scheduled-payment-consents': domesticScheduledPaymentRules,
  'domestic-standing-order-consents': domesticStandingOrderRules,
  'international-payment-consents': internationalPaymentRules,
  'international-scheduled-payment-consents': internationalScheduledPaymentRules,
  'international-standing-order-consents': internationalStandingOrderRules,
  'file-payment-consents': filePaymentRules,
  'funds-confirmation-consents': fundsConfirmationRules,
  'domestic-vrp-consents': vrpRules,
};

/**
 * `application/json`, maybe with parameters (§A.2). The identity server forwards `Content-Type` only when the bank puts
 * it on `manage_extension.allowed_headers`; otherwise the gateway enforces it.
 */
const ACCEPTED_CONTENT_TYPE = /^application\/json\s*(;.*)?$/i;

/** The schema's pattern of `x-fapi-auth-date` (§A.2), checked when the bank forwards the header. */
const FAPI_AUTH_DATE =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|UTC)$/;

/**
 * `POST /…-consents` (§A.1-§A.8): the headers of idempotent endpoints, the detached JWS of signed ones, the official
 * schema, then the business rules; an accepted body becomes the consent to store.
 */
@Injectable()
export class UkConsentCreationPreProcessor extends ConsentCreationPreProcessor {
  constructor(
    @Inject(UK_OFFICIAL_SCHEMAS) private readonly schemas: UkOfficialSchemas,
    @Inject(UK_SPEC_OPTIONS) private readonly options: UkSpecOptions,
    @Inject(UK_SPEC_CLOCK) private readonly clock: Clock,
    @Inject(JwsSignatureVerifier) private readonly signatures: JwsSignatureVerifier,
    @Inject(BankBackend) private readonly bank: BankBackend,
  ) {
    super();
  }

  async handle(data: CreationRequest, context: ExtensionContext): Promise<Outcome> {
    const decision = await this.decide(data);
    return 'code' in decision ? ukFailure(decision, context.requestId) : succeed({ consentResource: consentCreationOutcome(decision.kind, decision.body) });
  }

  private async decide({ consentResourcePath, consentInitiationData, requestHeaders }: CreationRequest): Promise<UkRejection | { kind: UkConsentKind; body: JsonObject }> {
    const path = parseManagePath(consentResourcePath);
    if (path === undefined || path.consentId !== undefined) {
      return ukRejection(404, UkErrorCode.ResourceNotFound, `No UK consent endpoint accepts a POST to "${consentResourcePath ?? ''}"`);
    }
    const { kind } = path;
    const contentType = headerValue(requestHeaders, 'content-type');
    if (contentType !== undefined && !ACCEPTED_CONTENT_TYPE.test(contentType)) {
      return ukRejection(415, UkErrorCode.HeaderInvalid, `Content-Type ${contentType} is not supported: send application/json`, 'Content-Type');
    }
    const authDate = headerValue(requestHeaders, 'x-fapi-auth-date');
    if (authDate !== undefined && !FAPI_AUTH_DATE.test(authDate)) {
      return ukRejection(400, UkErrorCode.HeaderInvalid, 'x-fapi-auth-date must be an RFC 7231 date such as "Sun, 10 Sep 2017 19:43:31 GMT"', 'x-fapi-auth-date');
    }
    if (kind.idempotent) {
      const keyProblem = idempotencyKeyRejection(headerValue(requestHeaders, 'x-idempotency-key'));
      if (keyProblem !== undefined) {
        return keyProblem;
      }
    }
    if (!isJsonObject(consentInitiationData)) {
      return ukRejection(400, UkErrorCode.ResourceInvalidFormat, 'The request body must be a JSON object');
    }
    if (kind.signed && this.options.verifySignatures) {
      const signatureProblem = await this.signatures.verify(
        headerValue(requestHeaders, 'x-jws-signature'),
        consentInitiationData,
        // The only way the TPP's client id reaches this point (contract §3.2).
        managingClientId(requestHeaders),
      );
      if (signatureProblem !== undefined) {
        return signatureProblem;
      }
    }
    const violation = this.schemas.requestCheck(kind)(withSchemaRiskSpelling(consentInitiationData));
    if (violation !== undefined) {
      return schemaViolationRejection(violation);
    }
    const nowMillis = this.clock.now();
    const broken = BODY_RULES[kind.path](consentInitiationData, { nowMillis, options: this.options });
    if (broken !== undefined) {
      return broken;
    }
    if (kind.family === 'payment') {
      const authorisationProblem = authorisationRejection(consentInitiationData, nowMillis) ?? (await this.authorisationTypeMismatch(consentInitiationData));
      if (authorisationProblem !== undefined) {
        return authorisationProblem;
      }
    }
    return { kind, body: consentInitiationData };
  }

  /**
   * A Single authorisation of a named DebtorAccount that needs several authorisers (§A.5 multi-authorisation). Only the
   * bank knows: an account it does not find by the identification is checked after the customer's authentication.
   */
  private async authorisationTypeMismatch(body: JsonObject): Promise<UkRejection | undefined> {
    const data = objectAt(body, 'Data');
    const identification = stringAt(objectAt(objectAt(data, 'Initiation'), 'DebtorAccount'), 'Identification');
    if (stringAt(objectAt(data, 'Authorisation'), 'AuthorisationType') !== 'Single' || identification === undefined) {
      return undefined;
    }
    const account = await this.bank.accountDetails(identification);
    return account === null ? undefined : singleAuthorisationMismatch(requiredAuthorisers(account, this.options.businessAccountAuthorisers));
  }
}
