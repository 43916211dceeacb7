import { randomUUID } from 'node:crypto';
import {
  buildAuthorizedResources,
  checkExtensionResponse,
  isJsonRecord,
  selectAccounts,
  type IdentityServerSimulator,
  type JsonRecord,
} from '@app/testing';
import type { RunningTestServer } from '../support/test-server.js';
// The @app/testing barrel does not export the uae journey fixtures yet (the lead adds them with the journey).
import {
  uaeDataSharingItem,
  uaeDomesticPii,
  uaeEncryptedPii,
  uaeSingleInstantPaymentItem,
  uaeRequestObjectClaims,
  uaeVariableMultiPaymentItem,
} from '@app/testing';
import { at, callChecked, checkedBody, mutated, set } from './support/uae-calls.js';
import { uaeSimulator } from './support/uae-simulator.js';
import { CUSTOMER, TPP } from './support/uae-stored-consents.js';
import { startUaeTestServer } from './support/uae-test-specs.js';

const DIRHAM_ACCOUNT = 'AE070331234567890123456';

/* populate-consent-authorize-screen and persist-authorized-consent in the PAR flow (contract §4.9, §4.10). */
describe('uae consent screen and persist', () => {
  let server: RunningTestServer;
  let simulator: IdentityServerSimulator;
  beforeAll(async () => {
    server = await startUaeTestServer();
    simulator = uaeSimulator(server);
  });
  afterAll(async () => {
    await server.close();
  });

  const populate = (claims: JsonRecord, userId = CUSTOMER) =>
    callChecked(simulator.client, 'populate-consent-authorize-screen', {
      userId,
      requestParameters: claims,
      consentResource: {},
    });

  function persistData(
    claims: JsonRecord,
    populateData: unknown,
    accountNames: string[],
    approve = true,
    userId = CUSTOMER,
  ) {
    const selection = selectAccounts(populateData, accountNames);
    const authorizedResources = buildAuthorizedResources(populateData, { userId, approve, selection });
    return { isApproved: approve, userGrantedData: { userId, requestParameters: claims, authorizedResources } };
  }

  const persist = (data: unknown) => callChecked(simulator.client, 'persist-authorized-consent', data);
  const listAt = (value: unknown, path: string): JsonRecord[] => {
    const list = at(value, path);
    return Array.isArray(list) ? list.filter(isJsonRecord) : [];
  };
  const accountsOf = (populateData: unknown): JsonRecord[] => [
    ...listAt(populateData, 'consumerData.accounts'),
    ...listAt(populateData, 'consentData.initiatedAccountsForConsent'),
  ];
  const idsOf = (populateData: unknown): unknown[] => accountsOf(populateData).map((account) => account['accountId']);
  const nameOf = (populateData: unknown, accountId: string): string =>
    String(accountsOf(populateData).find((account) => account['accountId'] === accountId)?.['displayName']);

  it('shows the data sharing consent in plain language with the eligible accounts', async () => {
    const answer = await populate(uaeRequestObjectClaims(uaeDataSharingItem()));
    expect(answer.status).toBe('SUCCESS');
    expect(at(answer.data, 'consentData')).toMatchObject({
      type: 'accounts',
      allowMultipleAccounts: true,
      basicConsentData: {
        Purpose: ['Show all your accounts in one place'],
        'Customer type': ['Retail'],
        'Transactions from': ['2029-01-01'],
        'Transactions to': ['2029-12-31'],
        'Account types': ['Retail', 'CurrentAccount', 'Savings'],
      },
      permissions: [{ uid: 'uae-permissions', displayValues: expect.arrayContaining(['Your account balances']) }],
    });
    const ids = idsOf(answer.data);
    expect(ids).toEqual(expect.arrayContaining(['30080012343456', '60161331926819', DIRHAM_ACCOUNT]));
    expect(ids).not.toContain('CC-5555555555554444');
  });

  it('offers only the account sub-types the consent names', async () => {
    const claims = uaeRequestObjectClaims(mutated(uaeDataSharingItem(), set('consent.AccountSubType', ['CreditCard'])));
    const answer = await populate(claims);
    expect(idsOf(answer.data)).toEqual(['CC-5555555555554444']);
  });

  it('shows a payment with its amount, payee and schedule, offering only payable dirham accounts', async () => {
    const answer = await populate(uaeRequestObjectClaims(uaeSingleInstantPaymentItem()));
    expect(at(answer.data, 'consentData')).toMatchObject({
      type: 'payments',
      allowMultipleAccounts: false,
      permissions: [],
      basicConsentData: {
        'Payment schedule': ['One instant payment of AED 100.00'],
        Payee: ['Dubai Utilities: AE460090000000123456789'],
        'Payment purpose code': ['ACM'],
      },
    });
    expect(idsOf(answer.data)).toEqual([DIRHAM_ACCOUNT]);
  });

  it('describes the limits of a multi-payment consent', async () => {
    const answer = await populate(uaeRequestObjectClaims(uaeVariableMultiPaymentItem()));
    expect(at(answer.data, 'consentData.basicConsentData.Payment schedule')).toEqual(
      expect.arrayContaining([
        'Each payment at most AED 100.00',
        'At most AED 250.00 per day',
        'In total at most AED 200.00',
      ]),
    );
  });

  it('shows the DebtorAccount the TPP named as the only account, and refuses one the customer does not hold', async () => {
    const withDebtor = (identification: string) =>
      uaeRequestObjectClaims(
        uaeSingleInstantPaymentItem(
          undefined,
          undefined,
          undefined,
          uaeEncryptedPii(
            mutated(
              uaeDomesticPii(),
              set('Initiation.DebtorAccount', { SchemeName: 'IBAN', Identification: identification }),
            ),
          ),
        ),
      );
    const answer = await populate(withDebtor(DIRHAM_ACCOUNT));
    expect(
      listAt(answer.data, 'consentData.initiatedAccountsForConsent').map((account) => account['accountId']),
    ).toEqual([DIRHAM_ACCOUNT]);
    expect(at(answer.data, 'consumerData.accounts')).toEqual([]);
    expect(await populate(withDebtor('AE000000000000000000000'))).toMatchObject({
      status: 'ERROR',
      data: { errorMessage: 'The DebtorAccount of the payment is not a payable account of this customer' },
    });
  });

  it('refuses an invalid request object at the screen without a consent status (there is no consent yet)', async () => {
    const claims = uaeRequestObjectClaims(mutated(uaeDataSharingItem(), set('consent.Permissions', ['ReadBalances'])));
    const answer = await populate(claims);
    expect(answer).toMatchObject({
      status: 'ERROR',
      data: { errorMessage: expect.stringMatching(/^Consent\.BusinessRuleViolation: ReadBalances requires/) },
    });
    expect(answer.data).not.toHaveProperty('newConsentStatus');
  });

  it('refuses a customer with no eligible account', async () => {
    const answer = await populate(uaeRequestObjectClaims(uaeSingleInstantPaymentItem()), 'sme@example.com');
    expect(answer).toMatchObject({
      status: 'ERROR',
      data: { errorMessage: 'The customer has no account this consent can cover' },
    });
  });

  it('creates the consent at persist with the five fields, the TPP ConsentId and the mapping; once per ConsentId', async () => {
    const consentId = randomUUID();
    const item = uaeDataSharingItem(consentId);
    const claims = uaeRequestObjectClaims(item);
    const screen = (await populate(claims)).data;
    const data = persistData(claims, screen, [nameOf(screen, '60161331926819')]);
    const answer = await persist(data);
    expect(at(answer.data, 'consentResource')).toEqual({
      type: 'accounts',
      status: 'Authorized',
      frequency: 0,
      validityTime: Math.floor(Date.parse(String(at(item, 'consent.ExpirationDateTime'))) / 1000),
      recurringIndicator: true,
      receipt: item,
      attributes: { UaeConsentId: consentId },
      authorizations: [
        {
          userId: CUSTOMER,
          type: 'authorisation',
          status: 'Authorized',
          resources: [{ accountId: '60161331926819', permission: 'primary', status: 'active' }],
        },
      ],
    });
    // The same consent persisted again under another requestId is refused: a ConsentId creates one consent.
    const again = await simulator.client.call('persist-authorized-consent', data, { requestId: randomUUID() });
    expect(checkExtensionResponse('persist-authorized-consent', again.requestId, again.httpStatus, again.body)).toEqual(
      [],
    );
    expect(again.body).toMatchObject({
      status: 'ERROR',
      data: { errorMessage: `ConsentId ${consentId} has already been used by this TPP` },
    });
    // The screen of a request object whose ConsentId is taken is refused before the customer sees it.
    expect(await populate(claims)).toMatchObject({
      status: 'ERROR',
      data: { errorMessage: `ConsentId ${consentId} has already been used by this TPP` },
    });
  });

  it('records a denial as Rejected and keeps the ConsentId used', async () => {
    const item = uaeDataSharingItem();
    const claims = uaeRequestObjectClaims(item);
    const screen = (await populate(claims)).data;
    const answer = await persist(persistData(claims, screen, [], false));
    expect(at(answer.data, 'consentResource')).toMatchObject({
      status: 'Rejected',
      authorizations: [{ status: 'Rejected', resources: [{ accountId: 'n/a', status: 'inactive' }] }],
    });
    const again = await callChecked(simulator.client, 'validate-authorization-request', {
      requestObject: uaeRequestObjectClaims(item),
    });
    expect(again).toMatchObject({ status: 'ERROR', data: { errorMessage: 'invalid_request' } });
  });

  it('keeps a payment needing more authorisers AwaitingAuthorization', async () => {
    const claims = uaeRequestObjectClaims(
      mutated(uaeSingleInstantPaymentItem(), set('consent.IsSingleAuthorization', false)),
    );
    const screen = (await populate(claims)).data;
    const answer = await persist(persistData(claims, screen, [nameOf(screen, DIRHAM_ACCOUNT)]));
    expect(at(answer.data, 'consentResource')).toMatchObject({
      type: 'payments',
      status: 'AwaitingAuthorization',
      recurringIndicator: false,
    });
  });

  it('refuses an approval without accounts, and an account of another customer', async () => {
    const claims = uaeRequestObjectClaims(uaeDataSharingItem());
    const screen = (await populate(claims)).data;
    expect(await persist(persistData(claims, screen, []))).toMatchObject({
      status: 'ERROR',
      data: { errorMessage: 'Account IDs not available in persist request' },
    });
    const foreign = persistData(claims, screen, [nameOf(screen, '60161331926819')]);
    set(
      'accounts.0.accountId',
      '99990000111122',
    )(listAt(foreign.userGrantedData.authorizedResources, 'authorizedData')[0]);
    expect(await persist(foreign)).toMatchObject({
      status: 'ERROR',
      data: { errorMessage: 'Account 99990000111122 is not an account of the customer' },
    });
  });

  it('refuses a payment debiting an account that cannot pay in AED, or several accounts', async () => {
    const claims = uaeRequestObjectClaims(uaeSingleInstantPaymentItem());
    const screen = (await populate(claims)).data;
    const euro = persistData(claims, screen, [nameOf(screen, DIRHAM_ACCOUNT)]);
    set(
      'accounts.0.accountId',
      'DE89370400440532013000',
    )(listAt(euro.userGrantedData.authorizedResources, 'authorizedData')[0]);
    expect(await persist(euro)).toMatchObject({
      status: 'ERROR',
      data: { errorMessage: 'Account DE89370400440532013000 cannot make a payment in AED' },
    });
    const two = persistData(claims, screen, [nameOf(screen, DIRHAM_ACCOUNT)]);
    const accounts = at(listAt(two.userGrantedData.authorizedResources, 'authorizedData')[0], 'accounts');
    if (Array.isArray(accounts)) {
      accounts.push({ displayName: 'Euro Travel Account', accountId: 'DE89370400440532013000' });
    }
    expect(await persist(two)).toMatchObject({
      status: 'ERROR',
      data: { errorMessage: 'A payment debits exactly one account' },
    });
  });

  it('refuses a BaseConsentId chain of another customer at the screen', async () => {
    const baseId = randomUUID();
    const base = uaeDataSharingItem(baseId);
    const baseClaims = uaeRequestObjectClaims(base);
    const screen = (await populate(baseClaims)).data;
    expect((await persist(persistData(baseClaims, screen, [nameOf(screen, '60161331926819')]))).status).toBe('SUCCESS');
    const childId = randomUUID();
    const renewal = uaeRequestObjectClaims(uaeDataSharingItem(childId, baseId));
    expect(await populate(renewal, 'admin@wso2.com')).toMatchObject({
      status: 'ERROR',
      data: { errorMessage: `BaseConsentId ${baseId} is a consent of another customer` },
    });
    expect((await populate(renewal)).status).toBe('SUCCESS');
    // A renewal of a renewal must name the root.
    const renewed = (await populate(renewal)).data;
    expect((await persist(persistData(renewal, renewed, [nameOf(renewed, '60161331926819')]))).status).toBe('SUCCESS');
    const grandChild = await callChecked(simulator.client, 'validate-authorization-request', {
      requestObject: uaeRequestObjectClaims(uaeDataSharingItem(randomUUID(), childId)),
    });
    expect(grandChild.data['errorDescription']).toMatch(
      /^Consent\.BusinessRuleViolation: BaseConsentId must be the root ConsentId of the chain/,
    );
  });

  describe('the pre-initiated route (a gateway staging consents through pre-process-consent-creation)', () => {
    it('creates, enriches, shows, approves and retrieves a consent with the same body', async () => {
      const tppConsentId = randomUUID();
      const item = uaeDataSharingItem(tppConsentId);
      const created = await simulator.createConsent('account-access-consents', item, TPP);
      expect(checkedBody(created.creation)).toMatchObject({
        status: 'SUCCESS',
        data: { consentResource: { status: 'AwaitingAuthorization', receipt: item } },
      });
      const consentId = created.consentId!;
      expect(checkedBody(created.enrichment!)).toMatchObject({
        data: { modifiedResponse: { Data: { ConsentId: tppConsentId, Status: 'AwaitingAuthorization' } } },
      });
      const claims = uaeRequestObjectClaims(item);
      // The gateway pushes the request object of the staged consent: its ConsentId is the staged one, not a reuse.
      expect(
        await callChecked(simulator.client, 'validate-authorization-request', { requestObject: claims }),
      ).toMatchObject({ status: 'SUCCESS' });
      const screen = await simulator.populateScreen(consentId, CUSTOMER, claims);
      expect(checkedBody(screen)).toMatchObject({ status: 'SUCCESS', data: { consentData: { type: 'accounts' } } });
      const screenData = at(screen.body, 'data');
      const persisted = await simulator.persist(
        consentId,
        CUSTOMER,
        screenData,
        selectAccounts(screenData, [nameOf(screenData, '60161331926819')]),
        true,
      );
      expect(checkedBody(persisted)).toMatchObject({
        status: 'SUCCESS',
        data: { consentResource: { status: 'Authorized' } },
      });
      expect(simulator.store.get(consentId).status).toBe('Authorized');
      const retrieved = await simulator.retrieveConsent(consentId, `account-access-consents/${consentId}`);
      expect(checkedBody(retrieved)).toMatchObject({
        data: { modifiedResponse: { Data: { ConsentId: tppConsentId, Status: 'Authorized' } } },
      });
      // Once the customer has decided, the ConsentId is used.
      const again = await callChecked(simulator.client, 'validate-authorization-request', {
        requestObject: uaeRequestObjectClaims(item),
      });
      expect(again).toMatchObject({ status: 'ERROR', errorCode: 400, data: { errorMessage: 'invalid_request' } });
      expect(again.data['errorDescription']).toMatch(
        /^Consent\.Invalid: ConsentId .* has already been used by this TPP/,
      );
    });

    it('refuses an invalid body in the UAE error format, and a body on the wrong path', async () => {
      const invalid = await simulator.createConsent(
        'account-access-consents',
        mutated(uaeDataSharingItem(), set('consent.Permissions', [])),
        TPP,
      );
      expect(checkedBody(invalid.creation)).toMatchObject({
        status: 'ERROR',
        errorCode: 400,
        data: { Errors: [{ Code: 'Body.InvalidFormat', Path: 'Body.consent.Permissions' }] },
      });
      const wrongPath = await simulator.createConsent('payment-consents', uaeDataSharingItem(), TPP);
      expect(checkedBody(wrongPath.creation)).toMatchObject({
        status: 'ERROR',
        errorCode: 400,
        data: { Errors: [{ Code: 'Consent.Invalid' }] },
      });
      const reused = uaeDataSharingItem();
      expect((await simulator.createConsent('account-access-consents', reused, TPP)).consentId).toBeDefined();
      expect(
        checkedBody((await simulator.createConsent('account-access-consents', reused, TPP)).creation),
      ).toMatchObject({ status: 'ERROR', data: { Errors: [{ Code: 'Consent.Invalid' }] } });
    });

    it("neither shows nor persists another TPP's staged consent, and leaves its status (issue 9, rule 15)", async () => {
      const item = uaeDataSharingItem();
      const created = await simulator.createConsent('account-access-consents', item, TPP);
      const consentId = created.consentId!;
      const foreignClaims = uaeRequestObjectClaims(item, 'another-tpp');
      const refusal = {
        httpStatus: 200,
        status: 'ERROR',
        errorCode: 400,
        data: {
          errorMessage: 'Consent.Invalid: The ConsentId does not identify a UAE consent of this TPP (ConsentId)',
        },
      };
      const screen = await callChecked(simulator.client, 'populate-consent-authorize-screen', {
        consentId,
        userId: CUSTOMER,
        requestParameters: foreignClaims,
        consentResource: simulator.store.detailedView(consentId),
      });
      expect(screen).toEqual(refusal);
      const persisted = await callChecked(simulator.client, 'persist-authorized-consent', {
        consentId,
        isApproved: true,
        consentResource: simulator.store.detailedView(consentId),
        userGrantedData: {
          userId: CUSTOMER,
          requestParameters: foreignClaims,
          authorizedResources: {
            approval: 'true',
            authorizedData: [{ accounts: [{ displayName: 'Current', accountId: '60161331926819' }] }],
          },
        },
      });
      expect(persisted).toEqual(refusal);
      expect(simulator.store.get(consentId).status).toBe('AwaitingAuthorization');
      // Its own TPP's request object still opens the screen.
      expect(
        checkedBody(await simulator.populateScreen(consentId, CUSTOMER, uaeRequestObjectClaims(item))),
      ).toMatchObject({ status: 'SUCCESS' });
    });

    it('refuses to show a stored consent that is no longer awaiting authorisation', async () => {
      const created = await simulator.createConsent('account-access-consents', uaeDataSharingItem(), TPP);
      simulator.store.updateStatus(created.consentId!, 'Revoked');
      const screen = await simulator.populateScreen(
        created.consentId!,
        CUSTOMER,
        uaeRequestObjectClaims(uaeDataSharingItem()),
      );
      expect(checkedBody(screen)).toMatchObject({
        status: 'ERROR',
        data: { errorMessage: 'Consent is not in an authorisable state' },
      });
    });
  });
});
