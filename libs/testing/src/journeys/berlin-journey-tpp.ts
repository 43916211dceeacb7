import type { ExtensionName } from '@app/contract';
import type { IdentityServerSimulator } from '../simulator/identity-server.js';
import { recordAt, type JsonRecord } from '../simulator/json-values.js';
import { BERLIN_CLIENT_ID } from './berlin-journey-fixtures.js';
import { expectAnswer, required, StepFailure, type CheckedAnswer } from './step-checks.js';

/*
 * TPP calls of the `berlin` journey that carry Berlin Group headers (X-Request-ID, PSU-IP-Address, …). The simulator's
 * consent-manage methods forward only `x-wso2-client-id`; a Berlin deployment adds the TPP headers to the identity
 * server's `manage_extension.allowed_headers`, so these calls build the same `data` with those headers, and apply the
 * answers to the simulator's consent store as the identity server would.
 */

export interface CreatedBerlinResource {
  readonly consentId: string;
  readonly path: string;
  readonly resource: JsonRecord;
  /** The enrich-consent-creation-response answer's data. */
  readonly response: unknown;
}

async function call(
  simulator: IdentityServerSimulator,
  extension: ExtensionName,
  data: JsonRecord,
): Promise<CheckedAnswer> {
  return { ...(await simulator.client.call(extension, data)), extension };
}

/** POST /{path}: pre-process-consent-creation, the store, then enrich-consent-creation-response. */
export async function createBerlinResource(
  simulator: IdentityServerSimulator,
  path: string,
  body: JsonRecord,
  headers: Record<string, string>,
): Promise<CreatedBerlinResource> {
  const creation = await call(simulator, 'pre-process-consent-creation', {
    consentInitiationData: body,
    consentResourcePath: path,
    requestHeaders: { 'x-wso2-client-id': BERLIN_CLIENT_ID, ...headers },
  });
  const resource = recordAt(expectAnswer(creation), 'consentResource');
  if (resource === undefined) {
    throw new StepFailure('data.consentResource', 'nothing');
  }
  const consentId = simulator.store.createConsent(resource, BERLIN_CLIENT_ID).id;
  const enrichment = await call(simulator, 'enrich-consent-creation-response', {
    consentId,
    consentResourcePath: path,
    consentResource: simulator.store.detailedView(consentId),
  });
  return { consentId, path: `${path}/${consentId}`, resource, response: expectAnswer(enrichment) };
}

/** A refused creation: the answer is checked by the caller. */
export async function attemptBerlinCreation(
  simulator: IdentityServerSimulator,
  path: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<CheckedAnswer> {
  return call(simulator, 'pre-process-consent-creation', {
    consentInitiationData: body,
    consentResourcePath: path,
    requestHeaders: { 'x-wso2-client-id': BERLIN_CLIENT_ID, ...headers },
  });
}

/** GET /{path} (pre-process-consent-retrieval, basic variant with attributes). */
export async function retrieveBerlinResource(
  simulator: IdentityServerSimulator,
  consentId: string,
  path: string,
  headers: Record<string, string>,
): Promise<CheckedAnswer> {
  return call(simulator, 'pre-process-consent-retrieval', {
    consentId,
    consentResourcePath: path,
    requestHeaders: { 'x-wso2-client-id': BERLIN_CLIENT_ID, ...headers },
    consentResource: simulator.store.basicView(consentId, { withAttributes: true }),
  });
}

/** DELETE /{path} by the TPP; on SUCCESS the new status is applied to the store. */
export async function deleteBerlinResource(
  simulator: IdentityServerSimulator,
  consentId: string,
  path: string,
  headers: Record<string, string>,
): Promise<CheckedAnswer> {
  const answer = await call(simulator, 'pre-process-consent-revoke', {
    consentId,
    consentResourcePath: path,
    requestHeaders: { 'x-wso2-client-id': BERLIN_CLIENT_ID, ...headers },
    consentResource: simulator.store.basicView(consentId, { withAttributes: true }),
  });
  const data = recordAt(answer.body, 'data');
  if (recordAt(answer.body, 'data') !== undefined && (answer.body as JsonRecord).status === 'SUCCESS') {
    simulator.store.applyRevocation(consentId, {
      revocationStatusName: required(
        typeof data?.revocationStatusName === 'string' ? data.revocationStatusName : undefined,
        'revocationStatusName',
      ),
      requireTokenRevocation: data?.requireTokenRevocation === true,
    });
  }
  return answer;
}
