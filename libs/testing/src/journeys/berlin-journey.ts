import { selectAccounts } from '../simulator/consent-page-submission.js';
import type { IdentityServerSimulator } from '../simulator/identity-server.js';
import { arrayAt, isJsonRecord, recordAt, stringAt, valueAtPath, type JsonRecord } from '../simulator/json-values.js';
import { buildRequestObjectClaims } from '../simulator/request-object.js';
import {
  berlinConsentBody,
  BERLIN_API,
  BERLIN_CLIENT_ID,
  BERLIN_SECOND_APPROVER,
  BERLIN_USER,
  BUSINESS_ACCOUNT,
  berlinDataCallHeaders,
  EURO_ACCOUNT,
  berlinInitiationHeaders,
  berlinIsoDate,
  berlinPeriodicPaymentBody,
  SALARY_ACCOUNT,
  berlinSepaPaymentBody,
} from './berlin-journey-fixtures.js';
import {
  attemptBerlinCreation,
  createBerlinResource,
  deleteBerlinResource,
  retrieveBerlinResource,
  type CreatedBerlinResource,
} from './berlin-journey-tpp.js';
import type { Journey, JourneyStep } from './journey.js';
import { defineJourney } from './journey-runner.js';
import { expectAnswer, expectThat, expectValue, required, StepFailure, type CheckedAnswer } from './step-checks.js';

/*
 * The `berlin` specification end to end: dedicated, bank-offered and global AIS consents through approval, data
 * access, frequency exhaustion with concurrent calls, expiry and TPP deletion; a single and a periodic SEPA payment; a
 * funds-confirmation consent; and a consent on a business account that two holders must approve.
 */

interface BerlinJourneyState {
  dedicated?: CreatedBerlinResource;
  bankOffered?: CreatedBerlinResource;
  global?: CreatedBerlinResource;
  expiring?: CreatedBerlinResource;
  payment?: CreatedBerlinResource;
  periodic?: CreatedBerlinResource;
  funds?: CreatedBerlinResource;
  multilevel?: CreatedBerlinResource;
  populateData: Record<string, unknown>;
}

type Step = JourneyStep<BerlinJourneyState>;

/** The Berlin Group error of a relayed answer: HTTP `errorCode` and `tppMessages[0].code`. */
function expectTppError(answer: CheckedAnswer, errorCode: number, code: string): string {
  const data = expectAnswer(answer, { status: 'ERROR', errorCode });
  const first = (arrayAt(data, 'tppMessages') ?? [])[0];
  expectValue('tppMessages[0].code', code, stringAt(first, 'code'));
  return `${errorCode} ${code}: ${stringAt(first, 'text') ?? ''}`;
}

/** A refused API call: HTTP `errorCode` and the Berlin Group code as the gateway's error code. */
function expectAccessRefused(answer: CheckedAnswer, errorCode: number, code: string): string {
  const data = expectAnswer(answer, { status: 'ERROR', errorCode });
  expectValue('errorMessage (the Berlin Group code)', code, stringAt(data, 'errorMessage'));
  expectValue('tppMessages[0].code', code, stringAt((arrayAt(data, 'tppMessages') ?? [])[0], 'code'));
  return `${errorCode} ${code}`;
}

async function create(
  simulator: IdentityServerSimulator,
  path: string,
  body: JsonRecord,
  expectedStatus: string,
): Promise<CreatedBerlinResource> {
  const created = await createBerlinResource(simulator, path, body, berlinInitiationHeaders());
  expectValue('consentResource.status', expectedStatus, created.resource.status);
  expectValue('consentResource.receipt (the TPP body)', body, created.resource.receipt);
  const response = recordAt(created.response, 'modifiedResponse');
  const statusKey = path.startsWith('consents') ? 'consentStatus' : 'transactionStatus';
  const idKey = path.startsWith('consents') ? 'consentId' : 'paymentId';
  expectValue(`modifiedResponse.${statusKey}`, expectedStatus, response?.[statusKey]);
  expectValue(`modifiedResponse.${idKey}`, created.consentId, response?.[idKey]);
  for (const link of ['scaRedirect', 'self', 'status', 'scaStatus']) {
    expectThat(typeof valueAtPath(response, ['_links', link, 'href']) === 'string', `_links.${link}.href`, () =>
      JSON.stringify(response?._links),
    );
  }
  return created;
}

