import { randomUUID } from 'node:crypto';
import { selectAccounts } from '../simulator/consent-page-submission.js';
import type { IdentityServerSimulator, SimulatedExchange } from '../simulator/identity-server.js';
import { arrayAt, isJsonRecord, recordAt, stringAt, valueAtPath, type JsonRecord } from '../simulator/json-values.js';
import { buildRequestObjectClaims } from '../simulator/request-object.js';
import type { JourneyStep } from './journey.js';
import type { CheckedAnswer } from './step-checks.js';
import { expectAnswer, expectThat, expectValue, required, StepFailure } from './step-checks.js';
import { signDetached, UK_JOURNEY_CLIENT_ID, UK_JOURNEY_USER } from './uk-journey-fixtures.js';

/*
 * What every step of the `uk` journey does with the identity server: create a consent as a TPP, show the consent page,
 * approve it, call a protected API, and read the answers, with the state the steps share.
 */

export interface UkConsent {
  readonly consentId: string;
  readonly path: string;
  populateData?: unknown;
}

export interface UkJourneyState {
  /** Whether the service verifies x-jws-signature itself (learnt from the answer to an unsigned payment consent). */
  verifiesSignatures?: boolean;
  accounts?: UkConsent;
  expiring?: UkConsent & { readonly expiresAt: number };
  denied?: UkConsent;
  payment?: UkConsent;
  funds?: UkConsent;
  vrp?: UkConsent;
  internationalScheduled?: UkConsent & { readonly body: JsonRecord };
  internationalStandingOrder?: UkConsent & { readonly body: JsonRecord };
  filePayment?: UkConsent & { readonly file: string };
  twoAuthorisers?: UkConsent;
  reauthenticated?: UkConsent;
}

export type UkJourneyStep = JourneyStep<UkJourneyState>;

export interface CreationOptions {
  readonly idempotencyKey?: string;
  readonly signature?: string;
  readonly clientId?: string;
  /** The status of the new consent; `AwaitingAuthorisation` unless it awaits a file. */
  readonly status?: string;
}

export function checked(
  answer: Awaited<ReturnType<IdentityServerSimulator['client']['call']>>,
  extension: CheckedAnswer['extension'],
): CheckedAnswer {
  return { ...answer, extension };
}

/** The UK error code of a relayed UK error body (`Errors[0].ErrorCode`). */
export function ukErrorCode(data: unknown): unknown {
  const errors = arrayAt(data, 'Errors');
  return isJsonRecord(errors?.[0]) ? errors[0].ErrorCode : undefined;
}

/**
 * A TPP `POST /{path}` with the headers the gateway forwards (the client id, and for payments the idempotency key and
 * the signature, once the bank lists them in `manage_extension.allowed_headers`); stores the answer as the identity
 * server does and calls enrich-consent-creation-response.
 */
export async function createUkConsent(
  simulator: IdentityServerSimulator,
  path: string,
  body: JsonRecord,
  options: CreationOptions = {},
): Promise<UkConsent> {
  const clientId = options.clientId ?? UK_JOURNEY_CLIENT_ID;
  const requestHeaders: Record<string, string> = { 'x-wso2-client-id': clientId };
  if (options.idempotencyKey !== undefined) {
    requestHeaders['x-idempotency-key'] = options.idempotencyKey;
  }
  if (options.signature !== undefined) {
    requestHeaders['x-jws-signature'] = options.signature;
  }
  const creation = checked(
    await simulator.client.call('pre-process-consent-creation', {
      consentInitiationData: body,
      consentResourcePath: path,
      requestHeaders,
    }),
    'pre-process-consent-creation',
  );
  const resource = recordAt(expectAnswer(creation), 'consentResource');
  const status = options.status ?? 'AwaitingAuthorisation';
  expectValue('consentResource.status', status, resource?.status);
  expectValue('consentResource.receipt (the TPP body)', body, resource?.receipt);
  const consentId = simulator.store.createConsent(resource, clientId, options.idempotencyKey).id;
  const enrichment = checked(
    await simulator.client.call('enrich-consent-creation-response', {
      consentId,
      consentResourcePath: path,
      consentResource: simulator.store.detailedView(consentId),
    }),
    'enrich-consent-creation-response',
  );
  const response = recordAt(expectAnswer(enrichment), 'modifiedResponse');
  expectValue('modifiedResponse.Data.ConsentId', consentId, valueAtPath(response, ['Data', 'ConsentId']));
  expectValue('modifiedResponse.Data.Status', status, valueAtPath(response, ['Data', 'Status']));
  const self = valueAtPath(response, ['Links', 'Self']);
  expectThat(typeof self === 'string' && self.endsWith(`/${path}/${consentId}`), 'Links.Self naming the consent', () =>
    JSON.stringify(self),
  );
  return { consentId, path };
}

