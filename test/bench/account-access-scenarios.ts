import {
  accountAccessConsentBody,
  ACCOUNTS_API,
  CONSENTED_ACCOUNT_ID,
  JOURNEY_CLIENT_ID,
  JOURNEY_USER,
  type IdentityServerSimulator,
  type SimulatedExchange,
} from '@app/testing';
import { acceptedExchange, approve, createConsent, populateScreen } from './consent-journey.js';
import { extensionRequestRows, type BenchScenario } from './scenario.js';

/*
 * An account-access consent in the UK Open Banking shape (the default journey's fixtures, contract §7.1) from creation
 * to a TPP's account read, for the demo customer psu@wso2.com: the four points the identity server calls on every
 * consent and every data request. The `default` specification serves it today; so will `uk`.
 */

const ACCOUNT_ACCESS_PATH = 'account-access-consents';
const ACCOUNTS_SCOPE = 'openid accounts';

/** An account-access consent approved for one account: what validate-consent-access and persist start from. */
export async function approvedAccountAccess(
  simulator: IdentityServerSimulator,
  userId: string = JOURNEY_USER,
  accountIds: readonly string[] | 'all' = [CONSENTED_ACCOUNT_ID],
): Promise<{ readonly consentId: string; readonly persist: SimulatedExchange }> {
  const { consentId } = await createConsent(simulator, ACCOUNT_ACCESS_PATH, accountAccessConsentBody(), JOURNEY_CLIENT_ID);
  const populate = await populateScreen(simulator, consentId, userId, JOURNEY_CLIENT_ID, ACCOUNTS_SCOPE);
  const persist = await approve(simulator, consentId, userId, populate, accountIds);
  return { consentId, persist };
}

/** The consent page of a new account-access consent for `userId`. */
export async function accountAccessScreen(simulator: IdentityServerSimulator, userId: string = JOURNEY_USER): Promise<SimulatedExchange> {
  const { consentId } = await createConsent(simulator, ACCOUNT_ACCESS_PATH, accountAccessConsentBody(), JOURNEY_CLIENT_ID);
  return populateScreen(simulator, consentId, userId, JOURNEY_CLIENT_ID, ACCOUNTS_SCOPE);
}

/** A TPP reads a consented account: the call the identity server makes on every data request. */
export async function accountReadAccess(simulator: IdentityServerSimulator, consentId: string, accountId: string): Promise<SimulatedExchange> {
  return acceptedExchange(
    await simulator.validateAccess(consentId, { electedResource: '/accounts/{AccountId}', resource: `${ACCOUNTS_API}/accounts/${accountId}`, httpMethod: 'GET' }),
  );
}

export function accountAccessScenarios(spec: string): BenchScenario[] {
  return [
    {
      name: `${spec}: pre-process-consent-creation (account access)`,
      spec,
      extension: 'pre-process-consent-creation',
      // The identity server stores this answer: the platform records it for replay, one row per call.
      databaseUse: 'writes',
      writtenRows: extensionRequestRows(spec, 'pre-process-consent-creation'),
      async prepare(simulator) {
        return (await createConsent(simulator, ACCOUNT_ACCESS_PATH, accountAccessConsentBody(), JOURNEY_CLIENT_ID)).creation;
      },
    },
    {
      name: `${spec}: populate-consent-authorize-screen (account access)`,
      spec,
      extension: 'populate-consent-authorize-screen',
      // The customer's accounts come from the bank backend (the embedded bank's tables here).
      databaseUse: 'reads',
      prepare: (simulator) => accountAccessScreen(simulator),
    },
    {
      name: `${spec}: persist-authorized-consent (approve one account)`,
      spec,
      extension: 'persist-authorized-consent',
      databaseUse: 'writes',
      writtenRows: extensionRequestRows(spec, 'persist-authorized-consent'),
      async prepare(simulator) {
        return (await approvedAccountAccess(simulator)).persist;
      },
    },
    {
      name: `${spec}: validate-consent-access (account read)`,
      spec,
      extension: 'validate-consent-access',
      databaseUse: 'none',
      async prepare(simulator) {
        const { consentId } = await approvedAccountAccess(simulator);
        return accountReadAccess(simulator, consentId, CONSENTED_ACCOUNT_ID);
      },
    },
  ];
}
