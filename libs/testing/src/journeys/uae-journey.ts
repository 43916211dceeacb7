import { randomUUID } from 'node:crypto';
import type { IdentityServerSimulator } from '../simulator/identity-server.js';
import { stringAt, type JsonRecord } from '../simulator/json-values.js';
import type { Journey, JourneyStep } from './journey.js';
import { defineJourney } from './journey-runner.js';
import { expectAnswer, expectThat, expectValue, required } from './step-checks.js';
import {
  uaeDataSharingItem,
  uaePaymentSubmission,
  uaeSingleInstantPaymentItem,
  UAE_ACCOUNTS_API,
  UAE_DIRHAM_ACCOUNT_ID,
  UAE_OTHER_USER,
  UAE_JOURNEY_USER,
  UAE_SHARED_ACCOUNT_ID,
  uaeRequestObjectClaims,
  uaeVariableMultiPaymentItem,
} from './uae-journey-fixtures.js';
import {
  approveUaeConsent,
  uaeConsumerAccountIds,
  populateUaeScreen,
  retrieveUaeConsent,
  validateUaeRequestObject,
  type UaeCreatedConsent,
} from './uae-journey-flow.js';

/*
 * The `uae` specification end to end (UAE Open Finance v2.1): consents arrive as PAR request objects and are created
 * at persist. A data sharing consent through screen, approval, access, suspension and revocation; its BaseConsentId
 * renewal; a single instant payment consumed by its one payment; a variable multi-payment consent driven to its
 * cumulative limit by concurrent payments.
 */

interface PendingConsent {
  readonly claims: JsonRecord;
  populateData?: unknown;
  created?: UaeCreatedConsent;
}

interface UaeJourneyState {
  sharing?: PendingConsent;
  renewal?: PendingConsent;
  single?: PendingConsent;
  multi?: PendingConsent;
}

type Step = JourneyStep<UaeJourneyState>;

const STEP = {
  parSharing: 'PAR: validate the data sharing request object',
  screenSharing: 'populate the data sharing screen from the request object',
  persistSharing: 'persist the approval, creating the consent',
  retrieveSharing: 'retrieve the consent in the UAE format',
  readBalances: 'read the balances of the consented account',
  suspended: 'refuse access while the consent is Suspended',
  revoke: 'TPP revocation',
  retrieveRevoked: 'retrieval shows Revoked by the TPP',
  reuseConsentId: 'refuse a second PAR with the same ConsentId',
  parRenewal: 'PAR: a BaseConsentId renewal',
  renewalOtherCustomer: 'refuse the renewal screen to another customer',
  renewal: 'approve the renewal for the same customer',
  parSingle: 'PAR: a single instant payment',
  persistSingle: 'approve the single payment from the dirham account',
  paySingle: 'the one payment goes through',
  secondPayment: 'a second payment is refused: the consent is Consumed',
  parMulti: 'PAR: a variable multi-payment consent',
  persistMulti: 'approve the multi-payment consent',
  concurrentPayments: 'concurrent payments stop at the cumulative limit',
} as const;

function pending(state: PendingConsent | undefined, what: string): PendingConsent {
  return required(state, what);
}

async function approve(
  simulator: IdentityServerSimulator,
  consent: PendingConsent,
  accountId: string,
  expectedType: string,
): Promise<string> {
  const populateData = await populateUaeScreen(simulator, UAE_JOURNEY_USER, consent.claims);
  expectValue(
    'consentData.type',
    expectedType,
    (populateData as { consentData?: { type?: unknown } }).consentData?.type,
  );
  consent.populateData = populateData;
  consent.created = await approveUaeConsent(simulator, UAE_JOURNEY_USER, consent.claims, populateData, accountId);
  return `consent ${consent.created.tppConsentId} stored as ${consent.created.isConsentId}, Authorized`;
}

async function pay(
  simulator: IdentityServerSimulator,
  consent: UaeCreatedConsent,
  amount: string,
  idempotencyKey: string,
) {
  return simulator.validateAccess(consent.isConsentId, {
    electedResource: '/payments',
    resource: `${UAE_ACCOUNTS_API}/payments`,
    httpMethod: 'POST',
    headers: { 'x-idempotency-key': idempotencyKey },
    body: uaePaymentSubmission(consent.tppConsentId, amount),
  });
}

function errorMessageOf(data: unknown): string | undefined {
  return stringAt(data, 'errorMessage');
}

