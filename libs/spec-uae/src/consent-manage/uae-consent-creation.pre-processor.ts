import { Injectable } from '@nestjs/common';
import {
  ConsentCreationPreProcessor,
  succeed,
  type ConsentCreationRequest,
  type ExtensionContext,
  type OutcomeOf,
} from '@app/contract';
import { AuthorizationDetailsReader } from '../authorize/authorization-details.reader.js';
import { UaeConsentRegistry } from '../registry/uae-consent-registry.js';
import { SERVICE_INITIATION_TYPE } from '../schemas/uae-official-schemas.js';
import { UaeConsentStatus } from '../shared/consent-status.js';
import { uaeFailure, uaeProblemFailure } from '../shared/uae-error.js';
import { newUaeConsentResource } from './new-uae-consent-resource.js';

/**
 * pre-process-consent-creation (contract §4.1), for gateways that stage UAE consents as a POST of the
 * `authorization_details` item to /account-access-consents or /payment-consents instead of letting PAR create them.
 * The same schema and rules as at PAR, answered in the UAE error format; the consent starts AwaitingAuthorization.
 */
@Injectable()
export class UaeConsentCreationPreProcessor extends ConsentCreationPreProcessor {
  constructor(
    private readonly reader: AuthorizationDetailsReader,
    private readonly registry: UaeConsentRegistry,
  ) {
    super();
  }

  async handle(
    data: ConsentCreationRequest,
    context: ExtensionContext,
  ): Promise<OutcomeOf<'pre-process-consent-creation'>> {
    const clientId = data.requestHeaders?.['x-wso2-client-id'];
    if (clientId === undefined || clientId === '') {
      return uaeFailure(400, 'Consent.Invalid', 'The TPP is unknown: x-wso2-client-id is missing', 'x-wso2-client-id');
    }
    const reading = await this.reader.readItem(data.consentInitiationData, 'Body');
    if (!reading.ok) {
      return uaeProblemFailure(400, reading.problem);
    }
    const request = reading.request;
    const path = data.consentResourcePath ?? '';
    const payment = request.type === SERVICE_INITIATION_TYPE;
    if (!path.startsWith(payment ? 'payment-consents' : 'account-access-consents')) {
      return uaeFailure(400, 'Consent.Invalid', `A ${request.type} consent cannot be created at ${path}`, 'Body.type');
    }
    if (request.baseConsentId !== undefined && !(await this.registry.isRoot(clientId, request.baseConsentId))) {
      return uaeFailure(
        400,
        'Consent.BusinessRuleViolation',
        'BaseConsentId must be the root ConsentId of a chain of this TPP',
        'Body.consent.BaseConsentId',
      );
    }
    const recorded = await this.registry.record(context.requestId, clientId, request.consentId, {
      created: true,
      root: request.baseConsentId === undefined,
      staged: true,
    });
    if (!recorded) {
      return uaeFailure(
        400,
        'Consent.Invalid',
        `ConsentId ${request.consentId} has already been used by this TPP`,
        'Body.consent.ConsentId',
      );
    }
    return succeed({
      consentResource: newUaeConsentResource(request, UaeConsentStatus.AwaitingAuthorization, [
        { type: 'authorisation', status: 'Created', resources: [] },
      ]),
    });
  }
}
