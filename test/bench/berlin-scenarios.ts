import { randomUUID } from 'node:crypto';
import {
  BERLIN_API,
  BERLIN_CLIENT_ID,
  BERLIN_USER,
  berlinConsentBody,
  berlinDataCallHeaders,
  berlinInitiationHeaders,
  EURO_ACCOUNT,
  type IdentityServerSimulator,
  type SimulatedExchange,
} from '@app/testing';
import {
  acceptedExchange,
  createConsentWithHeaders,
  populateData,
  populateScreen,
  type CreatedConsent,
} from './consent-journey.js';
import { extensionRequestRows, usageEventRows, type BenchScenario } from './scenario.js';

/*
 * The Berlin Group NextGenPSD2 AIS consent of the `berlin` journey (its fixtures: the dedicated consent on the euro
 * account of psu@wso2.com), at the two points a TPP drives hardest: creating consents, and reading account data with
 * a recurring consent while the customer is absent, which the service counts against `frequencyPerDay`.
 */

const SPEC = 'berlin';
const CONSENTS_PATH = 'consents';
const ACCOUNTS_SCOPE = 'openid accounts';

/**
 * The highest `frequencyPerDay` the service accepts (`BERLIN_MAX_FREQUENCY_PER_DAY`, at most 1000): the bench starts
 * the service with it (service-under-test.ts) so that the consent's own value is not lowered to the default 4.
 */
export const BENCH_BERLIN_MAX_FREQUENCY_PER_DAY = 1000;
/**
 * 1000 reads a day per consent, account and endpoint is far less than one load (5,000 reads a second are the target,
 * and the counter-table scaling measures the scenario twice more): the load spreads its reads over this many
 * consents, each of its own TPP (see createBerlinConsent): 1,000,000 reads a day, more than a default run's 3 loads of
 * 13 s, or a 300 s soak, send to this point. It is also the counted points' shape of traffic "spread over 1,000
 * consents"; the Berlin limit leaves no room for the other shape, all calls on one consent (UK VRP and UAE have it).
 */
export const BERLIN_READ_CONSENTS = 1000;

/** The journey's dedicated consent reads 4 times a day: what the creation sends. */
const BERLIN_JOURNEY_FREQUENCY = 4;

function dedicatedConsentBody(frequencyPerDay: number) {
  return berlinConsentBody(
    { accounts: [{ iban: EURO_ACCOUNT.iban }], balances: [{ iban: EURO_ACCOUNT.iban }] },
    { frequencyPerDay },
  );
}

/**
 * POST /consents as the journey's TPP sends it, with its Berlin headers. Each consent of the counted read belongs to a
 * TPP of its own: §B.3, a newly authorised recurring consent of the same customer and TPP supersedes the earlier ones.
 */
function createBerlinConsent(
  simulator: IdentityServerSimulator,
  clientId: string,
  frequencyPerDay: number,
): Promise<CreatedConsent> {
  return createConsentWithHeaders(
    simulator,
    CONSENTS_PATH,
    dedicatedConsentBody(frequencyPerDay),
    clientId,
    berlinInitiationHeaders(),
  );
}

/**
 * The account read of a recurring consent without PSU-IP-Address: counted against frequencyPerDay on every call. The
 * consent is of a TPP of its own (see createBerlinConsent); the fault tests give it a low frequency to check the limit.
 */
export async function countedAccountRead(
  simulator: IdentityServerSimulator,
  frequencyPerDay: number = BENCH_BERLIN_MAX_FREQUENCY_PER_DAY,
): Promise<SimulatedExchange> {
  const clientId = `${BERLIN_CLIENT_ID}-${randomUUID()}`;
  const { consentId } = await createBerlinConsent(simulator, clientId, frequencyPerDay);
  const populate = await populateScreen(simulator, consentId, BERLIN_USER, clientId, ACCOUNTS_SCOPE);
  // A dedicated consent names its accounts: the page posts no selection, as in the journey.
  acceptedExchange(await simulator.persist(consentId, BERLIN_USER, populateData(populate), {}, true));
  return acceptedExchange(
    await simulator.validateAccess(consentId, {
      electedResource: `${BERLIN_API}/accounts/{account-id}`,
      resource: `${BERLIN_API}/accounts/${EURO_ACCOUNT.accountId}`,
      httpMethod: 'GET',
      headers: berlinDataCallHeaders(consentId, false),
    }),
  );
}

export function berlinScenarios(): BenchScenario[] {
  return [
    {
      name: `${SPEC}: pre-process-consent-creation (AIS consent)`,
      spec: SPEC,
      extension: 'pre-process-consent-creation',
      // The identity server stores this answer: the platform records it for replay, one row per call.
      databaseUse: 'writes',
      writtenRows: extensionRequestRows(SPEC, 'pre-process-consent-creation'),
      async prepare(simulator) {
        return (await createBerlinConsent(simulator, BERLIN_CLIENT_ID, BERLIN_JOURNEY_FREQUENCY)).creation;
      },
    },
    {
      name: `${SPEC}: validate-consent-access (counted account reads, 1,000 consents)`,
      spec: SPEC,
      extension: 'validate-consent-access',
      // One usage event per call: the frequencyPerDay counter of the consent, account and endpoint.
      databaseUse: 'counted',
      writtenRows: usageEventRows,
      prepare: (simulator) => countedAccountRead(simulator),
      preparedConsents: BERLIN_READ_CONSENTS,
    },
  ];
}
