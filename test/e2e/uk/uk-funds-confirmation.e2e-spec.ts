import type { IdentityServerSimulator, JsonRecord } from '@app/testing';
import {
  UK_CURRENT_ACCOUNT,
  UK_JOURNEY_CLIENT_ID,
  UK_OTHER_CLIENT_ID,
  UK_OTHER_CURRENT_ACCOUNT,
  UK_PAYMENTS_API,
  checkExtensionResponse,
  ukDomesticPaymentConsentBody,
  ukInternationalScheduledConsentBody,
  ukInternationalStandingOrderConsentBody,
} from '@app/testing';
import { callPoint, firstUkError, type CheckedCall } from './support/uk-calls.js';
import { authorisedConsent, storedConsent } from './support/uk-consent-setup.js';
import { paymentInitiationSchema } from './support/uk-official-responses.js';
import { startUkServerForFile } from './support/uk-test-server.js';

/*
 * GET /{payment-consents}/{ConsentId}/funds-confirmation (§A.5): answered from the bank backend's balances (here the
 * embedded bank's demo balances: 2,500.00 GBP on 30080098763459, 1,250.00 GBP on 60161331926819), as
 * OBWriteFundsConfirmationResponse1, only on an Authorised consent, only where the endpoint exists.
 */

const fundsResponse = paymentInitiationSchema('OBWriteFundsConfirmationResponse1');

function withAmount(body: JsonRecord, amount: string): JsonRecord {
  const copy = structuredClone(body);
  (((copy['Data'] as JsonRecord)['Initiation'] as JsonRecord)['InstructedAmount'] as JsonRecord)['Amount'] = amount;
  return copy;
}

function expectUkError(call: CheckedCall, status: number, code: string): void {
  expect(call.contractViolations).toEqual([]);
  expect({ httpStatus: call.httpStatus, status: call.status, errorCode: call.errorCode }).toEqual({
    httpStatus: 200,
    status: 'ERROR',
    errorCode: status,
  });
  expect(firstUkError(call)).toMatchObject({ ErrorCode: code, Message: expect.any(String) });
}

