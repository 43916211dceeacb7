import type { IdentityServerSimulator, JsonRecord, SimulatedExchange } from '@app/testing';
import {
  UK_CURRENT_ACCOUNT,
  UK_JOURNEY_USER,
  UK_PAYMENTS_API,
  checkExtensionResponse,
  selectAccounts,
  ukDomesticPaymentConsentBody,
  ukDomesticPaymentSubmission,
} from '@app/testing';
import { createConsent, firstUkError } from './support/uk-calls.js';
import { displayNameOf, requestObject, storedConsent } from './support/uk-consent-setup.js';
import { startUkServerForFile } from './support/uk-test-server.js';

/*
 * Multi-authorisation (§A.5; payment-initiation API profile "Multiple Authorisation"): a payment from the demo SME
 * account 20000055779911, held jointly by psu@wso2.com and sme@example.com, needs UK_BUSINESS_ACCOUNT_AUTHORISERS (2)
 * authorisers. The first stages it (Authorised, MultiAuthorisation AwaitingFurtherAuthorisation), each further one goes
 * through the consent page and persist, until Authorised or Rejected. Every answer through the contract matcher.
 */

const BUSINESS_ACCOUNT = '20000055779911';
const SECOND_AUTHORISER = 'sme@example.com';
const NOT_A_HOLDER = 'admin@wso2.com';
const PATH = 'domestic-payment-consents';

function businessPayment(authorisation?: JsonRecord, debtor: string | null = BUSINESS_ACCOUNT): JsonRecord {
  const body = ukDomesticPaymentConsentBody();
  const data = body['Data'] as JsonRecord;
  if (debtor !== null) {
    (data['Initiation'] as JsonRecord)['DebtorAccount'] = {
      SchemeName: 'UK.OBIE.SortCodeAccountNumber',
      Identification: debtor,
      Name: 'Morgan & Taylor Trading Ltd',
    };
  }
  if (authorisation !== undefined) {
    data['Authorisation'] = authorisation;
  }
  return body;
}

function answerOf(exchange: SimulatedExchange): { status: unknown; data: JsonRecord } {
  expect(checkExtensionResponse(exchange.extension, exchange.requestId, exchange.httpStatus, exchange.body)).toEqual(
    [],
  );
  const body = exchange.body as JsonRecord;
  return { status: body['status'], data: (body['data'] ?? {}) as JsonRecord };
}