const dataSharingSteps: readonly Step[] = [
  {
    name: STEP.parSharing,
    async run(simulator, state) {
      state.sharing = { claims: uaeRequestObjectClaims(uaeDataSharingItem()) };
      await validateUaeRequestObject(simulator, state.sharing.claims);
      return 'the request object and its authorization_details are accepted';
    },
  },
  {
    name: STEP.screenSharing,
    dependsOn: [STEP.parSharing],
    async run(simulator, state) {
      const consent = pending(state.sharing, 'the data sharing request');
      consent.populateData = await populateUaeScreen(simulator, UAE_JOURNEY_USER, consent.claims);
      const accounts = uaeConsumerAccountIds(consent.populateData);
      expectThat(accounts.includes(UAE_SHARED_ACCOUNT_ID), `account ${UAE_SHARED_ACCOUNT_ID} offered`, () =>
        JSON.stringify(accounts),
      );
      expectThat(
        !accounts.includes('CC-5555555555554444'),
        'no credit card (AccountSubType is CurrentAccount, Savings)',
        () => JSON.stringify(accounts),
      );
      return `${accounts.length} eligible accounts offered`;
    },
  },
  {
    name: STEP.persistSharing,
    dependsOn: [STEP.screenSharing],
    async run(simulator, state) {
      const consent = pending(state.sharing, 'the data sharing request');
      return approve(simulator, consent, UAE_SHARED_ACCOUNT_ID, 'accounts');
    },
  },
  {
    name: STEP.retrieveSharing,
    dependsOn: [STEP.persistSharing],
    async run(simulator, state) {
      const created = required(state.sharing?.created, 'the data sharing consent');
      const data = await retrieveUaeConsent(simulator, created, 'account-access-consents');
      expectValue('Data.ConsentId', created.tppConsentId, data.ConsentId);
      expectValue('Data.Status', 'Authorized', data.Status);
      return 'Data.ConsentId is the TPP ConsentId, Status Authorized';
    },
  },
  {
    name: STEP.readBalances,
    dependsOn: [STEP.persistSharing],
    async run(simulator, state) {
      const created = required(state.sharing?.created, 'the data sharing consent');
      const resource = `${UAE_ACCOUNTS_API}/accounts/${UAE_SHARED_ACCOUNT_ID}/balances`;
      expectAnswer(
        await simulator.validateAccess(created.isConsentId, {
          electedResource: '/accounts/{AccountId}/balances',
          resource,
          httpMethod: 'GET',
        }),
      );
      return `GET ${resource} allowed`;
    },
  },
  {
    name: STEP.suspended,
    dependsOn: [STEP.persistSharing],
    async run(simulator, state) {
      const created = required(state.sharing?.created, 'the data sharing consent');
      simulator.store.updateStatus(created.isConsentId, 'Suspended');
      const resource = `${UAE_ACCOUNTS_API}/accounts/${UAE_SHARED_ACCOUNT_ID}`;
      const answer = await simulator.validateAccess(created.isConsentId, {
        electedResource: '/accounts/{AccountId}',
        resource,
        httpMethod: 'GET',
      });
      const data = expectAnswer(answer, { status: 'ERROR', errorCode: 403 });
      expectValue('errorMessage', 'Consent.AccountTemporarilyBlocked', errorMessageOf(data));
      simulator.store.updateStatus(created.isConsentId, 'Authorized');
      return '403 Consent.AccountTemporarilyBlocked; the bank then lifts the suspension';
    },
  },
  {
    name: STEP.revoke,
    dependsOn: [STEP.persistSharing],
    async run(simulator, state) {
      const created = required(state.sharing?.created, 'the data sharing consent');
      const data = expectAnswer(
        await simulator.revoke(created.isConsentId, `account-access-consents/${created.isConsentId}`),
      );
      expectValue('revocationStatusName', 'Revoked', stringAt(data, 'revocationStatusName'));
      expectValue('stored status', 'Revoked', simulator.store.get(created.isConsentId).status);
      return 'Revoked, tokens revoked';
    },
  },
  {
    name: STEP.retrieveRevoked,
    dependsOn: [STEP.revoke],
    async run(simulator, state) {
      const created = required(state.sharing?.created, 'the data sharing consent');
      const data = await retrieveUaeConsent(simulator, created, 'account-access-consents');
      expectValue('Data.Status', 'Revoked', data.Status);
      expectValue('Data.RevokedBy', 'TPP', data.RevokedBy);
      return 'Revoked, RevokedBy TPP';
    },
  },
  {
    name: STEP.reuseConsentId,
    dependsOn: [STEP.persistSharing],
    async run(simulator, state) {
      const created = required(state.sharing?.created, 'the data sharing consent');
      const data = await validateUaeRequestObject(
        simulator,
        uaeRequestObjectClaims(uaeDataSharingItem(created.tppConsentId)),
        { status: 'ERROR', errorCode: 400 },
      );
      expectValue('errorMessage', 'invalid_request', errorMessageOf(data));
      return 'invalid_request: the ConsentId is already used';
    },
  },
];

