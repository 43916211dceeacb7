import { selectAccounts } from '../simulator/consent-page-submission.js';
import { valueAtPath } from '../simulator/json-values.js';
import { expectAnswer, expectValue, required } from './step-checks.js';
import { access, approve, createUkConsent, displayNameOf, populate, type UkJourneyStep } from './uk-journey-calls.js';
import {
  UK_ACCOUNTS_API,
  UK_CURRENT_ACCOUNT,
  UK_JOURNEY_USER,
  UK_SAVINGS_ACCOUNT,
  ukAccountAccessConsentBody,
} from './uk-journey-fixtures.js';

/*
 * The `uk` journey's re-authentication: the customer authenticates again on an Authorised account-access consent,
 * which keeps its id, status and expiry and covers the accounts selected now.
 */

const STEP = {
  create: 'create and approve an account-access consent to re-authenticate',
  screen: 'show it again as a re-authentication',
  persist: 're-authenticate it, adding an account, on the same consent',
  access: 'allow the added account',
} as const;

export const UK_REAUTHENTICATION_STEPS: readonly UkJourneyStep[] = [
  {
    name: STEP.create,
    async run(simulator, state) {
      const consent = await createUkConsent(simulator, 'account-access-consents', ukAccountAccessConsentBody());
      await populate(simulator, consent, 'openid accounts');
      state.reauthenticated = consent;
      return approve(simulator, consent, UK_SAVINGS_ACCOUNT);
    },
  },
  {
    name: STEP.screen,
    dependsOn: [STEP.create],
    async run(simulator, state) {
      const data = await populate(simulator, required(state.reauthenticated, 'the consent'), 'openid accounts');
      expectValue('consentData.isReauthorization', true, valueAtPath(data, ['consentData', 'isReauthorization']));
      return 'isReauthorization';
    },
  },
  {
    name: STEP.persist,
    dependsOn: [STEP.screen],
    async run(simulator, state) {
      const consent = required(state.reauthenticated, 'the consent');
      const before = simulator.store.get(consent.consentId);
      const page = required(consent.populateData, 'the populate answer');
      const selection = selectAccounts(page, [
        displayNameOf(page, UK_SAVINGS_ACCOUNT),
        displayNameOf(page, UK_CURRENT_ACCOUNT),
      ]);
      const answer = expectAnswer(await simulator.persist(consent.consentId, UK_JOURNEY_USER, page, selection, true));
      expectValue(
        'consentResource.validityTime (the same expiry)',
        before.validityTime,
        valueAtPath(answer, ['consentResource', 'validityTime']),
      );
      const after = simulator.store.get(consent.consentId);
      expectValue(
        'the same consent, still Authorised',
        [consent.consentId, 'Authorised', 1],
        [after.id, after.status, after.authorizations.length],
      );
      const covered = [
        ...new Set(
          after.authorizations
            .flatMap((authorization) => authorization.mappings)
            .filter((mapping) => mapping.status === 'active')
            .map((mapping) => mapping.accountId),
        ),
      ].sort();
      expectValue('accounts covered', [UK_SAVINGS_ACCOUNT, UK_CURRENT_ACCOUNT].sort(), covered);
      return 'same id and expiry, two accounts';
    },
  },
  {
    name: STEP.access,
    dependsOn: [STEP.persist],
    async run(simulator, state) {
      const resource = `${UK_ACCOUNTS_API}/accounts/${UK_CURRENT_ACCOUNT}`;
      expectAnswer(
        await access(
          simulator,
          required(state.reauthenticated, 'the consent'),
          '/accounts/{AccountId}',
          resource,
          'GET',
        ),
      );
      return `GET ${resource} allowed`;
    },
  },
];
