import { randomUUID } from 'node:crypto';
import {
  approveUaeConsent,
  populateUaeScreen,
  recordAt,
  UAE_ACCOUNTS_API,
  UAE_DIRHAM_ACCOUNT_ID,
  UAE_JOURNEY_USER,
  uaeDataSharingItem,
  uaePaymentSubmission,
  uaeRequestObjectClaims,
  uaeVariableMultiPaymentItem,
  validateUaeRequestObject,
  type IdentityServerSimulator,
  type JsonRecord,
  type SimulatedExchange,
} from '@app/testing';
import { acceptedExchange, idempotencyKeyOf } from './consent-journey.js';
import { SPREAD_CONSENTS, usageEventRows, type BenchScenario } from './scenario.js';

/*
 * The UAE Open Finance journey's PAR flow: the request object of a data-sharing consent (checked without any
 * database), and a variable multi-payment consent approved on the dirham account, then a payment within its limits,
 * counted in the database per idempotency key.
 */

const SPEC = 'uae';
export const BENCH_UAE_PAYMENT = '1.00';
/** Limits no load of the bench reaches (the journey's allow 10 payments and 200.00 in all). */
export const BENCH_UAE_MAXIMUM_VALUE = '1000000000.00';
export const BENCH_UAE_MAXIMUM_COUNT = 1_000_000_000;

/** The journey's variable multi-payment item with its cumulative limits raised; the individual maximum is kept. */
export function benchMultiPaymentItem(now: number = Date.now()): JsonRecord {
  const item = uaeVariableMultiPaymentItem(randomUUID(), now);
  const multi = recordAt(
    recordAt(recordAt(recordAt(item, 'consent'), 'ControlParameters'), 'ConsentSchedule'),
    'MultiPayment',
  );
  const controls = recordAt(recordAt(multi, 'PeriodicSchedule'), 'Controls');
  if (multi === undefined || controls === undefined) {
    throw new Error('the journey multi-payment item has no MultiPayment controls');
  }
  multi['MaximumCumulativeValueOfPayments'] = { Amount: BENCH_UAE_MAXIMUM_VALUE, Currency: 'AED' };
  multi['MaximumCumulativeNumberOfPayments'] = BENCH_UAE_MAXIMUM_COUNT;
  controls['MaximumCumulativeValueOfPaymentsPerPeriod'] = { Amount: BENCH_UAE_MAXIMUM_VALUE, Currency: 'AED' };
  controls['MaximumCumulativeNumberOfPaymentsPerPeriod'] = BENCH_UAE_MAXIMUM_COUNT;
  return item;
}

async function dataSharingRequestObject(simulator: IdentityServerSimulator): Promise<SimulatedExchange> {
  return acceptedExchange(await simulator.validateAuthorizationRequest(uaeRequestObjectClaims(uaeDataSharingItem())));
}

async function multiPaymentWithinLimits(simulator: IdentityServerSimulator): Promise<SimulatedExchange> {
  const claims = uaeRequestObjectClaims(benchMultiPaymentItem());
  await validateUaeRequestObject(simulator, claims);
  const populateData = await populateUaeScreen(simulator, UAE_JOURNEY_USER, claims);
  const consent = await approveUaeConsent(simulator, UAE_JOURNEY_USER, claims, populateData, UAE_DIRHAM_ACCOUNT_ID);
  return acceptedExchange(
    await simulator.validateAccess(consent.isConsentId, {
      electedResource: '/payments',
      resource: `${UAE_ACCOUNTS_API}/payments`,
      httpMethod: 'POST',
      headers: { 'x-idempotency-key': randomUUID() },
      body: uaePaymentSubmission(consent.tppConsentId, BENCH_UAE_PAYMENT),
    }),
  );
}

export function uaeScenarios(): BenchScenario[] {
  const multiPayments = {
    spec: SPEC,
    extension: 'validate-consent-access',
    // One usage event per payment: the consent's count and value, overall and per period.
    databaseUse: 'counted',
    writtenRows: usageEventRows,
    prepare: multiPaymentWithinLimits,
    // Payments are counted once per x-idempotency-key: a repeated key is the same payment, not a new one.
    perRequestValues: idempotencyKeyOf,
  } as const;
  return [
    {
      name: `${SPEC}: validate-authorization-request (data-sharing request object)`,
      spec: SPEC,
      extension: 'validate-authorization-request',
      // The UAE registry reads the facts recorded about the request's ConsentId (ConsentFactRepository.factsOf).
      databaseUse: 'reads',
      prepare: dataSharingRequestObject,
    },
    { ...multiPayments, name: `${SPEC}: validate-consent-access (multi-payments, one consent)` },
    {
      ...multiPayments,
      name: `${SPEC}: validate-consent-access (multi-payments, 1,000 consents)`,
      preparedConsents: SPREAD_CONSENTS,
    },
  ];
}