async function populate(
  simulator: IdentityServerSimulator,
  state: BerlinJourneyState,
  created: CreatedBerlinResource,
  userId: string,
  scope: string,
): Promise<unknown> {
  const claims = buildRequestObjectClaims({ clientId: BERLIN_CLIENT_ID, consentId: created.consentId, scope });
  const data = expectAnswer(await simulator.populateScreen(created.consentId, userId, claims));
  state.populateData[`${created.consentId}:${userId}`] = data;
  return data;
}

function screenAccountIds(populateData: unknown, field: 'initiated' | 'consumer'): string[] {
  const accounts =
    field === 'initiated'
      ? arrayAt(recordAt(populateData, 'consentData'), 'initiatedAccountsForConsent')
      : arrayAt(recordAt(populateData, 'consumerData'), 'accounts');
  return (accounts ?? []).filter(isJsonRecord).map((account) => String(account.accountId));
}

function displayNameOf(populateData: unknown, accountId: string): string {
  const accounts = (arrayAt(recordAt(populateData, 'consumerData'), 'accounts') ?? []).filter(isJsonRecord);
  const displayName = stringAt(
    accounts.find((account) => account.accountId === accountId),
    'displayName',
  );
  if (displayName === undefined) {
    throw new StepFailure(`consumer account ${accountId}`, JSON.stringify(accounts));
  }
  return displayName;
}

async function approve(
  simulator: IdentityServerSimulator,
  state: BerlinJourneyState,
  created: CreatedBerlinResource,
  userId: string,
  expectedStatus: string,
  chosen: readonly string[] = [],
): Promise<string> {
  const populateData = required(state.populateData[`${created.consentId}:${userId}`], 'the populate answer');
  const selection =
    chosen.length === 0
      ? {}
      : selectAccounts(
          populateData,
          chosen.map((accountId) => displayNameOf(populateData, accountId)),
        );
  const persist = await simulator.persist(created.consentId, userId, populateData, selection, true);
  expectValue('consentResource.status', expectedStatus, recordAt(expectAnswer(persist), 'consentResource')?.status);
  expectValue('stored consent status', expectedStatus, simulator.store.get(created.consentId).status);
  const mappings = simulator.store
    .get(created.consentId)
    .authorizations.flatMap((authorization) =>
      authorization.mappings.map((mapping) => `${mapping.accountId}:${mapping.permission}`),
    );
  return `${expectedStatus}; mappings ${[...new Set(mappings)].join(', ')}`;
}

function accessCall(
  simulator: IdentityServerSimulator,
  created: CreatedBerlinResource,
  subPath: string,
  customerPresent: boolean,
  userId?: string,
): Promise<CheckedAnswer> {
  const template = subPath.replace(/\/accounts\/[^/]+/, '/accounts/{account-id}');
  return simulator.validateAccess(created.consentId, {
    electedResource: `${BERLIN_API}${template}`,
    resource: `${BERLIN_API}${subPath}`,
    httpMethod: 'GET',
    headers: berlinDataCallHeaders(created.consentId, customerPresent),
    ...(userId === undefined ? {} : { userId }),
  });
}

