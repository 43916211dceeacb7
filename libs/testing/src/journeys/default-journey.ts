import { selectAccounts } from '../simulator/consent-page-submission.js';
import type { IdentityServerSimulator, SimulatedExchange } from '../simulator/identity-server.js';
import { arrayAt, isJsonRecord, recordAt, stringAt, valueAtPath, type JsonRecord } from '../simulator/json-values.js';
import { buildRequestObjectClaims } from '../simulator/request-object.js';
import {
  accountAccessConsentBody,
  ACCOUNTS_API,
  CONSENTED_ACCOUNT_ID,
  PAYABLE_ACCOUNT_ID,
  domesticPaymentConsentBody,
  domesticPaymentInitiation,
  domesticPaymentSubmission,
  JOURNEY_CLIENT_ID,
  JOURNEY_USER,
  OTHER_ACCOUNT_ID,
  PAYMENTS_API,
} from './default-journey-fixtures.js';
import type { Journey, JourneyStep } from './journey.js';
import { defineJourney } from './journey-runner.js';
import { expectAnswer, expectThat, expectValue, required, StepFailure } from './step-checks.js';

/*
 * The `default` specification end to end, as the identity server would drive it: an account-access consent from
 * creation to revocation, a denied consent with a retried and a conflicting persist, and a domestic payment consent
 * up to the submission check.
 */

interface ConsentUnderTest {
  readonly consentId: string;
  /** The enrich-consent-creation-response call made right after the creation. */
  readonly enrichment: SimulatedExchange;
  populateData?: unknown;
  persist?: SimulatedExchange;
}

interface DefaultJourneyState {
  accounts?: ConsentUnderTest;
  denied?: ConsentUnderTest;
  payment?: ConsentUnderTest;
}

type Step = JourneyStep<DefaultJourneyState>;

const STEP = {
  createAccounts: 'create an account-access consent',
  enrichAccounts: 'enrich the creation response',
  retrieveAccounts: 'retrieve the consent',
  populateAccounts: 'populate the consent screen',
  persistAccounts: 'persist the approval of one account',
  allowAccount: 'allow access to the consented account',
  refuseAccount: 'refuse access to another account',
  refusePermission: 'refuse a path the permissions do not cover',
  refreshToken: 'issue a refresh token',
  revokeAccounts: 'TPP revocation',
  retrieveRevoked: 'retrieval shows Revoked',
  createDenied: 'create a consent to deny',
  populateDenied: 'populate the consent to deny',
  persistDenied: 'persist the denial',
  retryPersist: 'a retried persist returns the identical body',
  conflictingPersist: 'the same requestId with another body is refused',
  createPayment: 'create a domestic payment consent',
  populatePayment: 'populate the payment screen',
  persistPayment: 'persist the payment with a payable account',
  allowSubmission: 'allow the matching payment submission',
  refuseSubmission: 'refuse a submission whose Initiation differs',
  authorizationRequest: 'validate the authorization request',
  errorMapping: 'map an accelerator error',
} as const;

function consentResourceOf(data: unknown): JsonRecord {
  const resource = recordAt(data, 'consentResource');
  if (resource === undefined) {
    throw new StepFailure('data.consentResource', JSON.stringify(data) ?? 'nothing');
  }
  return resource;
}

function consumerAccounts(populateData: unknown): JsonRecord[] {
  return (arrayAt(recordAt(populateData, 'consumerData'), 'accounts') ?? []).filter(isJsonRecord);
}

/** The page shows `displayName`s and posts them back: find the one of an account id in the populate answer. */
function displayNameOf(populateData: unknown, accountId: string): string {
  const accounts = consumerAccounts(populateData);
  const displayName = stringAt(
    accounts.find((account) => account.accountId === accountId),
    'displayName',
  );
  if (displayName === undefined) {
    throw new StepFailure(
      `consumer account ${accountId} with a displayName`,
      JSON.stringify(accounts.map((account) => account.accountId)),
    );
  }
  return displayName;
}

