import type { ExtensionName } from '@app/contract';
import { accountAccessConsentBody, JOURNEY_CLIENT_ID } from '../journeys/default-journey-fixtures.js';
import {
  berlinConsentBody,
  berlinInitiationHeaders,
  BERLIN_CLIENT_ID,
  EURO_ACCOUNT,
} from '../journeys/berlin-journey-fixtures.js';
import { UAE_JOURNEY_CLIENT_ID, uaeDataSharingItem } from '../journeys/uae-journey-fixtures.js';
import { UK_JOURNEY_CLIENT_ID, ukAccountAccessConsentBody } from '../journeys/uk-journey-fixtures.js';
import type { JsonRecord } from '../simulator/json-values.js';

/*
 * Well-formed requests the transport checks send: the `data` the identity server would build for a point, valid for
 * the specification under test, so that any answer (SUCCESS or a business ERROR) is a fair sample of the envelope.
 */

/** A description with Latin-1 letters, which the identity server sends as single ISO-8859-1 bytes (0xE9 for é). */
export const LATIN1_PROBE_TEXT = 'Paiement refusé: bénéficiaire inconnu (Zahlungsempfänger)';

export interface ProbeRequest {
  readonly extension: ExtensionName;
  readonly data: JsonRecord;
}

/** A TPP's consent creation as the specification's journey makes it (the consent it starts with). */
function creationProbe(spec: string): ProbeRequest {
  switch (spec) {
    case 'berlin':
      return {
        extension: 'pre-process-consent-creation',
        data: {
          consentInitiationData: berlinConsentBody({
            balances: [{ iban: EURO_ACCOUNT.iban }],
            transactions: [{ iban: EURO_ACCOUNT.iban }],
          }),
          consentResourcePath: 'consents',
          requestHeaders: { 'x-wso2-client-id': BERLIN_CLIENT_ID, ...berlinInitiationHeaders() },
        },
      };
    case 'uae':
      return {
        extension: 'pre-process-consent-creation',
        data: {
          consentInitiationData: uaeDataSharingItem(),
          consentResourcePath: 'account-access-consents',
          requestHeaders: { 'x-wso2-client-id': UAE_JOURNEY_CLIENT_ID },
        },
      };
    case 'uk':
      return {
        extension: 'pre-process-consent-creation',
        data: {
          consentInitiationData: ukAccountAccessConsentBody(),
          consentResourcePath: 'account-access-consents',
          requestHeaders: { 'x-wso2-client-id': UK_JOURNEY_CLIENT_ID },
        },
      };
    default:
      return {
        extension: 'pre-process-consent-creation',
        data: {
          consentInitiationData: accountAccessConsentBody(),
          consentResourcePath: 'account-access-consents',
          requestHeaders: { 'x-wso2-client-id': JOURNEY_CLIENT_ID },
        },
      };
  }
}

/** The token endpoint on an authorization_code grant for a consent valid for 30 more days (epoch seconds). */
function refreshTokenProbe(): ProbeRequest {
  const now = Math.floor(Date.now() / 1000);
  return {
    extension: 'issue-refresh-token',
    data: {
      grantType: 'authorization_code',
      consentCreatedTime: now - 60,
      consentValidityPeriod: now + 30 * 86_400,
      defaultRefreshTokenValidityPeriod: -1,
    },
  };
}

/** The consent web app's exception mapper; every specification echoes the description in the error it builds. */
export function errorMappingProbe(description = 'Consent not found'): ProbeRequest {
  return {
    extension: 'map-accelerator-error-response',
    data: { error: { code: '400', description, operation: 'consent_retrieve' } },
  };
}

/** The probes of the envelope checks, in the order they are tried. */
export function envelopeProbes(spec: string): readonly ProbeRequest[] {
  return [creationProbe(spec), refreshTokenProbe(), errorMappingProbe()];
}

/** The probe whose answer a retry must reproduce: a consent creation, whose answer the identity server stores. */
export function retryProbe(spec: string): ProbeRequest {
  return creationProbe(spec);
}
