import { randomUUID } from 'node:crypto';
import {
  arrayAt,
  isJsonRecord,
  recordAt,
  signDetached,
  UK_JOURNEY_CLIENT_ID,
  UK_JOURNEY_USER,
  UK_OTHER_CURRENT_ACCOUNT,
  UK_PAYMENTS_API,
  ukVrpConsentBody,
  ukVrpPayment,
  type IdentityServerSimulator,
  type JsonRecord,
  type SimulatedExchange,
} from '@app/testing';
import {
  acceptedExchange,
  approve,
  createConsentWithHeaders,
  idempotencyKeyOf,
  populateScreen,
} from './consent-journey.js';
import { SPREAD_CONSENTS, usageEventRows, type BenchScenario } from './scenario.js';

/*
 * The domestic VRP consent of the UK journey (sweeping, signed by the journey's TPP key, which the bench's service
 * trusts through UK_JWS_TRUST_FILE), approved on the journey's current account, then a payment within its control
 * parameters: each payment is counted in the database against the consent's periodic limit.
 */

const SPEC = 'uk';
const VRP_CONSENTS_PATH = 'domestic-vrp-consents';
/** The smallest amount: with the daily limit below, no load of the bench can reach the limit. */
export const BENCH_VRP_PAYMENT = '0.01';
/** The journey's daily limit (250.00) stops a load after 25,000 payments of 0.01; this one never does. */
export const BENCH_VRP_DAILY_LIMIT = '1000000000.00';

/**
 * The journey's VRP consent with its periodic limits raised for a load (or set to `dailyLimit`); every other control
 * parameter is kept. `periodAlignment` replaces the journey's calendar alignment when given: the fault tests use
 * `Consent`, whose first day has the whole limit (a calendar-aligned first day is pro-rated to the hours left).
 */
export function benchVrpConsentBody(
  now: number = Date.now(),
  dailyLimit: string = BENCH_VRP_DAILY_LIMIT,
  periodAlignment?: string,
): JsonRecord {
  const body = ukVrpConsentBody(now);
  const limits = arrayAt(recordAt(recordAt(body, 'Data'), 'ControlParameters'), 'PeriodicLimits') ?? [];
  for (const limit of limits.filter(isJsonRecord)) {
    limit['Amount'] = dailyLimit;
    if (periodAlignment !== undefined) {
      limit['PeriodAlignment'] = periodAlignment;
    }
  }
  return body;
}

/** POST /domestic-vrp-consents as the journey's TPP sends it: an idempotency key and the detached signature of the body. */
async function signedVrpConsent(
  simulator: IdentityServerSimulator,
  body: JsonRecord = benchVrpConsentBody(),
): Promise<string> {
  const headers = { 'x-idempotency-key': randomUUID(), 'x-jws-signature': await signDetached(body) };
  return (await createConsentWithHeaders(simulator, VRP_CONSENTS_PATH, body, UK_JOURNEY_CLIENT_ID, headers)).consentId;
}

/** A payment of `payment` under a new approved VRP consent (the bench's, or `consentBody`). */
export async function vrpPaymentWithinLimits(
  simulator: IdentityServerSimulator,
  consentBody?: JsonRecord,
  payment: string = BENCH_VRP_PAYMENT,
): Promise<SimulatedExchange> {
  const consentId = await signedVrpConsent(simulator, consentBody);
  const populate = await populateScreen(simulator, consentId, UK_JOURNEY_USER, UK_JOURNEY_CLIENT_ID, 'openid payments');
  await approve(simulator, consentId, UK_JOURNEY_USER, populate, [UK_OTHER_CURRENT_ACCOUNT]);
  const instructionId = `VRP-${randomUUID().slice(0, 8)}`;
  return acceptedExchange(
    await simulator.validateAccess(consentId, {
      electedResource: '/domestic-vrps',
      resource: `${UK_PAYMENTS_API}/domestic-vrps`,
      httpMethod: 'POST',
      body: ukVrpPayment(consentId, payment, instructionId),
      headers: { 'x-idempotency-key': randomUUID() },
    }),
  );
}

export function ukVrpScenarios(): BenchScenario[] {
  const payments = {
    spec: SPEC,
    extension: 'validate-consent-access',
    // One usage event per payment: the amounts of the consent's periods.
    databaseUse: 'counted',
    writtenRows: usageEventRows,
    prepare: (simulator: IdentityServerSimulator) => vrpPaymentWithinLimits(simulator),
    // A payment is counted once per idempotency key: a repeated key would be a retry, answered without counting.
    perRequestValues: idempotencyKeyOf,
  } as const;
  return [
    // Every payment of the load moves the same counters: the calls of a batch, and the batches, wait for each other.
    { ...payments, name: `${SPEC}: validate-consent-access (VRP payments, one consent)` },
    {
      ...payments,
      name: `${SPEC}: validate-consent-access (VRP payments, 1,000 consents)`,
      preparedConsents: SPREAD_CONSENTS,
    },
  ];
}
