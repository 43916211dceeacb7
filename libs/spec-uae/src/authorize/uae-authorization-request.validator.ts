import { Injectable } from '@nestjs/common';
import {
  AuthorizationRequestValidator,
  fail,
  succeed,
  type AuthorizationRequestValidationRequest,
  type OutcomeOf,
} from '@app/contract';
import { stringAt } from '../shared/json.js';
import { describeProblem } from '../shared/uae-error.js';
import { UaeConsentRegistry } from '../registry/uae-consent-registry.js';
import { UaeOfficialSchemas } from '../schemas/uae-official-schemas.js';
import { AuthorizationDetailsReader } from './authorization-details.reader.js';
import { requestObjectProblem } from './request-object.rules.js';
import { scopeProblem } from './scope.rules.js';

/** RAR validation failures are `invalid_request` at /par (the OAuth error schema has no invalid_authorization_details). */
function invalidRequest(description: string): OutcomeOf<'validate-authorization-request'> {
  return fail(400, { errorMessage: 'invalid_request', errorDescription: description });
}

/**
 * A scope that does not fit the consent is `invalid_scope` (Security Profile, Scopes). The identity server keeps only
 * the description (contract §4.13), so the description starts with the OAuth code too.
 */
function invalidScope(description: string): OutcomeOf<'validate-authorization-request'> {
  return fail(400, { errorMessage: 'invalid_scope', errorDescription: description });
}

/**
 * validate-authorization-request (contract §4.13): the signed request object a TPP pushed to /par, whose
 * `authorization_details` carry the consent (spec-rules §C.1-§C.3). Checks the claims, then the consent, then that
 * the scope fits the consent's type, then that the TPP has not used the ConsentId before and that a BaseConsentId names
 * the root of one of its chains.
 */
@Injectable()
export class UaeAuthorizationRequestValidator extends AuthorizationRequestValidator {
  constructor(
    private readonly reader: AuthorizationDetailsReader,
    private readonly registry: UaeConsentRegistry,
    private readonly schemas: UaeOfficialSchemas,
  ) {
    super();
  }

  async handle(data: AuthorizationRequestValidationRequest): Promise<OutcomeOf<'validate-authorization-request'>> {
    const claims = data.requestObject;
    if (claims === undefined) {
      return invalidRequest('The request object is missing');
    }
    const claimProblem = requestObjectProblem(claims, this.schemas.requestObjectClaims);
    if (claimProblem !== undefined) {
      return invalidRequest(claimProblem);
    }
    const reading = await this.reader.readAuthorizationDetails(claims['authorization_details']);
    if (!reading.ok) {
      return invalidRequest(describeProblem(reading.problem));
    }
    const scopeRefusal = scopeProblem(stringAt(claims, 'scope') as string, reading.request);
    if (scopeRefusal !== undefined) {
      return invalidScope(scopeRefusal);
    }
    const clientId = stringAt(claims, 'client_id') as string;
    const { consentId, baseConsentId } = reading.request;
    // A consent a gateway staged on the pre-initiated route is pushed with its own ConsentId until it is decided.
    if (
      (await this.registry.isUsed(clientId, consentId)) &&
      !(await this.registry.isAwaitingDecision(clientId, consentId))
    ) {
      return invalidRequest(
        `Consent.Invalid: ConsentId ${consentId} has already been used by this TPP (authorization_details[0].consent.ConsentId)`,
      );
    }
    if (baseConsentId !== undefined) {
      if (!(await this.registry.isUsed(clientId, baseConsentId))) {
        return invalidRequest(
          `Consent.Invalid: BaseConsentId ${baseConsentId} is not a consent of this TPP (authorization_details[0].consent.BaseConsentId)`,
        );
      }
      if (!(await this.registry.isRoot(clientId, baseConsentId))) {
        return invalidRequest(
          `Consent.BusinessRuleViolation: BaseConsentId must be the root ConsentId of the chain, not ${baseConsentId} (authorization_details[0].consent.BaseConsentId)`,
        );
      }
    }
    return succeed({});
  }
}
