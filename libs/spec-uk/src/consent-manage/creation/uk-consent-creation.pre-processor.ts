import { Inject, Injectable } from '@nestjs/common';
import { BankBackend } from '@app/bank-backend';
import {
  ConsentCreationPreProcessor,
  succeed,
  type ExtensionContext,
  type JsonObject,
  type OutcomeOf,
  type RequestDataOf,
  type Clock,
} from '@app/contract';
import { UK_OFFICIAL_SCHEMAS, UK_SPEC_CLOCK, UK_SPEC_OPTIONS } from '../../uk-spec.tokens.js';
import type { UkSpecOptions } from '../../uk-spec.options.js';
import type { UkOfficialSchemas } from '../../schemas/uk-official-schemas.js';
import { managingClientId } from '../../shared/consent-owner.js';
import { headerValue } from '../../shared/json.js';
import type { UkConsentKind } from '../../shared/uk-consent-kind.js';
import { ukFailure, type UkRejection } from '../../shared/uk-error.js';
import { JwsSignatureVerifier } from '../signature/jws-signature.verifier.js';
import { requiredAuthorisers } from '../../consent-authorize/multi-authorisation.js';
import { accountAccessRules } from './account-access.rules.js';
import {
  authorisationRejection,
  singleAuthorisationDebtor,
  singleAuthorisationMismatch,
} from './authorisation.rules.js';
import { consentBody } from './consent-body.rule.js';
import { filePaymentRules } from './file-payment.rules.js';
import { consentCreationOutcome } from './consent-creation-outcome.js';
import { creationEndpoint } from './creation-endpoint.rule.js';
import { creationHeadersRejection } from './creation-headers.rules.js';
import { fundsConfirmationRules } from './funds-confirmation.rules.js';
import {
  internationalPaymentRules,
  internationalScheduledPaymentRules,
  internationalStandingOrderRules,
} from './international-payment.rules.js';
import { officialSchemaRejection } from './official-schema.rule.js';
import { domesticPaymentRules, domesticScheduledPaymentRules, domesticStandingOrderRules } from './payment.rules.js';
import type { BodyRules } from './rule-context.js';
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
    return 'code' in decision
      ? ukFailure(decision, context.requestId)
      : succeed({ consentResource: consentCreationOutcome(decision.kind, decision.body) });
  }

  private async decide({
    consentResourcePath,
    consentInitiationData,
    requestHeaders,
  }: CreationRequest): Promise<UkRejection | { kind: UkConsentKind; body: JsonObject }> {
    const endpoint = creationEndpoint(consentResourcePath);
    if ('rejection' in endpoint) {
      return endpoint.rejection;
    }
    const { kind } = endpoint;
    const headerProblem = creationHeadersRejection(kind, requestHeaders);
    if (headerProblem !== undefined) {
      return headerProblem;
    }
    const consent = consentBody(consentInitiationData);
    if ('rejection' in consent) {
      return consent.rejection;
    }
    const { body } = consent;
    if (kind.signed && this.options.verifySignatures) {
      const signatureProblem = await this.signatures.verify(
        headerValue(requestHeaders, 'x-jws-signature'),
        body,
        // The only way the TPP's client id reaches this point (contract §3.2).
        managingClientId(requestHeaders),
      );
      if (signatureProblem !== undefined) {
        return signatureProblem;
      }
    }
    const violation = officialSchemaRejection(this.schemas.requestCheck(kind), body);
    if (violation !== undefined) {
      return violation;
    }
    const nowMillis = this.clock.now();
    const broken = BODY_RULES[kind.path](body, { nowMillis, options: this.options });
    if (broken !== undefined) {
      return broken;
    }
    if (kind.family === 'payment') {
      const authorisationProblem =
        authorisationRejection(body, nowMillis) ?? (await this.authorisationTypeMismatch(body));
      if (authorisationProblem !== undefined) {
        return authorisationProblem;
      }
    }
    return { kind, body };
  }

  /**
   * A Single authorisation of a named DebtorAccount that needs several authorisers (§A.5 multi-authorisation). Only the
   * bank knows: an account it does not find by the identification is checked after the customer's authentication.
   */
  private async authorisationTypeMismatch(body: JsonObject): Promise<UkRejection | undefined> {
    const identification = singleAuthorisationDebtor(body);
    if (identification === undefined) {
      return undefined;
    }
    const account = await this.bank.accountDetails(identification);
    return account === null
      ? undefined
      : singleAuthorisationMismatch(requiredAuthorisers(account, this.options.businessAccountAuthorisers));
  }
}