describe('UK multi-authorisation of payment consents', () => {
  let simulator: IdentityServerSimulator;
  startUkServerForFile((started) => {
    ({ simulator } = started);
  });

  const screen = (consentId: string, userId: string) =>
    simulator.populateScreen(consentId, userId, requestObject(consentId, 'openid payments'));
  const decide = async (consentId: string, userId: string, approve: boolean): Promise<SimulatedExchange> => {
    const page = answerOf(await screen(consentId, userId)).data;
    return simulator.persist(
      consentId,
      userId,
      page,
      approve ? selectAccounts(page, [displayNameOf(page, BUSINESS_ACCOUNT)]) : {},
      approve,
    );
  };
  /** A business payment its first authoriser (psu@wso2.com) approved. */
  const staged = async (body: JsonRecord = businessPayment()): Promise<string> => {
    const consentId = await storedConsent(simulator, PATH, body);
    expect(answerOf(await decide(consentId, UK_JOURNEY_USER, true)).status).toBe('SUCCESS');
    return consentId;
  };

  it('the first authoriser stages the payment: Authorised, awaiting one more authoriser', async () => {
    const consentId = await storedConsent(simulator, PATH, businessPayment());
    const answer = answerOf(await decide(consentId, UK_JOURNEY_USER, true));
    expect(answer).toEqual({
      status: 'SUCCESS',
      data: {
        consentResource: {
          status: 'Authorised',
          authorizations: [
            {
              userId: UK_JOURNEY_USER,
              type: 'authorisation',
              status: 'Authorised',
              resources: [{ accountId: BUSINESS_ACCOUNT, permission: 'payments', status: 'active' }],
            },
            { type: 'authorisation', status: 'Created', resources: [] },
          ],
          attributes: {
            DebtorAccountId: BUSINESS_ACCOUNT,
            'MultiAuthorisation.NumberRequired': '2',
            'MultiAuthorisation.Decision.1': expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/),
          },
        },
      },
    });
    expect(simulator.store.get(consentId).status).toBe('Authorised');
  });

  it('shows the second authoriser the payment, the progress and the account, and completes the multi-authorisation with their approval', async () => {
    const consentId = await staged();
    const page = answerOf(await screen(consentId, SECOND_AUTHORISER));
    expect(page.status).toBe('SUCCESS');
    const consentData = page.data['consentData'] as JsonRecord;
    expect(consentData['basicConsentData']).toMatchObject({
      Amount: ['165.88 GBP'],
      Authorisations: ['1 of 2 authorisers have authorised this payment; yours is needed'],
    });
    expect((consentData['initiatedAccountsForConsent'] as JsonRecord[]).map((account) => account['accountId'])).toEqual(
      [BUSINESS_ACCOUNT],
    );

    const answer = answerOf(await decide(consentId, SECOND_AUTHORISER, true));
    expect(answer).toEqual({
      status: 'SUCCESS',
      data: {
        consentResource: {
          authorizations: [{ userId: SECOND_AUTHORISER, type: 'authorisation', status: 'Authorised', resources: [] }],
          attributes: {
            'MultiAuthorisation.Decision.2': expect.any(String),
            'MultiAuthorisation.Status': 'Authorised',
          },
        },
      },
    });
    const stored = simulator.store.get(consentId);
    expect(stored.status).toBe('Authorised');
    expect(
      stored.authorizations
        .filter((authorization) => authorization.status === 'Authorised')
        .map((authorization) => authorization.userId),
    ).toEqual([UK_JOURNEY_USER, SECOND_AUTHORISER]);
    expect(answerOf(await screen(consentId, SECOND_AUTHORISER))).toEqual({
      status: 'ERROR',
      data: { errorMessage: "The payment's authorisation is complete: Authorised" },
    });
  });

  it("lets the payment order through once staged, while further authorisation is awaited (the standard's flow)", async () => {
    const consentId = await staged();
    const order = await simulator.validateAccess(consentId, {
      electedResource: '/domestic-payments',
      resource: `${UK_PAYMENTS_API}/domestic-payments`,
      httpMethod: 'POST',
      body: ukDomesticPaymentSubmission(
        consentId,
        (simulator.store.get(consentId).receipt['Data'] as JsonRecord)['Initiation'] as JsonRecord,
      ),
      headers: { 'x-idempotency-key': 'order-1' },
      userId: UK_JOURNEY_USER,
    });
    expect(answerOf(order).status).toBe('SUCCESS');
  });

  it('refuses the same authoriser twice and a customer who does not hold the account, changing nothing', async () => {
    const consentId = await staged();
    expect(answerOf(await screen(consentId, UK_JOURNEY_USER))).toEqual({
      status: 'ERROR',
      data: { errorMessage: 'You have already authorised this payment' },
    });
    expect(answerOf(await screen(consentId, NOT_A_HOLDER))).toEqual({
      status: 'ERROR',
      data: { errorMessage: 'Only a holder of the account this payment debits can authorise it' },
    });
    expect(simulator.store.get(consentId).status).toBe('Authorised');
  });

  it('is Rejected when a further authoriser declines; a consent already Consumed by its order stays Consumed', async () => {
    const declined = await staged();
    expect(answerOf(await decide(declined, SECOND_AUTHORISER, false))).toEqual({
      status: 'SUCCESS',
      data: {
        consentResource: {
          status: 'Rejected',
          authorizations: [{ userId: SECOND_AUTHORISER, type: 'authorisation', status: 'Rejected', resources: [] }],
          attributes: { 'MultiAuthorisation.Decision.2': expect.any(String), 'MultiAuthorisation.Status': 'Rejected' },
        },
      },
    });
    expect(simulator.store.get(declined).status).toBe('Rejected');

    const consumed = await staged();
    simulator.store.updateStatus(consumed, 'Consumed');
    const answer = answerOf(await decide(consumed, SECOND_AUTHORISER, false));
    expect(answer.data['consentResource']).not.toHaveProperty('status');
    expect(simulator.store.get(consumed).status).toBe('Consumed');
  });

  it('is Rejected when the CompletionDateTime passes before the last authoriser', async () => {
    const deadline = new Date(Date.now() + 3000);
    const consentId = await staged(
      businessPayment({ AuthorisationType: 'Any', CompletionDateTime: `${deadline.toISOString().slice(0, 19)}+00:00` }),
    );
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline.getTime() - Date.now() + 1100)));
    expect(answerOf(await screen(consentId, SECOND_AUTHORISER))).toEqual({
      status: 'ERROR',
      data: { errorMessage: "The payment's authorisation is complete: Rejected", newConsentStatus: 'Rejected' },
    });
    expect(simulator.store.get(consentId).status).toBe('Rejected');
  });

  describe('AuthorisationType and CompletionDateTime at creation', () => {
    it('refuses Single with a DebtorAccount that needs several authorisers (400 UK.OBIE.Field.Invalid)', async () => {
      const call = await createConsent(simulator, PATH, businessPayment({ AuthorisationType: 'Single' }));
      expect(call.contractViolations).toEqual([]);
      expect(call).toMatchObject({ httpStatus: 200, status: 'ERROR', errorCode: 400 });
      expect(firstUkError(call)).toEqual({
        ErrorCode: 'UK.OBIE.Field.Invalid',
        Message: expect.any(String),
        Path: 'Data.Authorisation.AuthorisationType',
      });
    });

    it('refuses a CompletionDateTime already past (400 UK.OBIE.Field.InvalidDate)', async () => {
      const call = await createConsent(
        simulator,
        PATH,
        businessPayment({ AuthorisationType: 'Any', CompletionDateTime: '2020-01-01T00:00:00+00:00' }),
      );
      expect(call).toMatchObject({ status: 'ERROR', errorCode: 400, contractViolations: [] });
      expect(firstUkError(call)).toEqual({
        ErrorCode: 'UK.OBIE.Field.InvalidDate',
        Message: expect.any(String),
        Path: 'Data.Authorisation.CompletionDateTime',
      });
    });

    it('accepts Single for a retail account, which needs one authoriser and gets no MultiAuthorisation', async () => {
      const consentId = await storedConsent(
        simulator,
        PATH,
        businessPayment({ AuthorisationType: 'Single' }, UK_CURRENT_ACCOUNT),
      );
      const page = answerOf(await screen(consentId, UK_JOURNEY_USER)).data;
      const answer = answerOf(
        await simulator.persist(
          consentId,
          UK_JOURNEY_USER,
          page,
          selectAccounts(page, [displayNameOf(page, UK_CURRENT_ACCOUNT)]),
          true,
        ),
      );
      expect(answer.data['consentResource']).toEqual({
        status: 'Authorised',
        authorizations: [
          {
            userId: UK_JOURNEY_USER,
            type: 'authorisation',
            status: 'Authorised',
            resources: [{ accountId: UK_CURRENT_ACCOUNT, permission: 'payments', status: 'active' }],
          },
        ],
        attributes: { DebtorAccountId: UK_CURRENT_ACCOUNT },
      });
    });

    it('offers only accounts needing one authoriser for a Single payment without DebtorAccount', async () => {
      const single = await storedConsent(simulator, PATH, businessPayment({ AuthorisationType: 'Single' }, null));
      const offered = (
        (answerOf(await screen(single, UK_JOURNEY_USER)).data['consumerData'] as JsonRecord)['accounts'] as JsonRecord[]
      ).map((account) => account['accountId']);
      expect(offered).toContain(UK_CURRENT_ACCOUNT);
      expect(offered).not.toContain(BUSINESS_ACCOUNT);
      const any = await storedConsent(simulator, PATH, businessPayment(undefined, null));
      expect(
        (
          (answerOf(await screen(any, UK_JOURNEY_USER)).data['consumerData'] as JsonRecord)['accounts'] as JsonRecord[]
        ).map((account) => account['accountId']),
      ).toContain(BUSINESS_ACCOUNT);
    });
  });
});
