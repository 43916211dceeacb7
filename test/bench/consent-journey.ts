import {
  accepted,
  arrayAt,
  buildRequestObjectClaims,
  isJsonRecord,
  recordAt,
  selectAccounts,
  stringAt,
  type IdentityServerSimulator,
  type JsonRecord,
  type SimulatedExchange,
} from '@app/testing';

/*
 * The steps of a consent journey the scenarios build on, through the identity server simulator: each step checks that
 * the identity server accepted the answer, so that a load never repeats a call the service refuses.
 */

export class ScenarioPreparationError extends Error {
  override readonly name = 'ScenarioPreparationError';
}

/** The exchange, when the identity server used its answer; otherwise why the scenario cannot run. */
export function acceptedExchange(exchange: SimulatedExchange): SimulatedExchange {
  if (exchange.reaction.outcome !== 'accepted') {
    throw new ScenarioPreparationError(
      `${exchange.extension} was not accepted (HTTP ${exchange.httpStatus}): ${exchange.reaction.description}`,
    );
  }
  return exchange;
}

export interface CreatedConsent {
  readonly consentId: string;
  readonly creation: SimulatedExchange;
}

export async function createConsent(
  simulator: IdentityServerSimulator,
  path: string,
  body: JsonRecord,
  clientId: string,
): Promise<CreatedConsent> {
  const created = await simulator.createConsent(path, body, clientId);
  acceptedExchange(created.creation);
  if (created.consentId === undefined) {
    throw new ScenarioPreparationError(`the identity server stored no consent for POST ${path}`);
  }
  return { consentId: created.consentId, creation: created.creation };
}

/**
 * POST /{path} with the TPP headers a specification's gateway forwards (Berlin's X-Request-ID and PSU-IP-Address, UK's
 * idempotency key and signature), which the simulator's createConsent does not send; the consent is stored as the
 * identity server stores it. The idempotency key, when given, is also kept on the stored consent, as the identity
 * server keeps it.
 */
export async function createConsentWithHeaders(
  simulator: IdentityServerSimulator,
  path: string,
  body: JsonRecord,
  clientId: string,
  headers: Readonly<Record<string, string>>,
): Promise<CreatedConsent> {
  const requestData: JsonRecord = {
    consentInitiationData: body,
    consentResourcePath: path,
    requestHeaders: { 'x-wso2-client-id': clientId, ...headers },
  };
  const answer = await simulator.client.call('pre-process-consent-creation', requestData);
  const resource =
    answer.httpStatus === 200 && isJsonRecord(answer.body) && answer.body.status === 'SUCCESS'
      ? recordAt(recordAt(answer.body, 'data'), 'consentResource')
      : undefined;
  if (resource === undefined) {
    throw new ScenarioPreparationError(
      `pre-process-consent-creation was not accepted (HTTP ${answer.httpStatus}): ${answer.rawText.slice(0, 300)}`,
    );
  }
  const consentId = simulator.store.createConsent(resource, clientId, headers['x-idempotency-key']).id;
  return {
    consentId,
    creation: {
      ...answer,
      extension: 'pre-process-consent-creation',
      requestData,
      reaction: accepted('the identity server stores the consent'),
    },
  };
}

export async function populateScreen(
  simulator: IdentityServerSimulator,
  consentId: string,
  userId: string,
  clientId: string,
  scope: string,
): Promise<SimulatedExchange> {
  const claims = buildRequestObjectClaims({ clientId, consentId, scope });
  return acceptedExchange(await simulator.populateScreen(consentId, userId, claims));
}

/** The `data` of a populate SUCCESS, which the identity server keeps in the session for the persist. */
export function populateData(populate: SimulatedExchange): JsonRecord {
  const data = recordAt(populate.body, 'data');
  if (data === undefined) {
    throw new ScenarioPreparationError('the populate answer has no data');
  }
  return data;
}

/** The display names the consent page shows for these account ids (what the page posts back). */
export function displayNamesOf(data: JsonRecord, accountIds: readonly string[] | 'all'): string[] {
  const offered = (arrayAt(recordAt(data, 'consumerData'), 'accounts') ?? []).filter(isJsonRecord);
  const chosen =
    accountIds === 'all'
      ? offered
      : accountIds.map((accountId) => offered.find((account) => account.accountId === accountId));
  return chosen.map((account, index) => {
    const displayName = stringAt(account, 'displayName');
    if (displayName === undefined) {
      throw new ScenarioPreparationError(
        `the consent page offers no account ${accountIds === 'all' ? `#${index}` : String(accountIds[index])} with a display name`,
      );
    }
    return displayName;
  });
}

/** The customer approves the chosen accounts on the consent page. */
export async function approve(
  simulator: IdentityServerSimulator,
  consentId: string,
  userId: string,
  populate: SimulatedExchange,
  accountIds: readonly string[] | 'all',
): Promise<SimulatedExchange> {
  const data = populateData(populate);
  const selection = selectAccounts(data, displayNamesOf(data, accountIds));
  return acceptedExchange(await simulator.persist(consentId, userId, data, selection, true));
}

/** How many account mappings the identity server now holds for the consent (what validate-consent-access receives). */
export function mappingCount(simulator: IdentityServerSimulator, consentId: string): number {
  return simulator.store
    .get(consentId)
    .authorizations.reduce((total, authorization) => total + authorization.mappings.length, 0);
}

/** The `x-idempotency-key` the TPP sent with a data request: payments are counted once per key. */
export function idempotencyKeyOf(exchange: SimulatedExchange): readonly string[] {
  const key = stringAt(recordAt(recordAt(exchange.requestData, 'dataRequestPayload'), 'headers'), 'x-idempotency-key');
  if (key === undefined) {
    throw new ScenarioPreparationError(`${exchange.extension} carries no x-idempotency-key`);
  }
  return [key];
}
