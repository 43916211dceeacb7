import {
  accountAccessConsentBody,
  ACCOUNTS_API,
  CONSENTED_ACCOUNT_ID,
  JOURNEY_CLIENT_ID,
  JOURNEY_USER,
  UK_ACCOUNTS_API,
  UK_JOURNEY_CLIENT_ID,
  UK_JOURNEY_USER,
  UK_SAVINGS_ACCOUNT,
  ukAccountAccessConsentBody,
  type IdentityServerSimulator,
  type JsonRecord,
  type SimulatedExchange,
} from '@app/testing';
import { acceptedExchange, approve, createConsent, populateScreen } from './consent-journey.js';
import { extensionRequestRows, type BenchScenario } from './scenario.js';
import { SPREAD_CUSTOMERS, spreadCustomerId, spreadCustomersBankData } from './spread-customers.js';

/*
 * An account-access consent in the UK Open Banking shape (the default journey's fixtures, contract §7.1) from creation
 * to a TPP's account read, for the demo customer psu@wso2.com: the four points the identity server calls on every
 * consent and every data request. The `default` specification serves it today; so will `uk`.
 */

const ACCOUNT_ACCESS_PATH = 'account-access-consents';
const ACCOUNTS_SCOPE = 'openid accounts';

/** The journey fixtures an account-access scenario uses: each specification's own journey has its own. */
export interface AccountAccessFixtures {
  readonly consentBody: () => JsonRecord;
  readonly clientId: string;
  readonly userId: string;
  readonly accountId: string;
  readonly accountsApi: string;
}

/** The default journey's consent (UK v3.1 shapes, the accelerator's own rules). */
export const DEFAULT_ACCOUNT_ACCESS: AccountAccessFixtures = {
  consentBody: accountAccessConsentBody,
  clientId: JOURNEY_CLIENT_ID,
  userId: JOURNEY_USER,
  accountId: CONSENTED_ACCOUNT_ID,
  accountsApi: ACCOUNTS_API,
};

/** The UK journey's consent, which the UK module's stricter rules accept. */
export const UK_ACCOUNT_ACCESS: AccountAccessFixtures = {
  consentBody: () => ukAccountAccessConsentBody(),
  clientId: UK_JOURNEY_CLIENT_ID,
  userId: UK_JOURNEY_USER,
  accountId: UK_SAVINGS_ACCOUNT,
  accountsApi: UK_ACCOUNTS_API,
};

/** An account-access consent approved for one account: what validate-consent-access and persist start from. */
export async function approvedAccountAccess(
  simulator: IdentityServerSimulator,
  userId?: string,
  accountIds?: readonly string[] | 'all',
  fixtures: AccountAccessFixtures = DEFAULT_ACCOUNT_ACCESS,
): Promise<{ readonly consentId: string; readonly persist: SimulatedExchange }> {
  const customer = userId ?? fixtures.userId;
  const { consentId } = await createConsent(simulator, ACCOUNT_ACCESS_PATH, fixtures.consentBody(), fixtures.clientId);
  const populate = await populateScreen(simulator, consentId, customer, fixtures.clientId, ACCOUNTS_SCOPE);
  const persist = await approve(simulator, consentId, customer, populate, accountIds ?? [fixtures.accountId]);
  return { consentId, persist };
}

/** The consent page of a new account-access consent for `userId`. */
export async function accountAccessScreen(
  simulator: IdentityServerSimulator,
  userId?: string,
  fixtures: AccountAccessFixtures = DEFAULT_ACCOUNT_ACCESS,
): Promise<SimulatedExchange> {
  const { consentId } = await createConsent(simulator, ACCOUNT_ACCESS_PATH, fixtures.consentBody(), fixtures.clientId);
  return populateScreen(simulator, consentId, userId ?? fixtures.userId, fixtures.clientId, ACCOUNTS_SCOPE);
}

/** A TPP reads a consented account: the call the identity server makes on every data request. */
export async function accountReadAccess(
  simulator: IdentityServerSimulator,
  consentId: string,
  accountId: string,
  accountsApi: string = DEFAULT_ACCOUNT_ACCESS.accountsApi,
): Promise<SimulatedExchange> {
  return acceptedExchange(
    await simulator.validateAccess(consentId, {
      electedResource: '/accounts/{AccountId}',
      resource: `${accountsApi}/accounts/${accountId}`,
      httpMethod: 'GET',
    }),
  );
}

/**
 * The four points of an account-access consent; with `spreadScreen`, the consent page also over 1,000 customers
 * (spread-customers.ts), its second shape of traffic.
 */
export function accountAccessScenarios(
  spec: string,
  fixtures: AccountAccessFixtures = DEFAULT_ACCOUNT_ACCESS,
  { spreadScreen = false }: { readonly spreadScreen?: boolean } = {},
): BenchScenario[] {
  let nextCustomer = 0;
  return [
    {
      name: `${spec}: pre-process-consent-creation (account access)`,
      spec,
      extension: 'pre-process-consent-creation',
      // The identity server stores this answer: the platform records it for replay, one row per call.
      databaseUse: 'writes',
      writtenRows: extensionRequestRows(spec, 'pre-process-consent-creation'),
      async prepare(simulator) {
        return (await createConsent(simulator, ACCOUNT_ACCESS_PATH, fixtures.consentBody(), fixtures.clientId))
          .creation;
      },
    },
    {
      name: `${spec}: populate-consent-authorize-screen (account access)`,
      spec,
      extension: 'populate-consent-authorize-screen',
      // The customer's accounts come from the bank backend (the embedded bank's tables here).
      databaseUse: 'reads',
      prepare: (simulator) => accountAccessScreen(simulator, undefined, fixtures),
    },
    ...(spreadScreen
      ? [
          {
            name: `${spec}: populate-consent-authorize-screen (account access, 1,000 customers)`,
            spec,
            extension: 'populate-consent-authorize-screen',
            databaseUse: 'reads',
            bankData: spreadCustomersBankData(),
            // One consent page per customer, the load sending them in turn.
            prepare: (simulator) =>
              accountAccessScreen(simulator, spreadCustomerId(nextCustomer++ % SPREAD_CUSTOMERS), fixtures),
            preparedConsents: SPREAD_CUSTOMERS,
          } satisfies BenchScenario,
        ]
      : []),
    {
      name: `${spec}: persist-authorized-consent (approve one account)`,
      spec,
      extension: 'persist-authorized-consent',
      databaseUse: 'writes',
      writtenRows: extensionRequestRows(spec, 'persist-authorized-consent'),
      async prepare(simulator) {
        return (await approvedAccountAccess(simulator, undefined, undefined, fixtures)).persist;
      },
    },
    {
      name: `${spec}: validate-consent-access (account read)`,
      spec,
      extension: 'validate-consent-access',
      databaseUse: 'none',
      async prepare(simulator) {
        const { consentId } = await approvedAccountAccess(simulator, undefined, undefined, fixtures);
        return accountReadAccess(simulator, consentId, fixtures.accountId, fixtures.accountsApi);
      },
    },
  ];
}