describe('UK funds confirmation on payment consents', () => {
  let simulator: IdentityServerSimulator;
  startUkServerForFile((started) => {
    ({ simulator } = started);
  });

  const confirm = (
    consentId: string,
    path: string,
    clientId = UK_JOURNEY_CLIENT_ID,
    consentResource: JsonRecord = simulator.store.basicView(consentId, { withAttributes: true }),
  ) =>
    callPoint(simulator, 'pre-process-consent-retrieval', {
      consentId,
      consentResourcePath: `${path}/${consentId}/funds-confirmation`,
      requestHeaders: { 'x-wso2-client-id': clientId },
      consentResource,
    });

  const expectFunds = (call: CheckedCall, path: string, consentId: string, available: boolean): void => {
    expect(call.contractViolations).toEqual([]);
    expect(call).toMatchObject({ httpStatus: 200, status: 'SUCCESS' });
    const body = call.data['modifiedResponse'] as JsonRecord;
    expect(fundsResponse(body)).toBeUndefined();
    expect(body).toEqual({
      Data: {
        FundsAvailableResult: {
          FundsAvailableDateTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/),
          FundsAvailable: available,
        },
      },
      Links: { Self: `https://localhost:8243/open-banking/v3.1/pisp/${path}/${consentId}/funds-confirmation` },
      Meta: {},
    });
  };

  it.each([
    ['domestic-payment-consents', () => ukDomesticPaymentConsentBody(), UK_CURRENT_ACCOUNT, '165.88'],
    ['international-payment-consents', () => internationalBody(), UK_OTHER_CURRENT_ACCOUNT, '1250.00'],
    [
      'international-scheduled-payment-consents',
      () => ukInternationalScheduledConsentBody(),
      UK_OTHER_CURRENT_ACCOUNT,
      '250.00',
    ],
  ])(
    '%s: funds available for an amount the approved account covers (to the last penny), not for one above it',
    async (path, body, accountId, covered) => {
      const yes = await authorisedConsent(simulator, path, withAmount(body(), covered), 'openid payments', accountId);
      expectFunds(await confirm(yes, path), path, yes, true);
      const no = await authorisedConsent(simulator, path, withAmount(body(), '5000.00'), 'openid payments', accountId);
      expectFunds(await confirm(no, path), path, no, false);
    },
  );

  it('never changes the consent: asked twice, it answers twice, and the consent stays Authorised', async () => {
    const consentId = await authorisedConsent(
      simulator,
      'domestic-payment-consents',
      ukDomesticPaymentConsentBody(),
      'openid payments',
      UK_CURRENT_ACCOUNT,
    );
    expectFunds(await confirm(consentId, 'domestic-payment-consents'), 'domestic-payment-consents', consentId, true);
    expectFunds(await confirm(consentId, 'domestic-payment-consents'), 'domestic-payment-consents', consentId, true);
    expect(simulator.store.get(consentId).status).toBe('Authorised');
  });

  it.each(['AwaitingAuthorisation', 'Rejected', 'Consumed'])(
    'UK-31 refuses a %s consent (400 UK.OBIE.Resource.InvalidConsentStatus)',
    async (status) => {
      const consentId =
        status === 'AwaitingAuthorisation'
          ? await storedConsent(simulator, 'domestic-payment-consents', ukDomesticPaymentConsentBody())
          : await authorisedConsent(
              simulator,
              'domestic-payment-consents',
              ukDomesticPaymentConsentBody(),
              'openid payments',
              UK_CURRENT_ACCOUNT,
            );
      if (status !== 'AwaitingAuthorisation') {
        simulator.store.updateStatus(consentId, status);
      }
      expectUkError(
        await confirm(consentId, 'domestic-payment-consents'),
        400,
        'UK.OBIE.Resource.InvalidConsentStatus',
      );
    },
  );

  it.each([
    ['domestic-scheduled-payment-consents', () => scheduledBody()],
    ['domestic-standing-order-consents', () => standingOrderBody()],
    ['international-standing-order-consents', () => ukInternationalStandingOrderConsentBody()],
  ])(
    '%s has no funds confirmation: 404 UK.OBIE.Resource.NotFound, and the gateway refuses the call (403)',
    async (path, body) => {
      const consentId = await authorisedConsent(simulator, path, body(), 'openid payments', UK_CURRENT_ACCOUNT);
      expectUkError(await confirm(consentId, path), 404, 'UK.OBIE.Resource.NotFound');
      const access = await simulator.validateAccess(consentId, {
        electedResource: `/${path}/{ConsentId}/funds-confirmation`,
        resource: `${UK_PAYMENTS_API}/${path}/${consentId}/funds-confirmation`,
        httpMethod: 'GET',
      });
      expect(checkExtensionResponse(access.extension, access.requestId, access.httpStatus, access.body)).toEqual([]);
      expect(access.body).toMatchObject({
        status: 'ERROR',
        errorCode: 403,
        data: { errorMessage: 'UK.OBIE.Resource.ConsentMismatch' },
      });
    },
  );

  it('refuses another TPP (403 UK.OBIE.Resource.NotFound)', async () => {
    const consentId = await authorisedConsent(
      simulator,
      'domestic-payment-consents',
      ukDomesticPaymentConsentBody(),
      'openid payments',
      UK_CURRENT_ACCOUNT,
    );
    expectUkError(
      await confirm(consentId, 'domestic-payment-consents', UK_OTHER_CLIENT_ID),
      403,
      'UK.OBIE.Resource.NotFound',
    );
  });

  it('says so when the consent records no approved account (authorised before this version): 500 UK.OBIE.UnexpectedError', async () => {
    const consentId = await authorisedConsent(
      simulator,
      'domestic-payment-consents',
      ukDomesticPaymentConsentBody(),
      'openid payments',
      UK_CURRENT_ACCOUNT,
    );
    const withoutAttributes = simulator.store.basicView(consentId, { withAttributes: false });
    expectUkError(
      await confirm(consentId, 'domestic-payment-consents', UK_JOURNEY_CLIENT_ID, withoutAttributes),
      500,
      'UK.OBIE.UnexpectedError',
    );
  });
});

function internationalBody(): JsonRecord {
  const scheduled = ukInternationalScheduledConsentBody();
  const initiation = structuredClone((scheduled['Data'] as JsonRecord)['Initiation'] as JsonRecord);
  delete initiation['RequestedExecutionDateTime'];
  return { Data: { Initiation: initiation }, Risk: scheduled['Risk'] };
}

const inDays = (days: number): string => `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 19)}+00:00`;

function scheduledBody(): JsonRecord {
  const initiation = structuredClone(
    (ukDomesticPaymentConsentBody()['Data'] as JsonRecord)['Initiation'] as JsonRecord,
  );
  return {
    Data: { Permission: 'Create', Initiation: { ...initiation, RequestedExecutionDateTime: inDays(3) } },
    Risk: {},
  };
}

function standingOrderBody(): JsonRecord {
  const initiation = (ukDomesticPaymentConsentBody()['Data'] as JsonRecord)['Initiation'] as JsonRecord;
  return {
    Data: {
      Permission: 'Create',
      Initiation: {
        Frequency: 'EvryWorkgDay',
        FirstPaymentDateTime: inDays(2),
        FirstPaymentAmount: { Amount: '10.00', Currency: 'GBP' },
        CreditorAccount: initiation['CreditorAccount'],
      },
    },
    Risk: {},
  };
}