/** pre-process-consent-creation (checked here) then enrich-consent-creation-response (checked by its own step). */
async function createConsent(
  simulator: IdentityServerSimulator,
  path: string,
  body: JsonRecord,
  expectedType: string,
): Promise<{ consent: ConsentUnderTest; resource: JsonRecord }> {
  const created = await simulator.createConsent(path, body, JOURNEY_CLIENT_ID);
  const resource = consentResourceOf(expectAnswer(created.creation));
  expectValue('consentResource.type', expectedType, resource.type);
  expectValue('consentResource.status', 'AwaitingAuthorisation', resource.status);
  expectValue('consentResource.receipt (the TPP body)', body, resource.receipt);
  const consentId = required(created.consentId, 'a consent stored by the identity server');
  return {
    consent: { consentId, enrichment: required(created.enrichment, 'an enrich-consent-creation-response call') },
    resource,
  };
}

function checkEnrichment(consent: ConsentUnderTest): void {
  const data = expectAnswer(consent.enrichment);
  expectValue(
    'modifiedResponse.Data.ConsentId',
    consent.consentId,
    valueAtPath(data, ['modifiedResponse', 'Data', 'ConsentId']),
  );
  expectValue(
    'modifiedResponse.Data.Status',
    'AwaitingAuthorisation',
    valueAtPath(data, ['modifiedResponse', 'Data', 'Status']),
  );
}

async function populate(
  simulator: IdentityServerSimulator,
  consent: ConsentUnderTest,
  scope: string,
  expectedType: string,
): Promise<unknown> {
  const claims = buildRequestObjectClaims({ clientId: JOURNEY_CLIENT_ID, consentId: consent.consentId, scope });
  const data = expectAnswer(await simulator.populateScreen(consent.consentId, JOURNEY_USER, claims));
  expectValue('consentData.type', expectedType, valueAtPath(data, ['consentData', 'type']));
  consent.populateData = data;
  return data;
}

function expectStoredStatus(simulator: IdentityServerSimulator, consentId: string, status: string): void {
  expectValue(`stored status of consent ${consentId}`, status, simulator.store.get(consentId).status);
}

/** Approves one account, checks the answer and that the identity server stored an Authorised consent for it. */
async function approveOneAccount(
  simulator: IdentityServerSimulator,
  consent: ConsentUnderTest,
  accountId: string,
): Promise<string> {
  const populateData = required(consent.populateData, 'the populate answer');
  const selection = selectAccounts(populateData, [displayNameOf(populateData, accountId)]);
  consent.persist = await simulator.persist(consent.consentId, JOURNEY_USER, populateData, selection, true);
  expectValue('consentResource.status', 'Authorised', consentResourceOf(expectAnswer(consent.persist)).status);
  const stored = simulator.store.get(consent.consentId);
  expectValue('stored consent status', 'Authorised', stored.status);
  // The service must echo the logged-in user exactly, or the identity server adds a second authorization.
  expectValue('number of stored authorizations', 1, stored.authorizations.length);
  const authorization = stored.authorizations[0];
  expectValue('authorization user', JOURNEY_USER, authorization?.userId);
  expectValue('authorization status', 'Authorised', authorization?.status);
  const activeAccounts =
    authorization?.mappings.filter((mapping) => mapping.status === 'active').map((mapping) => mapping.accountId) ?? [];
  expectThat(activeAccounts.includes(accountId), `an active mapping for account ${accountId}`, () =>
    JSON.stringify(activeAccounts),
  );
  return `Authorised for ${JOURNEY_USER}, active mapping(s) ${[...new Set(activeAccounts)].join(', ')}`;
}

