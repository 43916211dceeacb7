import { Inject, Injectable } from '@nestjs/common';
import {
  AuthorizationRequestValidator,
  fail,
  succeed,
  type JsonObject,
  type OutcomeOf,
  type RequestDataOf,
  epochSeconds,
  type Clock,
} from '@app/contract';
import { UK_SPEC_CLOCK } from '../uk-spec.tokens.js';
import { isJsonObject, nonEmptyString, objectAt, stringAt } from '../shared/json.js';

/** FAPI 1.0 Advanced §5.2.2-13: a request object lives at most 60 minutes (exp - nbf). */
const MAX_LIFETIME_SECONDS = 3600;
const CONSENT_SCOPES = ['accounts', 'payments', 'fundsconfirmations'];
const RESPONSE_TYPES = ['code id_token', 'code'];

function refused(description: string): OutcomeOf<'validate-authorization-request'> {
  return fail(400, { errorMessage: 'invalid_request', errorDescription: description });
}

/** `openbanking_intent_id` as an essential claim of the id token or of userinfo (OB security profile). */
function intentId(claims: JsonObject | undefined): string | undefined {
  for (const target of ['id_token', 'userinfo']) {
    const claim = objectAt(objectAt(claims, target), 'openbanking_intent_id');
    const value = nonEmptyString(claim?.['value']);
    if (value !== undefined) {
      return value;
    }
  }
  return undefined;
}

/**
 * The request object of a UK authorization (contract §4.13; OB security profile and FAPI 1.0 Advanced): it names the
 * consent in `openbanking_intent_id`, asks `openid` and exactly one consent scope, uses the hybrid or code flow, is
 * issued by its client, and has a short, current lifetime (`nbf` past, `exp` future, at most 60 minutes apart). Only
 * the claims are sent to this point, so that the consent exists, belongs to the client and awaits authorisation is
 * checked by the consent page (populate-consent-authorize-screen), which receives the consent.
 */
@Injectable()
export class UkAuthorizationRequestValidator extends AuthorizationRequestValidator {
  constructor(@Inject(UK_SPEC_CLOCK) private readonly clock: Clock) {
    super();
  }

  handle({
    requestObject,
  }: RequestDataOf<'validate-authorization-request'>): Promise<OutcomeOf<'validate-authorization-request'>> {
    return Promise.resolve(this.decide(requestObject));
  }

  private decide(requestObject: JsonObject | undefined): OutcomeOf<'validate-authorization-request'> {
    if (!isJsonObject(requestObject)) {
      return refused('The request object has no claims');
    }
    if (intentId(objectAt(requestObject, 'claims')) === undefined) {
      return refused('The request object must name the consent in the openbanking_intent_id claim');
    }
    const scopes = (stringAt(requestObject, 'scope') ?? '').split(/\s+/).filter((scope) => scope !== '');
    const consentScopes = scopes.filter((scope) => CONSENT_SCOPES.includes(scope));
    if (!scopes.includes('openid') || consentScopes.length !== 1) {
      return refused('The scope must be openid and exactly one of accounts, payments or fundsconfirmations');
    }
    const responseType = stringAt(requestObject, 'response_type');
    if (responseType === undefined || !RESPONSE_TYPES.includes(responseType)) {
      return refused('response_type must be "code id_token" or "code"');
    }
    if (responseType === 'code id_token' && nonEmptyString(requestObject['nonce']) === undefined) {
      return refused('A nonce is required with response_type "code id_token"');
    }
    const clientId = nonEmptyString(requestObject['client_id']);
    if (clientId === undefined || (requestObject['iss'] !== undefined && requestObject['iss'] !== clientId)) {
      return refused('client_id is required and iss, when present, must equal it');
    }
    if (nonEmptyString(requestObject['redirect_uri']) === undefined || requestObject['aud'] === undefined) {
      return refused('redirect_uri and aud are required');
    }
    return this.lifetimeRefusal(requestObject) ?? succeed({});
  }

  private lifetimeRefusal(requestObject: JsonObject): OutcomeOf<'validate-authorization-request'> | undefined {
    const now = epochSeconds(this.clock.now());
    const exp = requestObject['exp'];
    const nbf = requestObject['nbf'];
    if (typeof exp !== 'number' || typeof nbf !== 'number') {
      return refused('exp and nbf are required');
    }
    if (exp <= now) {
      return refused('The request object has expired');
    }
    if (nbf > now) {
      return refused('The request object is not valid yet (nbf)');
    }
    return exp - nbf > MAX_LIFETIME_SECONDS
      ? refused('The request object may live at most 60 minutes (exp - nbf)')
      : undefined;
  }
}
