import { randomUUID } from 'node:crypto';
import type { JsonRecord } from '../simulator/json-values.js';
import { valueAtPath } from '../simulator/json-values.js';
import { expectAnswer, expectValue, required } from './step-checks.js';
import {
  access,
  approve,
  expectRefused,
  populate,
  signedPaymentCreation,
  type UkConsent,
  type UkJourneyStep,
} from './uk-journey-calls.js';
import {
  UK_OTHER_CURRENT_ACCOUNT,
  UK_PAYMENTS_API,
  ukInternationalScheduledConsentBody,
  ukInternationalStandingOrderConsentBody,
  ukPaymentOrderSubmission,
} from './uk-journey-fixtures.js';

/*
 * The `uk` journey's international scheduled payment (at an agreed exchange rate) and international standing order
 * (monthly, twelve payments): signed consents, the consent page, approval, and the payment orders checked against them.
 */

const STEP = {
  createScheduled: 'create a signed international scheduled payment consent',
  populateScheduled: 'populate it with the agreed exchange rate and charges',
  persistScheduled: 'persist the international scheduled payment',
  refuseScheduledMismatch: 'refuse an international scheduled payment that differs from its consent',
  allowScheduled: 'allow the matching international scheduled payment',
  createStandingOrder: 'create a signed international standing order consent',
  populateStandingOrder: 'populate it with the frequency in plain language',
  persistStandingOrder: 'persist the international standing order',
  allowStandingOrder: 'allow the matching international standing order',
} as const;

function submit(
  simulator: Parameters<UkJourneyStep['run']>[0],
  consent: UkConsent,
  resource: string,
  body: JsonRecord,
) {
  return access(simulator, consent, resource, `${UK_PAYMENTS_API}${resource}`, 'POST', body, {
    'x-idempotency-key': randomUUID(),
  });
}

export const UK_INTERNATIONAL_STEPS: readonly UkJourneyStep[] = [
  {
    name: STEP.createScheduled,
    async run(simulator, state) {
      const body = ukInternationalScheduledConsentBody();
      state.internationalScheduled = {
        ...(await signedPaymentCreation(simulator, 'international-scheduled-payment-consents', body)),
        body,
      };
      return `consent ${state.internationalScheduled.consentId}`;
    },
  },
  {
    name: STEP.populateScheduled,
    dependsOn: [STEP.createScheduled],
    async run(simulator, state) {
      const data = await populate(simulator, required(state.internationalScheduled, 'the consent'), 'openid payments');
      expectValue(
        'Exchange rate box',
        ['Agreed rate: 1 GBP = 1.17 EUR', 'Contract FX-2026-0042'],
        valueAtPath(data, ['consentData', 'basicConsentData', 'Exchange rate']),
      );
      expectValue(
        'Currency of transfer box',
        ['EUR'],
        valueAtPath(data, ['consentData', 'basicConsentData', 'Currency of transfer']),
      );
      return 'agreed rate and currency of transfer shown';
    },
  },
  {
    name: STEP.persistScheduled,
    dependsOn: [STEP.populateScheduled],
    run: (simulator, state) =>
      approve(simulator, required(state.internationalScheduled, 'the consent'), UK_OTHER_CURRENT_ACCOUNT),
  },
  {
    name: STEP.refuseScheduledMismatch,
    dependsOn: [STEP.persistScheduled],
    async run(simulator, state) {
      const consent = required(state.internationalScheduled, 'the consent');
      const changed = ukPaymentOrderSubmission(consent.consentId, consent.body);
      ((changed['Data'] as JsonRecord)['Initiation'] as JsonRecord)['CurrencyOfTransfer'] = 'USD';
      return expectRefused(
        await submit(simulator, consent, '/international-scheduled-payments', changed),
        400,
        'UK.OBIE.Resource.ConsentMismatch',
      );
    },
  },
  {
    name: STEP.allowScheduled,
    dependsOn: [STEP.persistScheduled],
    async run(simulator, state) {
      const consent = required(state.internationalScheduled, 'the consent');
      expectAnswer(
        await submit(
          simulator,
          consent,
          '/international-scheduled-payments',
          ukPaymentOrderSubmission(consent.consentId, consent.body),
        ),
      );
      return 'POST /international-scheduled-payments allowed';
    },
  },
  {
    name: STEP.createStandingOrder,
    async run(simulator, state) {
      const body = ukInternationalStandingOrderConsentBody();
      state.internationalStandingOrder = {
        ...(await signedPaymentCreation(simulator, 'international-standing-order-consents', body)),
        body,
      };
      return `consent ${state.internationalStandingOrder.consentId}`;
    },
  },
  {
    name: STEP.populateStandingOrder,
    dependsOn: [STEP.createStandingOrder],
    async run(simulator, state) {
      const data = await populate(
        simulator,
        required(state.internationalStandingOrder, 'the consent'),
        'openid payments',
      );
      expectValue(
        'Frequency box',
        ['Every month on day 15'],
        valueAtPath(data, ['consentData', 'basicConsentData', 'Frequency']),
      );
      expectValue(
        'Number of payments box',
        ['12'],
        valueAtPath(data, ['consentData', 'basicConsentData', 'Number of payments']),
      );
      return 'schedule shown';
    },
  },
  {
    name: STEP.persistStandingOrder,
    dependsOn: [STEP.populateStandingOrder],
    run: (simulator, state) =>
      approve(simulator, required(state.internationalStandingOrder, 'the consent'), UK_OTHER_CURRENT_ACCOUNT),
  },
  {
    name: STEP.allowStandingOrder,
    dependsOn: [STEP.persistStandingOrder],
    async run(simulator, state) {
      const consent = required(state.internationalStandingOrder, 'the consent');
      expectAnswer(
        await submit(
          simulator,
          consent,
          '/international-standing-orders',
          ukPaymentOrderSubmission(consent.consentId, consent.body),
        ),
      );
      return 'POST /international-standing-orders allowed';
    },
  },
];
