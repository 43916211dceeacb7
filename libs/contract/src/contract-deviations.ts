import type { ExtensionName } from './extension-catalogue.js';

/**
 * Where this service deliberately follows the identity server's Java caller rather than the published contract
 * `accelerator-extensions-v1.0.4.yaml` (contract document §6). The contract-compatibility test and the contract
 * matcher read this list, so a deviation exists only if it is written here, with its reason.
 */
export interface ContractDeviation {
  readonly id: string;
  /** The points concerned; empty for the whole envelope. */
  readonly extensions: readonly ExtensionName[];
  /** Which side of the published schema the deviation touches. */
  readonly part: 'request' | 'success' | 'failure' | 'error-response' | 'security';
  /** JSON-pointer-like path inside `data` (or the envelope) where the schemas differ. */
  readonly path: string;
  readonly published: string;
  readonly actual: string;
  readonly reason: string;
}

export const CONTRACT_DEVIATIONS: readonly ContractDeviation[] = [
  {
    id: 'security-static-bearer',
    extensions: [],
    part: 'security',
    path: 'components.securitySchemes.OAuth2',
    published: 'OAuth2 client-credentials flow with a token URL',
    actual: 'a static bearer token from the identity server configuration (or a JWT we verify against a JWKS)',
    reason:
      'The caller sends `Authorization: Bearer <Security.Token>` and never runs a client-credentials flow (contract §2.4, §6 #1).',
  },
  {
    id: 'error-response-inside-data',
    extensions: [],
    part: 'error-response',
    path: 'errorMessage, errorDescription',
    published: 'some 400/500 examples put errorMessage and errorDescription at the top level',
    actual: 'they are inside `data`; the top level holds only responseId, status, errorCode and data',
    reason:
      'The caller parses the envelope strictly (FAIL_ON_UNKNOWN_PROPERTIES) and reads only data.errorDescription (contract §2.7, §6 #2, #3).',
  },
  {
    id: 'search-result-arrays',
    extensions: ['enrich-consent-search-response'],
    part: 'request',
    path: 'searchResult',
    published: 'object',
    actual: 'array of consent objects',
    reason: 'The caller sends a JSON array (contract §4.5, §6 #6).',
  },
  {
    id: 'enriched-search-result-array',
    extensions: ['enrich-consent-search-response'],
    part: 'success',
    path: 'enrichedSearchResult',
    published: 'object',
    actual: 'array',
    reason: 'The caller calls getJSONArray on it (contract §4.5, §6 #6).',
  },
  {
    id: 'revoke-token-revocation-boolean',
    extensions: ['pre-process-consent-revoke'],
    part: 'success',
    path: 'requireTokenRevocation',
    published: 'string',
    actual: 'boolean; revocationStatusName required',
    reason: 'Gson reads a boolean and a blank status is refused (contract §4.4, §6 #7).',
  },
  {
    id: 'persist-approval-string',
    extensions: ['persist-authorized-consent'],
    part: 'request',
    path: 'userGrantedData.authorizedResources.approval',
    published: 'boolean',
    actual: 'the string "true" or "false" (booleans also accepted); extra keys cookies and userId',
    reason: 'The confirm servlet posts form strings (contract §4.10, §6 #9).',
  },
  {
    id: 'persist-consent-resource-optional',
    extensions: ['persist-authorized-consent'],
    part: 'request',
    path: 'consentResource',
    published: 'required',
    actual: 'omitted when no consent exists yet',
    reason: 'Flows that are not pre-initiated have no consent before persist (contract §4.10, §6 #10).',
  },
  {
    id: 'populate-consent-resource-empty',
    extensions: ['populate-consent-authorize-screen'],
    part: 'request',
    path: 'consentResource',
    published: 'a stored consent',
    actual: '`{}` when there is no consent id; fileContent only when a file exists',
    reason: 'Contract §4.9, §6 #11.',
  },
  {
    id: 'populate-response-strictness',
    extensions: ['populate-consent-authorize-screen'],
    part: 'success',
    path: 'consentData, consumerData.accounts[].selected, additionalData[].items[].item',
    published: 'selected and item required; unknown keys allowed',
    actual:
      'consentData.type, permissions[].uid/displayValues and displayName are enforced; unknown keys under data, permissions, additionalData and items are rejected',
    reason: 'Jackson and Hibernate Validator on PopulateConsentAuthorizeScreenDTO (contract §4.9, §6 #12).',
  },
  {
    id: 'error-mapper-error-code-required',
    extensions: ['map-accelerator-error-response'],
    part: 'success',
    path: 'errorCode',
    published: 'optional',
    actual: 'mandatory, used as the HTTP status; status not checked',
    reason: 'Contract §4.14, §6 #14.',
  },
  {
    id: 'dcr-error-code-field',
    extensions: ['pre-process-client-creation', 'pre-process-client-update', 'pre-process-client-retrieval'],
    part: 'failure',
    path: 'errorCode',
    published: 'data.error',
    actual: 'data.errorCode',
    reason: 'DCRUtils reads data.errorCode (contract §4.15, §6 #17).',
  },
  {
    id: 'times-epoch-seconds-long',
    extensions: [],
    part: 'request',
    path: 'consentResource.createdTime, updatedTime, validityTime',
    published: 'int32',
    actual: 'epoch seconds as a 64-bit integer; validityTime is an absolute expiry',
    reason: 'Contract §3.1, §6 #18.',
  },
  {
    id: 'refresh-token-validity-ignored',
    extensions: ['issue-refresh-token'],
    part: 'success',
    path: 'refreshTokenValidityPeriod',
    published: 'documented',
    actual: 'sent when useful, ignored by the caller',
    reason: 'Contract §4.12, §6 #8.',
  },
];