export async function signedPaymentCreation(
  simulator: IdentityServerSimulator,
  path: string,
  body: JsonRecord,
  options: CreationOptions = {},
): Promise<UkConsent> {
  return createUkConsent(simulator, path, body, {
    idempotencyKey: randomUUID(),
    signature: await signDetached(body),
    ...options,
  });
}

export async function populate(
  simulator: IdentityServerSimulator,
  consent: UkConsent,
  scope: string,
): Promise<JsonRecord> {
  const claims = buildRequestObjectClaims({ clientId: UK_JOURNEY_CLIENT_ID, consentId: consent.consentId, scope });
  const data = expectAnswer(await simulator.populateScreen(consent.consentId, UK_JOURNEY_USER, claims));
  consent.populateData = data;
  return isJsonRecord(data) ? data : {};
}

export function offeredAccounts(populateData: unknown): JsonRecord[] {
  const consentData = recordAt(populateData, 'consentData');
  return [
    ...(arrayAt(recordAt(populateData, 'consumerData'), 'accounts') ?? []),
    ...(arrayAt(consentData, 'initiatedAccountsForConsent') ?? []),
  ].filter(isJsonRecord);
}

export function displayNameOf(populateData: unknown, accountId: string): string {
  const accounts = offeredAccounts(populateData);
  const name = stringAt(
    accounts.find((account) => account.accountId === accountId),
    'displayName',
  );
  if (name === undefined) {
    throw new StepFailure(
      `account ${accountId} offered on the page`,
      JSON.stringify(accounts.map((account) => account.accountId)),
    );
  }
  return name;
}

export async function approve(
  simulator: IdentityServerSimulator,
  consent: UkConsent,
  accountId: string,
): Promise<string> {
  const populateData = required(consent.populateData, 'the populate answer');
  const exchange = await simulator.persist(
    consent.consentId,
    UK_JOURNEY_USER,
    populateData,
    selectAccounts(populateData, [displayNameOf(populateData, accountId)]),
    true,
  );
  expectValue(
    'consentResource.status',
    'Authorised',
    valueAtPath(expectAnswer(exchange), ['consentResource', 'status']),
  );
  const stored = simulator.store.get(consent.consentId);
  expectValue('stored status', 'Authorised', stored.status);
  expectValue('number of stored authorizations (user id echoed exactly)', 1, stored.authorizations.length);
  const mapped = new Set(
    stored.authorizations.flatMap((authorization) => authorization.mappings.map((mapping) => mapping.accountId)),
  );
  expectValue('mapped accounts', [accountId], [...mapped]);
  return `Authorised, ${stored.authorizations[0]?.mappings.length ?? 0} mapping(s) on ${accountId}`;
}

export async function access(
  simulator: IdentityServerSimulator,
  consent: UkConsent,
  electedResource: string,
  resource: string,
  httpMethod: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<SimulatedExchange> {
  return simulator.validateAccess(consent.consentId, {
    electedResource,
    resource,
    httpMethod,
    ...(body === undefined ? {} : { body }),
    ...(headers === undefined ? {} : { headers }),
  });
}

export function expectRefused(exchange: SimulatedExchange, errorCode: number, ukCode: string): string {
  const data = expectAnswer(exchange, { status: 'ERROR', errorCode });
  expectValue('data.errorMessage (the UK error code)', ukCode, valueAtPath(data, ['errorMessage']));
  return `refused with ${errorCode} ${ukCode}`;
}
