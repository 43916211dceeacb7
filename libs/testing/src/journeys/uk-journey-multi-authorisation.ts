import { selectAccounts } from '../simulator/consent-page-submission.js';
import { arrayAt, isJsonRecord, recordAt, valueAtPath } from '../simulator/json-values.js';
import { buildRequestObjectClaims } from '../simulator/request-object.js';
import { expectAnswer, expectValue, required } from './step-checks.js';
import { displayNameOf, signedPaymentCreation, type UkJourneyStep } from './uk-journey-calls.js';
import {
  UK_BUSINESS_ACCOUNT,
  UK_JOURNEY_CLIENT_ID,
  UK_JOURNEY_USER,
  UK_SECOND_AUTHORISER,
  ukDomesticPaymentFrom,
} from './uk-journey-fixtures.js';

/*
 * The `uk` journey's payment with two authorisers: from the demo SME account, held by psu@wso2.com and
 * sme@example.com. The first authoriser stages it (Authorised, awaiting further authorisation); the second goes
 * through the consent page and persist and completes the multi-authorisation.
 */

const STEP = {
  create: 'create a payment consent from a business account',
  firstAuthoriser: 'the first authoriser stages it: Authorised, awaiting another',
  secondScreen: 'show the second authoriser the payment and the progress',
  secondAuthoriser: 'the second authoriser completes the multi-authorisation',
} as const;

async function decide(
  simulator: Parameters<UkJourneyStep['run']>[0],
  consentId: string,
  userId: string,
): Promise<unknown> {
  const claims = buildRequestObjectClaims({ clientId: UK_JOURNEY_CLIENT_ID, consentId, scope: 'openid payments' });
  const page = expectAnswer(await simulator.populateScreen(consentId, userId, claims));
  return expectAnswer(
    await simulator.persist(
      consentId,
      userId,
      page,
      selectAccounts(page, [displayNameOf(page, UK_BUSINESS_ACCOUNT)]),
      true,
    ),
  );
}

export const UK_MULTI_AUTHORISATION_STEPS: readonly UkJourneyStep[] = [
  {
    name: STEP.create,
    async run(simulator, state) {
      state.twoAuthorisers = await signedPaymentCreation(
        simulator,
        'domestic-payment-consents',
        ukDomesticPaymentFrom(UK_BUSINESS_ACCOUNT),
      );
      return `consent ${state.twoAuthorisers.consentId}`;
    },
  },
  {
    name: STEP.firstAuthoriser,
    dependsOn: [STEP.create],
    async run(simulator, state) {
      const { consentId } = required(state.twoAuthorisers, 'the consent');
      const answer = await decide(simulator, consentId, UK_JOURNEY_USER);
      expectValue('consentResource.status', 'Authorised', valueAtPath(answer, ['consentResource', 'status']));
      expectValue(
        'MultiAuthorisation.NumberRequired',
        '2',
        valueAtPath(answer, ['consentResource', 'attributes', 'MultiAuthorisation.NumberRequired']),
      );
      expectValue('stored status', 'Authorised', simulator.store.get(consentId).status);
      return 'Authorised by 1 of 2';
    },
  },
  {
    name: STEP.secondScreen,
    dependsOn: [STEP.firstAuthoriser],
    async run(simulator, state) {
      const { consentId } = required(state.twoAuthorisers, 'the consent');
      const claims = buildRequestObjectClaims({ clientId: UK_JOURNEY_CLIENT_ID, consentId, scope: 'openid payments' });
      const page = expectAnswer(await simulator.populateScreen(consentId, UK_SECOND_AUTHORISER, claims));
      expectValue(
        'Authorisations box',
        ['1 of 2 authorisers have authorised this payment; yours is needed'],
        valueAtPath(page, ['consentData', 'basicConsentData', 'Authorisations']),
      );
      const initiated = arrayAt(recordAt(page, 'consentData'), 'initiatedAccountsForConsent') ?? [];
      expectValue(
        'the account it debits',
        [UK_BUSINESS_ACCOUNT],
        initiated.map((account) => (isJsonRecord(account) ? account.accountId : undefined)),
      );
      return '1 of 2 received, shown to sme@example.com';
    },
  },
  {
    name: STEP.secondAuthoriser,
    dependsOn: [STEP.secondScreen],
    async run(simulator, state) {
      const { consentId } = required(state.twoAuthorisers, 'the consent');
      const answer = await decide(simulator, consentId, UK_SECOND_AUTHORISER);
      expectValue(
        'MultiAuthorisation.Status',
        'Authorised',
        valueAtPath(answer, ['consentResource', 'attributes', 'MultiAuthorisation.Status']),
      );
      const approvers = simulator.store
        .get(consentId)
        .authorizations.filter((authorization) => authorization.status === 'Authorised')
        .map((authorization) => authorization.userId);
      expectValue('the authorisers', [UK_JOURNEY_USER, UK_SECOND_AUTHORISER], approvers);
      return 'MultiAuthorisation Authorised by 2 of 2';
    },
  },
];