const STEP = {
  createDedicated: 'create a dedicated AIS consent (balances and transactions of one IBAN)',
  retrieveDedicated: 'GET the consent: received, validUntil capped, frequencyPerDay 4',
  populateDedicated: 'the consent screen shows the named account and what is shared',
  persistDedicated: 'approval makes the consent valid',
  allowBalances: 'balances of the consented account are allowed',
  refuseOtherAccount: 'another account is refused with 401 CONSENT_INVALID',
  frequency: 'concurrent calls without the customer: exactly frequencyPerDay succeed, the rest 429 ACCESS_EXCEEDED',
  refreshToken: 'a refresh token is issued within validity',
  deleteDedicated: 'TPP DELETE makes the consent terminatedByTpp',
  afterDelete: 'a terminated consent is refused, reads terminatedByTpp and cannot be deleted again',
  createBankOffered: 'create a bank-offered AIS consent (empty arrays, one-off)',
  approveBankOffered: 'the customer chooses an account on the consent page',
  useBankOffered: 'the chosen account is allowed, the others are refused',
  createGlobal: 'create a global (allPsd2) consent',
  approveGlobal: 'a global consent covers every account of the customer',
  useGlobal: 'transactions of any account of the customer are allowed',
  expiry: 'an expired consent is refused with 401 CONSENT_EXPIRED and reads expired',
  createPayment: 'initiate a single SEPA credit transfer (RCVD)',
  approvePayment: 'the payment is authorised from the debtor account (ACCP)',
  paymentStatus: 'GET the payment status',
  createPeriodic: 'initiate a periodic SEPA payment',
  approvePeriodic: 'the standing order is authorised and then cancelled by the TPP (CANC)',
  createFunds: 'create a funds-confirmation consent',
  useFunds: 'approve it and confirm funds on its account only',
  createMultilevel: 'create a consent on a business account (two approvers)',
  firstApproval: 'the first holder leaves it partiallyAuthorised, not yet usable',
  secondApproval: 'the second holder makes it valid',
  invalidCreation: 'a creation without X-Request-ID is 400 FORMAT_ERROR',
  errorMapping: 'an accelerator "Consent not found" is 403 CONSENT_UNKNOWN',
} as const;

