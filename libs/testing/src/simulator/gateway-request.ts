import { randomUUID } from 'node:crypto';
import type { StoredConsent } from './consent-store.js';
import type { JsonRecord } from './json-values.js';

/*
 * The `dataRequestPayload` the API gateway's consent-enforcement policy sends with every protected TPP call, which the
 * identity server forwards to validate-consent-access (contract §4.11).
 */

export interface ResourceRequest {
  /** The API resource template, e.g. `/accounts/{AccountId}`. */
  readonly electedResource: string;
  /** The full request path, possibly with a query string, e.g. `/open-banking/v3.1/aisp/accounts/1`. */
  readonly resource: string;
  readonly httpMethod: string;
  readonly body?: unknown;
  /** TPP headers; an `Authorization` and an `x-fapi-interaction-id` are added when missing. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The user of the access token; defaults to the first authorised user of the consent. */
  readonly userId?: string;
  /** The API context; defaults to the first three segments of `resource` (`/open-banking/v3.1/aisp`). */
  readonly context?: string;
}

function contextOf(resource: string): string {
  const path = resource.split('?')[0] ?? '';
  return `/${path
    .split('/')
    .filter((segment) => segment !== '')
    .slice(0, 3)
    .join('/')}`;
}

function queryParametersOf(resource: string): Record<string, string> {
  const query = resource.includes('?') ? resource.slice(resource.indexOf('?') + 1) : '';
  // The gateway passes the raw (not URL-decoded) values.
  return Object.fromEntries(
    query
      .split('&')
      .filter((pair) => pair !== '')
      .map((pair) => {
        const separator = pair.indexOf('=');
        return separator === -1 ? [pair, ''] : [pair.slice(0, separator), pair.slice(separator + 1)];
      }),
  );
}

/** `ConsentValidateRequest.dataRequestPayload`: all TPP headers, the token's user and client, the resource. */
export function buildDataRequestPayload(
  consent: StoredConsent,
  request: ResourceRequest,
  tokenUserId: string,
): JsonRecord {
  return {
    headers: { Authorization: `Bearer ${randomUUID()}`, 'x-fapi-interaction-id': randomUUID(), ...request.headers },
    consentId: consent.id,
    clientId: consent.clientId,
    userId: tokenUserId,
    electedResource: request.electedResource,
    resourceParams: {
      resource: request.resource,
      ResourcePath: request.resource,
      httpMethod: request.httpMethod,
      context: request.context ?? contextOf(request.resource),
      ...queryParametersOf(request.resource),
    },
    body: request.body,
  };
}
