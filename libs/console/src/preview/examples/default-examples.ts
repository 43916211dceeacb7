import { accountAccessConsentBody, domesticPaymentConsentBody, ukFundsConfirmationConsentBody } from '@app/testing';
import type { ConsentExample } from './consent-example.js';

const CLIENT_ID = 'console-tpp';

/** The consent types of the `default` specification (the accelerator's own validation, UK v3.1 shapes). */
export function defaultExamples(now: number): ConsentExample[] {
  return [
    {
      id: 'accounts',
      title: 'Account access',
      flow: 'tpp-initiated',
      clientId: CLIENT_ID,
      resourcePath: 'account-access-consents',
      scope: 'openid accounts',
      headers: {},
      body: accountAccessConsentBody(now),
    },
    {
      id: 'domestic-payment',
      title: 'Domestic payment (the customer picks the paying account)',
      flow: 'tpp-initiated',
      clientId: CLIENT_ID,
      resourcePath: 'domestic-payment-consents',
      scope: 'openid payments',
      headers: {},
      body: domesticPaymentConsentBody(),
    },
    {
      id: 'funds-confirmation',
      title: 'Confirmation of funds',
      flow: 'tpp-initiated',
      clientId: CLIENT_ID,
      resourcePath: 'funds-confirmation-consents',
      scope: 'openid fundsconfirmations',
      headers: {},
      body: ukFundsConfirmationConsentBody(now),
    },
  ];
}