const dedicatedSteps: readonly Step[] = [
  {
    name: STEP.createDedicated,
    async run(simulator, state) {
      const body = berlinConsentBody({
        balances: [{ iban: EURO_ACCOUNT.iban }],
        transactions: [{ iban: EURO_ACCOUNT.iban }],
      });
      state.dedicated = await create(simulator, 'consents', body, 'received');
      expectValue('consentResource.frequency', 4, state.dedicated.resource.frequency);
      return `consent ${state.dedicated.consentId} received`;
    },
  },
  {
    name: STEP.retrieveDedicated,
    dependsOn: [STEP.createDedicated],
    async run(simulator, state) {
      const consent = required(state.dedicated, 'the dedicated consent');
      const body = recordAt(
        expectAnswer(
          await retrieveBerlinResource(
            simulator,
            consent.consentId,
            consent.path,
            berlinDataCallHeaders(consent.consentId, true),
          ),
        ),
        'modifiedResponse',
      );
      expectValue('consentStatus', 'received', body?.consentStatus);
      expectValue('frequencyPerDay', 4, body?.frequencyPerDay);
      expectThat(
        typeof body?.validUntil === 'string' && body.validUntil < '9999-12-31',
        'validUntil shortened from 9999-12-31',
        () => String(body?.validUntil),
      );
      return `validUntil ${String(body?.validUntil)}, lastActionDate ${String(body?.lastActionDate)}`;
    },
  },
  {
    name: STEP.populateDedicated,
    dependsOn: [STEP.createDedicated],
    async run(simulator, state) {
      const data = await populate(
        simulator,
        state,
        required(state.dedicated, 'the dedicated consent'),
        BERLIN_USER,
        'openid accounts',
      );
      expectValue('initiated accounts', [EURO_ACCOUNT.accountId], screenAccountIds(data, 'initiated'));
      return JSON.stringify(valueAtPath(data, ['consentData', 'basicConsentData']));
    },
  },
  {
    name: STEP.persistDedicated,
    dependsOn: [STEP.populateDedicated],
    run: (simulator, state) =>
      approve(simulator, state, required(state.dedicated, 'the dedicated consent'), BERLIN_USER, 'valid'),
  },
  {
    name: STEP.allowBalances,
    dependsOn: [STEP.persistDedicated],
    async run(simulator, state) {
      expectAnswer(
        await accessCall(
          simulator,
          required(state.dedicated, 'the dedicated consent'),
          `/accounts/${EURO_ACCOUNT.accountId}/balances`,
          true,
        ),
      );
      return 'allowed';
    },
  },
  {
    name: STEP.refuseOtherAccount,
    dependsOn: [STEP.persistDedicated],
    async run(simulator, state) {
      return expectAccessRefused(
        await accessCall(
          simulator,
          required(state.dedicated, 'the dedicated consent'),
          `/accounts/${SALARY_ACCOUNT.accountId}/balances`,
          true,
        ),
        401,
        'CONSENT_INVALID',
      );
    },
  },
  {
    name: STEP.frequency,
    dependsOn: [STEP.persistDedicated],
    async run(simulator, state) {
      const consent = required(state.dedicated, 'the dedicated consent');
      const answers = await Promise.all(
        Array.from({ length: 7 }, () =>
          accessCall(simulator, consent, `/accounts/${EURO_ACCOUNT.accountId}/transactions`, false),
        ),
      );
      const accepted = answers.filter((answer) => isJsonRecord(answer.body) && answer.body.status === 'SUCCESS');
      expectValue('calls accepted out of 7 concurrent ones', 4, accepted.length);
      for (const answer of answers.filter((candidate) => !accepted.includes(candidate))) {
        expectAccessRefused(answer, 429, 'ACCESS_EXCEEDED');
      }
      // Counted per account and endpoint: balances of the same account still have their own quota.
      expectAnswer(await accessCall(simulator, consent, `/accounts/${EURO_ACCOUNT.accountId}/balances`, false));
      return '4 accepted, 3 refused with 429 ACCESS_EXCEEDED; balances still allowed';
    },
  },
  {
    name: STEP.refreshToken,
    dependsOn: [STEP.persistDedicated],
    async run(simulator, state) {
      const data = expectAnswer(
        await simulator.issueRefreshToken(required(state.dedicated, 'the dedicated consent').consentId),
      );
      expectValue('issueRefreshToken', true, valueAtPath(data, ['issueRefreshToken']));
      return 'issued';
    },
  },
  {
    name: STEP.deleteDedicated,
    dependsOn: [STEP.persistDedicated],
    async run(simulator, state) {
      const consent = required(state.dedicated, 'the dedicated consent');
      const data = expectAnswer(
        await deleteBerlinResource(
          simulator,
          consent.consentId,
          consent.path,
          berlinDataCallHeaders(consent.consentId, true),
        ),
      );
      expectValue('revocationStatusName', 'terminatedByTpp', valueAtPath(data, ['revocationStatusName']));
      expectValue('requireTokenRevocation', true, valueAtPath(data, ['requireTokenRevocation']));
      return 'terminatedByTpp, tokens revoked';
    },
  },
  {
    name: STEP.afterDelete,
    dependsOn: [STEP.deleteDedicated],
    async run(simulator, state) {
      const consent = required(state.dedicated, 'the dedicated consent');
      expectAccessRefused(
        await accessCall(simulator, consent, `/accounts/${EURO_ACCOUNT.accountId}/balances`, true),
        401,
        'CONSENT_INVALID',
      );
      const status = expectAnswer(
        await retrieveBerlinResource(
          simulator,
          consent.consentId,
          `${consent.path}/status`,
          berlinDataCallHeaders(consent.consentId, true),
        ),
      );
      expectValue('consentStatus', 'terminatedByTpp', valueAtPath(status, ['modifiedResponse', 'consentStatus']));
      return expectTppError(
        await deleteBerlinResource(
          simulator,
          consent.consentId,
          consent.path,
          berlinDataCallHeaders(consent.consentId, true),
        ),
        409,
        'STATUS_INVALID',
      );
    },
  },
];