const accountAccessSteps: readonly Step[] = [
  {
    name: STEP.createAccounts,
    async run(simulator, state) {
      const { consent, resource } = await createConsent(
        simulator,
        'account-access-consents',
        accountAccessConsentBody(),
        'accounts',
      );
      expectValue(
        'authorizations',
        [{ type: 'authorisation', status: 'Created', resources: [] }],
        resource.authorizations,
      );
      state.accounts = consent;
      return `consent ${consent.consentId} AwaitingAuthorisation`;
    },
  },
  {
    name: STEP.enrichAccounts,
    dependsOn: [STEP.createAccounts],
    run(_simulator, state) {
      checkEnrichment(required(state.accounts, 'the account-access consent'));
      return Promise.resolve('modifiedResponse carries ConsentId and Status');
    },
  },
  {
    name: STEP.retrieveAccounts,
    dependsOn: [STEP.createAccounts],
    async run(simulator, state) {
      const consent = required(state.accounts, 'the account-access consent');
      const data = expectAnswer(await simulator.retrieveConsent(consent.consentId));
      expectValue(
        'modifiedResponse.Data.ConsentId',
        consent.consentId,
        valueAtPath(data, ['modifiedResponse', 'Data', 'ConsentId']),
      );
      expectValue(
        'modifiedResponse.Data.Status',
        'AwaitingAuthorisation',
        valueAtPath(data, ['modifiedResponse', 'Data', 'Status']),
      );
      return 'AwaitingAuthorisation';
    },
  },
  {
    name: STEP.populateAccounts,
    dependsOn: [STEP.createAccounts],
    async run(simulator, state) {
      const data = await populate(
        simulator,
        required(state.accounts, 'the account-access consent'),
        'openid accounts',
        'accounts',
      );
      const accountIds = consumerAccounts(data).map((account) => account.accountId);
      for (const accountId of [CONSENTED_ACCOUNT_ID, OTHER_ACCOUNT_ID]) {
        expectThat(accountIds.includes(accountId), `consumer account ${accountId}`, () => JSON.stringify(accountIds));
      }
      return `${accountIds.length} consumer accounts offered to ${JOURNEY_USER}`;
    },
  },
  {
    name: STEP.persistAccounts,
    dependsOn: [STEP.populateAccounts],
    run: (simulator, state) =>
      approveOneAccount(simulator, required(state.accounts, 'the account-access consent'), CONSENTED_ACCOUNT_ID),
  },
  {
    name: STEP.allowAccount,
    dependsOn: [STEP.persistAccounts],
    async run(simulator, state) {
      const { consentId } = required(state.accounts, 'the account-access consent');
      const resource = `${ACCOUNTS_API}/accounts/${CONSENTED_ACCOUNT_ID}`;
      expectAnswer(
        await simulator.validateAccess(consentId, {
          electedResource: '/accounts/{AccountId}',
          resource,
          httpMethod: 'GET',
        }),
      );
      return `GET ${resource} allowed`;
    },
  },
  {
    name: STEP.refuseAccount,
    dependsOn: [STEP.persistAccounts],
    async run(simulator, state) {
      const { consentId } = required(state.accounts, 'the account-access consent');
      const resource = `${ACCOUNTS_API}/accounts/${OTHER_ACCOUNT_ID}`;
      expectAnswer(
        await simulator.validateAccess(consentId, {
          electedResource: '/accounts/{AccountId}',
          resource,
          httpMethod: 'GET',
        }),
        { status: 'ERROR', errorCode: 401 },
      );
      return `GET ${resource} refused with 401`;
    },
  },
  {
    name: STEP.refusePermission,
    dependsOn: [STEP.persistAccounts],
    async run(simulator, state) {
      const { consentId } = required(state.accounts, 'the account-access consent');
      const resource = `${ACCOUNTS_API}/accounts/${CONSENTED_ACCOUNT_ID}/balances`;
      expectAnswer(
        await simulator.validateAccess(consentId, {
          electedResource: '/accounts/{AccountId}/balances',
          resource,
          httpMethod: 'GET',
        }),
        { status: 'ERROR', errorCode: 403 },
      );
      return `GET ${resource} refused with 403 (no ReadBalances)`;
    },
  },
  {
    name: STEP.refreshToken,
    dependsOn: [STEP.persistAccounts],
    async run(simulator, state) {
      const exchange = await simulator.issueRefreshToken(
        required(state.accounts, 'the account-access consent').consentId,
      );
      const decision = valueAtPath(expectAnswer(exchange), ['issueRefreshToken']);
      expectThat(
        typeof decision === 'boolean',
        'issueRefreshToken as a boolean',
        () => JSON.stringify(decision) ?? 'nothing',
      );
      return exchange.reaction.description;
    },
  },
  {
    name: STEP.revokeAccounts,
    dependsOn: [STEP.persistAccounts],
    async run(simulator, state) {
      const { consentId } = required(state.accounts, 'the account-access consent');
      const data = expectAnswer(await simulator.revoke(consentId));
      expectValue('revocationStatusName', 'Revoked', valueAtPath(data, ['revocationStatusName']));
      expectValue(
        'requireTokenRevocation (the consent was Authorised)',
        true,
        valueAtPath(data, ['requireTokenRevocation']),
      );
      expectStoredStatus(simulator, consentId, 'Revoked');
      const mappings = simulator.store.get(consentId).authorizations.flatMap((authorization) => authorization.mappings);
      expectThat(
        mappings.every((mapping) => mapping.status === 'inactive'),
        'every mapping inactive',
        () => JSON.stringify(mappings),
      );
      return 'Revoked, tokens to revoke, mappings inactive';
    },
  },
  {
    name: STEP.retrieveRevoked,
    dependsOn: [STEP.revokeAccounts],
    async run(simulator, state) {
      const data = expectAnswer(
        await simulator.retrieveConsent(required(state.accounts, 'the account-access consent').consentId),
      );
      expectValue('modifiedResponse.Data.Status', 'Revoked', valueAtPath(data, ['modifiedResponse', 'Data', 'Status']));
      return 'Revoked';
    },
  },
];

