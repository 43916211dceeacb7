import { buildAuthorizedResources, selectAccounts } from '../simulator/consent-page-submission.js';
import type { IdentityServerSimulator } from '../simulator/identity-server.js';
import { arrayAt, isJsonRecord, recordAt, stringAt, type JsonRecord } from '../simulator/json-values.js';
import { expectAnswer, expectThat, expectValue, required, StepFailure, type AnswerExpectation } from './step-checks.js';
import { UAE_JOURNEY_CLIENT_ID } from './uae-journey-fixtures.js';

/*
 * The PAR flow of UAE as the identity server runs it for a request object with `authorization_details` (a flow that
 * is not pre-initiated, contract §4.9, §4.10): populate without a consent, persist without `consentResource`, and the
 * identity server creating the consent from the persist answer. The simulator has no helper for this flow, so its
 * client and store are driven directly here, exactly as the Java callers do.
 */

/** A consent created by persist: the identity server's id and the TPP's ConsentId. */
export interface UaeCreatedConsent {
  readonly isConsentId: string;
  readonly tppConsentId: string;
}

export async function validateUaeRequestObject(
  simulator: IdentityServerSimulator,
  claims: JsonRecord,
  expectation?: AnswerExpectation,
): Promise<unknown> {
  return expectAnswer(await simulator.validateAuthorizationRequest(claims), expectation);
}

/** populate-consent-authorize-screen with no consent id and `consentResource: {}`: the claims carry the consent. */
export async function populateUaeScreen(
  simulator: IdentityServerSimulator,
  userId: string,
  claims: JsonRecord,
  expectation?: AnswerExpectation,
): Promise<unknown> {
  const answer = await simulator.client.call('populate-consent-authorize-screen', {
    userId,
    requestParameters: claims,
    consentResource: {},
  });
  return expectAnswer({ ...answer, extension: 'populate-consent-authorize-screen' }, expectation);
}

export function uaeConsumerAccountIds(populateData: unknown): string[] {
  return (arrayAt(recordAt(populateData, 'consumerData'), 'accounts') ?? [])
    .filter(isJsonRecord)
    .map((account) => stringAt(account, 'accountId'))
    .filter((id): id is string => id !== undefined);
}

function displayNameOf(populateData: unknown, accountId: string): string {
  const accounts = [
    ...(arrayAt(recordAt(populateData, 'consumerData'), 'accounts') ?? []),
    ...(arrayAt(recordAt(populateData, 'consentData'), 'initiatedAccountsForConsent') ?? []),
  ].filter(isJsonRecord);
  const name = stringAt(
    accounts.find((account) => account.accountId === accountId),
    'displayName',
  );
  if (name === undefined) {
    throw new StepFailure(
      `an offered account ${accountId}`,
      JSON.stringify(accounts.map((account) => account.accountId)),
    );
  }
  return name;
}

/**
 * The customer approves one account; persist runs without `consentResource`, must answer the five fields of a new
 * consent, and the identity server then creates the consent under its own id (contract §3.4).
 */
export async function approveUaeConsent(
  simulator: IdentityServerSimulator,
  userId: string,
  claims: JsonRecord,
  populateData: unknown,
  accountId: string,
): Promise<UaeCreatedConsent> {
  const selection = selectAccounts(populateData, [displayNameOf(populateData, accountId)]);
  const authorizedResources = buildAuthorizedResources(populateData, { userId, approve: true, selection });
  const answer = await simulator.client.call('persist-authorized-consent', {
    isApproved: true,
    userGrantedData: { userId, requestParameters: claims, authorizedResources },
  });
  const data = expectAnswer({ ...answer, extension: 'persist-authorized-consent' });
  const resource = required(recordAt(data, 'consentResource'), 'data.consentResource');
  for (const field of ['type', 'status', 'frequency', 'validityTime', 'recurringIndicator']) {
    expectThat(resource[field] !== undefined, `consentResource.${field} (required for a new consent)`, () =>
      JSON.stringify(resource),
    );
  }
  const stored = simulator.store.createConsent(resource, UAE_JOURNEY_CLIENT_ID);
  const tppConsentId = required(
    stringAt(recordAt(resource, 'attributes'), 'UaeConsentId'),
    'the UaeConsentId attribute',
  );
  const mappings = stored.authorizations.flatMap((authorization) =>
    authorization.mappings.filter((mapping) => mapping.status === 'active'),
  );
  expectValue(
    'active mapped accounts',
    [accountId],
    mappings.map((mapping) => mapping.accountId),
  );
  return { isConsentId: stored.id, tppConsentId };
}

/** The UAE body of a stored consent, through pre-process-consent-retrieval. */
export async function retrieveUaeConsent(
  simulator: IdentityServerSimulator,
  consent: UaeCreatedConsent,
  path: string,
): Promise<JsonRecord> {
  const data = expectAnswer(await simulator.retrieveConsent(consent.isConsentId, `${path}/${consent.isConsentId}`));
  return required(recordAt(recordAt(data, 'modifiedResponse'), 'Data'), 'modifiedResponse.Data');
}