const bankOfferedAndGlobalSteps: readonly Step[] = [
  {
    name: STEP.createBankOffered,
    async run(simulator, state) {
      const body = berlinConsentBody(
        { accounts: [], balances: [] },
        { recurringIndicator: false, frequencyPerDay: 1, validUntil: berlinIsoDate(30) },
      );
      state.bankOffered = await create(simulator, 'consents', body, 'received');
      return `consent ${state.bankOffered.consentId} received`;
    },
  },
  {
    name: STEP.approveBankOffered,
    dependsOn: [STEP.createBankOffered],
    async run(simulator, state) {
      const consent = required(state.bankOffered, 'the bank-offered consent');
      const data = await populate(simulator, state, consent, BERLIN_USER, 'openid accounts');
      expectThat(
        screenAccountIds(data, 'consumer').includes(EURO_ACCOUNT.accountId),
        'the customer accounts to choose from',
        () => JSON.stringify(screenAccountIds(data, 'consumer')),
      );
      return approve(simulator, state, consent, BERLIN_USER, 'valid', [EURO_ACCOUNT.accountId]);
    },
  },
  {
    name: STEP.useBankOffered,
    dependsOn: [STEP.approveBankOffered],
    async run(simulator, state) {
      const consent = required(state.bankOffered, 'the bank-offered consent');
      expectAnswer(await accessCall(simulator, consent, `/accounts/${EURO_ACCOUNT.accountId}/balances`, true));
      return expectAccessRefused(
        await accessCall(simulator, consent, `/accounts/${SALARY_ACCOUNT.accountId}`, true),
        401,
        'CONSENT_INVALID',
      );
    },
  },
  {
    name: STEP.createGlobal,
    async run(simulator, state) {
      state.global = await create(simulator, 'consents', berlinConsentBody({ allPsd2: 'allAccounts' }), 'received');
      return `consent ${state.global.consentId} received`;
    },
  },
  {
    name: STEP.approveGlobal,
    dependsOn: [STEP.createGlobal],
    async run(simulator, state) {
      const consent = required(state.global, 'the global consent');
      const data = await populate(simulator, state, consent, BERLIN_USER, 'openid accounts');
      for (const accountId of [EURO_ACCOUNT.accountId, SALARY_ACCOUNT.accountId, BUSINESS_ACCOUNT.accountId]) {
        expectThat(screenAccountIds(data, 'initiated').includes(accountId), `account ${accountId} on the screen`, () =>
          JSON.stringify(screenAccountIds(data, 'initiated')),
        );
      }
      return approve(simulator, state, consent, BERLIN_USER, 'valid');
    },
  },
  {
    name: STEP.useGlobal,
    dependsOn: [STEP.approveGlobal],
    async run(simulator, state) {
      const consent = required(state.global, 'the global consent');
      expectAnswer(await accessCall(simulator, consent, `/accounts/${SALARY_ACCOUNT.accountId}/transactions`, true));
      expectAnswer(await accessCall(simulator, consent, '/accounts', false));
      return 'transactions and the account list allowed';
    },
  },
  {
    name: STEP.expiry,
    async run(simulator, state) {
      const consent = await create(
        simulator,
        'consents',
        berlinConsentBody(
          { accounts: [{ iban: SALARY_ACCOUNT.iban }] },
          { recurringIndicator: false, frequencyPerDay: 1, validUntil: berlinIsoDate(0) },
        ),
        'received',
      );
      state.expiring = consent;
      await populate(simulator, state, consent, BERLIN_USER, 'openid accounts');
      await approve(simulator, state, consent, BERLIN_USER, 'valid');
      // The identity server's expiry job marks the consent once its validityTime has passed.
      simulator.store.updateStatus(consent.consentId, 'expired');
      const refused = expectAccessRefused(
        await accessCall(simulator, consent, `/accounts/${SALARY_ACCOUNT.accountId}`, true),
        401,
        'CONSENT_EXPIRED',
      );
      const status = expectAnswer(
        await retrieveBerlinResource(
          simulator,
          consent.consentId,
          `${consent.path}/status`,
          berlinDataCallHeaders(consent.consentId, true),
        ),
      );
      expectValue('consentStatus', 'expired', valueAtPath(status, ['modifiedResponse', 'consentStatus']));
      return refused;
    },
  },
];