const denialSteps: readonly Step[] = [
  {
    name: STEP.createDenied,
    async run(simulator, state) {
      const { consent } = await createConsent(
        simulator,
        'account-access-consents',
        accountAccessConsentBody(),
        'accounts',
      );
      checkEnrichment(consent);
      state.denied = consent;
      return `consent ${consent.consentId} AwaitingAuthorisation`;
    },
  },
  {
    name: STEP.populateDenied,
    dependsOn: [STEP.createDenied],
    async run(simulator, state) {
      await populate(simulator, required(state.denied, 'the consent to deny'), 'openid accounts', 'accounts');
      return 'consent page data received';
    },
  },
  {
    name: STEP.persistDenied,
    dependsOn: [STEP.populateDenied],
    async run(simulator, state) {
      const consent = required(state.denied, 'the consent to deny');
      const populateData = required(consent.populateData, 'the populate answer');
      consent.persist = await simulator.persist(consent.consentId, JOURNEY_USER, populateData, {}, false);
      expectValue('consentResource.status', 'Rejected', consentResourceOf(expectAnswer(consent.persist)).status);
      expectStoredStatus(simulator, consent.consentId, 'Rejected');
      return 'Rejected';
    },
  },
  {
    name: STEP.retryPersist,
    dependsOn: [STEP.persistDenied],
    async run(simulator, state) {
      const original = required(required(state.denied, 'the denied consent').persist, 'the persist answer');
      const replay = await simulator.resend(original);
      expectAnswer({ ...replay, extension: original.extension });
      expectThat(
        replay.rawText === original.rawText,
        'the identical body',
        () => `${replay.rawText} instead of ${original.rawText}`,
      );
      return `requestId ${original.requestId} replayed`;
    },
  },
  {
    name: STEP.conflictingPersist,
    dependsOn: [STEP.persistDenied],
    async run(simulator, state) {
      const original = required(required(state.denied, 'the denied consent').persist, 'the persist answer');
      const conflicting = await simulator.client.call(
        original.extension,
        { ...original.requestData, isApproved: true },
        { requestId: original.requestId },
      );
      expectAnswer({ ...conflicting, extension: original.extension }, { httpStatus: 400 });
      return 'HTTP 400';
    },
  },
];

