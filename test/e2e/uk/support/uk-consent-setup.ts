import { randomUUID } from 'node:crypto';
import {
  buildRequestObjectClaims,
  recordAt,
  selectAccounts,
  type IdentityServerSimulator,
  type JsonRecord,
} from '@app/testing';
import { createConsent } from './uk-calls.js';
import { UK_JOURNEY_CLIENT_ID, UK_JOURNEY_USER } from '@app/testing';

/** A consent created through pre-process-consent-creation and stored as the identity server stores it. */
export async function storedConsent(
  simulator: IdentityServerSimulator,
  path: string,
  body: JsonRecord,
): Promise<string> {
  const idempotencyKey = randomUUID();
  const call = await createConsent(simulator, path, body, { idempotencyKey });
  const resource = recordAt(call.data, 'consentResource');
  if (call.status !== 'SUCCESS' || resource === undefined) {
    throw new Error(`creation of ${path} refused: ${JSON.stringify(call.data)}`);
  }
  return simulator.store.createConsent(resource, UK_JOURNEY_CLIENT_ID, idempotencyKey).id;
}

export function requestObject(consentId: string, scope: string): JsonRecord {
  return buildRequestObjectClaims({ clientId: UK_JOURNEY_CLIENT_ID, consentId, scope });
}

/** The consent page data of a stored consent (populate-consent-authorize-screen must succeed). */
export async function screenOf(
  simulator: IdentityServerSimulator,
  consentId: string,
  scope: string,
): Promise<JsonRecord> {
  const exchange = await simulator.populateScreen(consentId, UK_JOURNEY_USER, requestObject(consentId, scope));
  const body = exchange.body as JsonRecord;
  if (body['status'] !== 'SUCCESS') {
    throw new Error(`populate refused: ${exchange.rawText}`);
  }
  return body['data'] as JsonRecord;
}

/** The display name the page shows for an account id. */
export function displayNameOf(screen: JsonRecord, accountId: string): string {
  const consentData = recordAt(screen, 'consentData') ?? {};
  const accounts = [
    ...((recordAt(screen, 'consumerData')?.['accounts'] as JsonRecord[] | undefined) ?? []),
    ...((consentData['initiatedAccountsForConsent'] as JsonRecord[] | undefined) ?? []),
  ];
  const account = accounts.find((candidate) => candidate['accountId'] === accountId);
  if (account === undefined) {
    throw new Error(`account ${accountId} is not offered: ${JSON.stringify(accounts)}`);
  }
  return String(account['displayName']);
}

/** Creates, shows and approves a consent for one account: an Authorised consent in the simulator's store. */
export async function authorisedConsent(
  simulator: IdentityServerSimulator,
  path: string,
  body: JsonRecord,
  scope: string,
  accountId: string,
): Promise<string> {
  const consentId = await storedConsent(simulator, path, body);
  const screen = await screenOf(simulator, consentId, scope);
  const exchange = await simulator.persist(
    consentId,
    UK_JOURNEY_USER,
    screen,
    selectAccounts(screen, [displayNameOf(screen, accountId)]),
    true,
  );
  if ((exchange.body as JsonRecord)['status'] !== 'SUCCESS') {
    throw new Error(`persist refused: ${exchange.rawText}`);
  }
  return consentId;
}