const paymentAndFundsSteps: readonly Step[] = [
  {
    name: STEP.createPayment,
    async run(simulator, state) {
      state.payment = await create(
        simulator,
        'payments/sepa-credit-transfers',
        berlinSepaPaymentBody(EURO_ACCOUNT.iban),
        'RCVD',
      );
      return `payment ${state.payment.consentId} RCVD`;
    },
  },
  {
    name: STEP.approvePayment,
    dependsOn: [STEP.createPayment],
    async run(simulator, state) {
      const payment = required(state.payment, 'the payment');
      const data = await populate(simulator, state, payment, BERLIN_USER, 'openid payments');
      expectValue('debtor account on the screen', [EURO_ACCOUNT.accountId], screenAccountIds(data, 'initiated'));
      return approve(simulator, state, payment, BERLIN_USER, 'ACCP');
    },
  },
  {
    name: STEP.paymentStatus,
    dependsOn: [STEP.approvePayment],
    async run(simulator, state) {
      const payment = required(state.payment, 'the payment');
      const data = expectAnswer(
        await retrieveBerlinResource(
          simulator,
          payment.consentId,
          `${payment.path}/status`,
          berlinDataCallHeaders(payment.consentId, true),
        ),
      );
      expectValue('transactionStatus', 'ACCP', valueAtPath(data, ['modifiedResponse', 'transactionStatus']));
      return expectTppError(
        await deleteBerlinResource(
          simulator,
          payment.consentId,
          payment.path,
          berlinDataCallHeaders(payment.consentId, true),
        ),
        405,
        'CANCELLATION_INVALID',
      );
    },
  },
  {
    name: STEP.createPeriodic,
    async run(simulator, state) {
      state.periodic = await create(
        simulator,
        'periodic-payments/sepa-credit-transfers',
        berlinPeriodicPaymentBody(EURO_ACCOUNT.iban),
        'RCVD',
      );
      return `payment ${state.periodic.consentId} RCVD`;
    },
  },
  {
    name: STEP.approvePeriodic,
    dependsOn: [STEP.createPeriodic],
    async run(simulator, state) {
      const payment = required(state.periodic, 'the periodic payment');
      await populate(simulator, state, payment, BERLIN_USER, 'openid payments');
      await approve(simulator, state, payment, BERLIN_USER, 'ACCP');
      const data = expectAnswer(
        await deleteBerlinResource(
          simulator,
          payment.consentId,
          payment.path,
          berlinDataCallHeaders(payment.consentId, true),
        ),
      );
      expectValue('revocationStatusName', 'CANC', valueAtPath(data, ['revocationStatusName']));
      return 'ACCP, then CANC';
    },
  },
  {
    name: STEP.createFunds,
    async run(simulator, state) {
      state.funds = await create(
        simulator,
        'consents/confirmation-of-funds',
        { account: { iban: EURO_ACCOUNT.iban } },
        'received',
      );
      return `consent ${state.funds.consentId} received`;
    },
  },
  {
    name: STEP.useFunds,
    dependsOn: [STEP.createFunds],
    async run(simulator, state) {
      const consent = required(state.funds, 'the funds-confirmation consent');
      await populate(simulator, state, consent, BERLIN_USER, 'openid fundsconfirmations');
      await approve(simulator, state, consent, BERLIN_USER, 'valid');
      const confirmation = (iban: string) =>
        simulator.validateAccess(consent.consentId, {
          electedResource: `${BERLIN_API}/funds-confirmations`,
          resource: `${BERLIN_API}/funds-confirmations`,
          httpMethod: 'POST',
          headers: berlinDataCallHeaders(consent.consentId, false),
          body: { account: { iban }, instructedAmount: { currency: 'EUR', amount: '10.00' } },
        });
      expectAnswer(await confirmation(EURO_ACCOUNT.iban));
      return expectAccessRefused(await confirmation(SALARY_ACCOUNT.iban), 401, 'CONSENT_INVALID');
    },
  },
];

