/**
 * The 24 extension points of the accelerator contract v1.0.4, in the identity server's own order
 * (`ServiceExtensionTypeEnum`). The identity server calls `POST {base_url}/{name}`; `deployment.toml` enables a point
 * by its snake_case name in `allowed_extensions`.
 */
export const EXTENSION_NAMES = [
  'pre-process-client-creation',
  'pre-process-client-update',
  'pre-process-client-retrieval',
  'pre-process-consent-creation',
  'enrich-consent-creation-response',
  'pre-process-consent-file-upload',
  'enrich-consent-file-response',
  'validate-consent-file-retrieval',
  'pre-process-consent-retrieval',
  'enrich-consent-search-response',
  'pre-process-consent-revoke',
  'populate-consent-authorize-screen',
  'persist-authorized-consent',
  'validate-consent-access',
  'issue-refresh-token',
  'validate-authorization-request',
  'validate-event-subscription',
  'enrich-event-subscription-response',
  'validate-event-creation',
  'validate-event-polling',
  'enrich-event-polling-response',
  'map-accelerator-error-response',
  'pre-process-application-creation',
  'pre-process-application-update',
] as const;

export type ExtensionName = (typeof EXTENSION_NAMES)[number];

/** The tags of the published contract, used to group the routes and the generated OpenAPI document. */
export type ExtensionTag =
  | 'Consent'
  | 'Dynamic Client Registration'
  | 'Manual Client Registration'
  | 'Token'
  | 'Authorize'
  | 'Event Subscription'
  | 'Event Creation'
  | 'Event Polling'
  | 'Error Handling';

export interface ExtensionPointDescription {
  readonly name: ExtensionName;
  readonly tag: ExtensionTag;
  /**
   * True where the identity server stores or acts on the answer (a consent, a client, a status change): a retry after
   * a read timeout resends the same `requestId`, so these answers are recorded and replayed instead of recomputed.
   */
  readonly replayedOnRetry: boolean;
  readonly summary: string;
}

const point = (
  name: ExtensionName,
  tag: ExtensionTag,
  replayedOnRetry: boolean,
  summary: string,
): ExtensionPointDescription => ({ name, tag, replayedOnRetry, summary });

export const EXTENSION_POINTS: readonly ExtensionPointDescription[] = [
  point('pre-process-client-creation', 'Dynamic Client Registration', true, 'Vet and shape a DCR client registration.'),
  point('pre-process-client-update', 'Dynamic Client Registration', true, 'Vet and shape a DCR client update.'),
  point('pre-process-client-retrieval', 'Dynamic Client Registration', false, 'Vet a DCR client retrieval.'),
  point(
    'pre-process-consent-creation',
    'Consent',
    true,
    'Validate a TPP consent request and return the consent resource to store.',
  ),
  point(
    'enrich-consent-creation-response',
    'Consent',
    false,
    'Shape the body the TPP receives after a consent is created.',
  ),
  point(
    'pre-process-consent-file-upload',
    'Consent',
    true,
    'Validate a consent file upload and choose the new consent status.',
  ),
  point('enrich-consent-file-response', 'Consent', false, 'Shape the body the TPP receives after a file upload.'),
  point('validate-consent-file-retrieval', 'Consent', false, 'Check that a TPP may download a consent file.'),
  point(
    'pre-process-consent-retrieval',
    'Consent',
    false,
    'Check a consent retrieval and shape the body the TPP receives.',
  ),
  point(
    'enrich-consent-search-response',
    'Consent',
    false,
    'Shape the result of an admin consent search or amendment history.',
  ),
  point(
    'pre-process-consent-revoke',
    'Consent',
    true,
    'Decide whether a consent may be revoked, its new status and token revocation.',
  ),
  point('populate-consent-authorize-screen', 'Consent', false, 'Build the data of the consent page the customer sees.'),
  point(
    'persist-authorized-consent',
    'Consent',
    true,
    'Turn what the customer approved or denied into the consent to store.',
  ),
  point('validate-consent-access', 'Consent', false, 'Decide whether one API call of a TPP is covered by its consent.'),
  point('issue-refresh-token', 'Token', false, 'Decide whether a refresh token is issued with an access token.'),
  point(
    'validate-authorization-request',
    'Authorize',
    false,
    'Vet the claims of a signed authorization request object.',
  ),
  point(
    'validate-event-subscription',
    'Event Subscription',
    true,
    'Validate an event-notification subscription request.',
  ),
  point('enrich-event-subscription-response', 'Event Subscription', false, 'Shape an event-subscription response.'),
  point('validate-event-creation', 'Event Creation', true, 'Validate an event-notification creation request.'),
  point('validate-event-polling', 'Event Polling', false, 'Validate an event-polling request.'),
  point('enrich-event-polling-response', 'Event Polling', false, 'Shape an event-polling response.'),
  point(
    'map-accelerator-error-response',
    'Error Handling',
    false,
    "Map an accelerator error to the specification's error body and status.",
  ),
  point(
    'pre-process-application-creation',
    'Manual Client Registration',
    true,
    'Vet an API Manager application creation and choose its client id.',
  ),
  point('pre-process-application-update', 'Manual Client Registration', true, 'Vet an API Manager application update.'),
];

const BY_NAME = new Map<string, ExtensionPointDescription>(EXTENSION_POINTS.map((p) => [p.name, p]));

export function isExtensionName(value: string): value is ExtensionName {
  return BY_NAME.has(value);
}

export function describeExtensionPoint(name: ExtensionName): ExtensionPointDescription {
  const description = BY_NAME.get(name);
  if (!description) {
    throw new Error(`Unknown extension point "${name}"`);
  }
  return description;
}

/**
 * The name `deployment.toml` uses in `allowed_extensions` (`ServiceExtensionTypeEnum` in snake_case; the identity
 * server builds the URL by replacing `_` with `-`).
 */
export function allowedExtensionName(name: ExtensionName): string {
  return name.replaceAll('-', '_');
}