const renewalSteps: readonly Step[] = [
  {
    name: STEP.parRenewal,
    dependsOn: [STEP.persistSharing],
    async run(simulator, state) {
      const base = required(state.sharing?.created, 'the data sharing consent').tppConsentId;
      state.renewal = { claims: uaeRequestObjectClaims(uaeDataSharingItem(randomUUID(), base)) };
      await validateUaeRequestObject(simulator, state.renewal.claims);
      return `BaseConsentId ${base} accepted`;
    },
  },
  {
    name: STEP.renewalOtherCustomer,
    dependsOn: [STEP.parRenewal],
    async run(simulator, state) {
      const consent = pending(state.renewal, 'the renewal request');
      const data = await populateUaeScreen(simulator, UAE_OTHER_USER, consent.claims, {
        status: 'ERROR',
        errorCode: 400,
      });
      expectThat(/another customer/.test(errorMessageOf(data) ?? ''), 'an error naming another customer', () =>
        JSON.stringify(data),
      );
      return `${UAE_OTHER_USER} is refused the chain of ${UAE_JOURNEY_USER}`;
    },
  },
  {
    name: STEP.renewal,
    dependsOn: [STEP.parRenewal],
    async run(simulator, state) {
      const consent = pending(state.renewal, 'the renewal request');
      const detail = await approve(simulator, consent, UAE_SHARED_ACCOUNT_ID, 'accounts');
      const created = required(consent.created, 'the renewal consent');
      const data = await retrieveUaeConsent(simulator, created, 'account-access-consents');
      expectValue(
        'Data.BaseConsentId',
        required(state.sharing?.created, 'the base consent').tppConsentId,
        data.BaseConsentId,
      );
      return `${detail}; BaseConsentId returned`;
    },
  },
];

const singlePaymentSteps: readonly Step[] = [
  {
    name: STEP.parSingle,
    async run(simulator, state) {
      state.single = { claims: uaeRequestObjectClaims(uaeSingleInstantPaymentItem()) };
      await validateUaeRequestObject(simulator, state.single.claims);
      return 'AED 100.00 single instant payment accepted';
    },
  },
  {
    name: STEP.persistSingle,
    dependsOn: [STEP.parSingle],
    run: (simulator, state) =>
      approve(simulator, pending(state.single, 'the single payment request'), UAE_DIRHAM_ACCOUNT_ID, 'payments'),
  },
  {
    name: STEP.paySingle,
    dependsOn: [STEP.persistSingle],
    async run(simulator, state) {
      expectAnswer(
        await pay(simulator, required(state.single?.created, 'the single payment consent'), '100.00', randomUUID()),
      );
      return 'POST /payments of AED 100.00 allowed';
    },
  },
  {
    name: STEP.secondPayment,
    dependsOn: [STEP.paySingle],
    async run(simulator, state) {
      const created = required(state.single?.created, 'the single payment consent');
      const data = expectAnswer(await pay(simulator, created, '100.00', randomUUID()), {
        status: 'ERROR',
        errorCode: 400,
      });
      expectValue('errorMessage', 'Consent.BusinessRuleViolation', errorMessageOf(data));
      const consent = await retrieveUaeConsent(simulator, created, 'payment-consents');
      expectValue('Data.Status', 'Consumed', consent.Status);
      return '400 Consent.BusinessRuleViolation; retrieval shows Consumed';
    },
  },
];

const CONCURRENT_PAYMENTS = 6;

const multiPaymentSteps: readonly Step[] = [
  {
    name: STEP.parMulti,
    async run(simulator, state) {
      state.multi = { claims: uaeRequestObjectClaims(uaeVariableMultiPaymentItem()) };
      await validateUaeRequestObject(simulator, state.multi.claims);
      return 'VariableOnDemand, AED 200.00 in total';
    },
  },
  {
    name: STEP.persistMulti,
    dependsOn: [STEP.parMulti],
    run: (simulator, state) =>
      approve(simulator, pending(state.multi, 'the multi-payment request'), UAE_DIRHAM_ACCOUNT_ID, 'payments'),
  },
  {
    name: STEP.concurrentPayments,
    dependsOn: [STEP.persistMulti],
    async run(simulator, state) {
      const created = required(state.multi?.created, 'the multi-payment consent');
      const answers = await Promise.all(
        Array.from({ length: CONCURRENT_PAYMENTS }, () => pay(simulator, created, '50.00', randomUUID())),
      );
      const accepted = answers.filter((answer) => (answer.body as { status?: unknown }).status === 'SUCCESS');
      const refused = answers.filter((answer) => (answer.body as { status?: unknown }).status === 'ERROR');
      for (const answer of refused) {
        const data = expectAnswer(answer, { status: 'ERROR', errorCode: 400 });
        expectValue('errorMessage', 'Consent.FailsControlParameters', errorMessageOf(data));
      }
      accepted.forEach((answer) => expectAnswer(answer));
      expectValue('accepted payments of AED 50.00 under AED 200.00', 4, accepted.length);
      return `${accepted.length} of ${CONCURRENT_PAYMENTS} concurrent payments accepted, ${refused.length} refused with Consent.FailsControlParameters`;
    },
  },
];

export const UAE_JOURNEY: Journey = defineJourney<UaeJourneyState>({
  name: 'uae',
  description:
    'PAR-created consents: data sharing to revocation, a BaseConsentId renewal, a single instant payment, concurrent multi-payments.',
  createState: () => ({}),
  steps: [...dataSharingSteps, ...renewalSteps, ...singlePaymentSteps, ...multiPaymentSteps],
});