const multilevelSteps: readonly Step[] = [
  {
    name: STEP.createMultilevel,
    async run(simulator, state) {
      const body = berlinConsentBody(
        { accounts: [{ iban: BUSINESS_ACCOUNT.iban }] },
        { recurringIndicator: false, frequencyPerDay: 1, validUntil: berlinIsoDate(10) },
      );
      state.multilevel = await create(simulator, 'consents', body, 'received');
      return `consent ${state.multilevel.consentId} received`;
    },
  },
  {
    name: STEP.firstApproval,
    dependsOn: [STEP.createMultilevel],
    async run(simulator, state) {
      const consent = required(state.multilevel, 'the business consent');
      await populate(simulator, state, consent, BERLIN_USER, 'openid accounts');
      const detail = await approve(simulator, state, consent, BERLIN_USER, 'partiallyAuthorised');
      expectAccessRefused(
        await accessCall(simulator, consent, `/accounts/${BUSINESS_ACCOUNT.accountId}`, true, BERLIN_USER),
        401,
        'CONSENT_INVALID',
      );
      return detail;
    },
  },
  {
    name: STEP.secondApproval,
    dependsOn: [STEP.firstApproval],
    async run(simulator, state) {
      const consent = required(state.multilevel, 'the business consent');
      await populate(simulator, state, consent, BERLIN_SECOND_APPROVER, 'openid accounts');
      const detail = await approve(simulator, state, consent, BERLIN_SECOND_APPROVER, 'valid');
      const users = simulator.store
        .get(consent.consentId)
        .authorizations.map((authorization) => authorization.userId)
        .filter((userId) => userId !== undefined);
      expectValue('approvers on the consent', [BERLIN_USER, BERLIN_SECOND_APPROVER], users);
      expectAnswer(
        await accessCall(simulator, consent, `/accounts/${BUSINESS_ACCOUNT.accountId}`, true, BERLIN_SECOND_APPROVER),
      );
      return detail;
    },
  },
];

const otherSteps: readonly Step[] = [
  {
    name: STEP.invalidCreation,
    async run(simulator) {
      const headers: Record<string, string> = berlinInitiationHeaders();
      delete headers['X-Request-ID'];
      return expectTppError(
        await attemptBerlinCreation(simulator, 'consents', berlinConsentBody({ allPsd2: 'allAccounts' }), headers),
        400,
        'FORMAT_ERROR',
      );
    },
  },
  {
    name: STEP.errorMapping,
    async run(simulator) {
      const exchange = await simulator.mapError(400, 'Consent not found', 'consent_retrieve');
      expectAnswer(exchange, { reaction: 'accepted' });
      expectValue('errorCode', 403, valueAtPath(exchange.body, ['errorCode']));
      expectValue(
        'tppMessages[0].code',
        'CONSENT_UNKNOWN',
        valueAtPath((arrayAt(valueAtPath(exchange.body, ['data']), 'tppMessages') ?? [])[0], ['code']),
      );
      return exchange.reaction.description;
    },
  },
];

export const BERLIN_JOURNEY: Journey = defineJourney<BerlinJourneyState>({
  name: 'berlin',
  description:
    'Dedicated, bank-offered and global AIS consents with frequency limits, expiry and deletion; SEPA single and periodic payments; funds confirmation; two approvers.',
  createState: () => ({ populateData: {} }),
  steps: [...dedicatedSteps, ...bankOfferedAndGlobalSteps, ...paymentAndFundsSteps, ...multilevelSteps, ...otherSteps],
});