const paymentSteps: readonly Step[] = [
  {
    name: STEP.createPayment,
    async run(simulator, state) {
      const { consent, resource } = await createConsent(
        simulator,
        'domestic-payment-consents',
        domesticPaymentConsentBody(),
        'payments',
      );
      expectValue('consentResource.validityTime of a payment', 0, resource.validityTime);
      checkEnrichment(consent);
      state.payment = consent;
      return `consent ${consent.consentId} AwaitingAuthorisation`;
    },
  },
  {
    name: STEP.populatePayment,
    dependsOn: [STEP.createPayment],
    async run(simulator, state) {
      const data = await populate(
        simulator,
        required(state.payment, 'the payment consent'),
        'openid payments',
        'payments',
      );
      displayNameOf(data, PAYABLE_ACCOUNT_ID);
      if (consumerAccounts(data).some((account) => account.accountId === CONSENTED_ACCOUNT_ID)) {
        throw new StepFailure(
          'only payable accounts on a payment screen',
          `the savings account ${CONSENTED_ACCOUNT_ID} offered`,
        );
      }
      return `${consumerAccounts(data).length} payable accounts offered`;
    },
  },
  {
    name: STEP.persistPayment,
    dependsOn: [STEP.populatePayment],
    run: (simulator, state) =>
      approveOneAccount(simulator, required(state.payment, 'the payment consent'), PAYABLE_ACCOUNT_ID),
  },
  {
    name: STEP.allowSubmission,
    dependsOn: [STEP.persistPayment],
    async run(simulator, state) {
      const { consentId } = required(state.payment, 'the payment consent');
      const body = domesticPaymentSubmission(consentId, domesticPaymentInitiation());
      expectAnswer(
        await simulator.validateAccess(consentId, {
          electedResource: '/domestic-payments',
          resource: `${PAYMENTS_API}/domestic-payments`,
          httpMethod: 'POST',
          body,
        }),
      );
      return 'POST /domestic-payments allowed';
    },
  },
  {
    name: STEP.refuseSubmission,
    dependsOn: [STEP.persistPayment],
    async run(simulator, state) {
      const { consentId } = required(state.payment, 'the payment consent');
      const initiation = { ...domesticPaymentInitiation(), InstructedAmount: { Amount: '999.99', Currency: 'GBP' } };
      const body = domesticPaymentSubmission(consentId, initiation);
      expectAnswer(
        await simulator.validateAccess(consentId, {
          electedResource: '/domestic-payments',
          resource: `${PAYMENTS_API}/domestic-payments`,
          httpMethod: 'POST',
          body,
        }),
        { status: 'ERROR', errorCode: 400 },
      );
      return 'refused with 400';
    },
  },
];

const otherPointSteps: readonly Step[] = [
  {
    name: STEP.authorizationRequest,
    dependsOn: [STEP.createAccounts],
    async run(simulator, state) {
      const claims = buildRequestObjectClaims({
        clientId: JOURNEY_CLIENT_ID,
        consentId: required(state.accounts, 'the account-access consent').consentId,
      });
      expectAnswer(await simulator.validateAuthorizationRequest(claims));
      return 'request object accepted';
    },
  },
  {
    name: STEP.errorMapping,
    async run(simulator) {
      const exchange = await simulator.mapError(400, 'Consent not found', 'consent_retrieve');
      expectAnswer(exchange, {
        status: isJsonRecord(exchange.body) && exchange.body.status === 'ERROR' ? 'ERROR' : 'SUCCESS',
        reaction: 'accepted',
      });
      expectValue('errorCode', 400, valueAtPath(exchange.body, ['errorCode']));
      return exchange.reaction.description;
    },
  },
];

export const DEFAULT_JOURNEY: Journey = defineJourney<DefaultJourneyState>({
  name: 'default',
  description:
    'Account access from creation to revocation, a denied consent with retry and idempotency conflict, and a domestic payment.',
  createState: () => ({}),
  steps: [...accountAccessSteps, ...denialSteps, ...paymentSteps, ...otherPointSteps],
});
