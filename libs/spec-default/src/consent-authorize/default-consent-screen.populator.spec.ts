import { Ajv } from 'ajv';
import { BankBackend, type BankAccountView } from '@app/bank-backend';
import {
  ConsentScreenPopulator,
  ConsentScreenSuccessSchema,
  type ExtensionContext,
  type JsonObject,
  type RequestDataOf,
  type StoredConsentResource,
} from '@app/contract';
import { DefaultConsentScreenPopulator } from './default-consent-screen.populator.js';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const CONTEXT: ExtensionContext = {
  requestId: 'req-1',
  spec: 'default',
  extension: 'populate-consent-authorize-screen',
};
const CONSENT_ID = '2d8c6b2e-5f0b-4a8e-9a77-3c1f0f8a1b11';
const PSU = 'psu@wso2.com';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function bankAccount(
  overrides: Partial<BankAccountView> & Pick<BankAccountView, 'accountId' | 'displayName'>,
): BankAccountView {
  return {
    currency: 'GBP',
    accountType: 'Retail',
    accountSubType: 'CurrentAccount',
    schemeName: 'UK.OBIE.SortCodeAccountNumber',
    identification: overrides.accountId,
    holderName: 'Andrea Smith',
    status: 'Enabled',
    payable: true,
    ...overrides,
  };
}

/** The bank as the demo data describes it: psu@wso2.com holds the accelerator's two demo accounts. */
class FakeBankBackend extends BankBackend {
  readonly askedFor: string[] = [];

  constructor(private readonly accountsByUser: Record<string, BankAccountView[]>) {
    super();
  }

  accountsOf(userId: string): Promise<BankAccountView[]> {
    this.askedFor.push(userId);
    return Promise.resolve(this.accountsByUser[userId] ?? []);
  }

  holdsAccount(userId: string, accountId: string): Promise<boolean> {
    return Promise.resolve((this.accountsByUser[userId] ?? []).some((account) => account.accountId === accountId));
  }

  accountDetails(accountId: string): Promise<BankAccountView | null> {
    return Promise.resolve(
      Object.values(this.accountsByUser)
        .flat()
        .find((account) => account.accountId === accountId) ?? null,
    );
  }
}

const DEMO_ACCOUNTS = [
  bankAccount({ accountId: '30080012343456', displayName: 'Salary Saver Account' }),
  bankAccount({ accountId: '30080098763459', displayName: 'Max Bonus Account' }),
];
const ACCELERATOR_DUMMY_ACCOUNTS = [
  { displayName: 'Salary Saver Account', accountId: '30080012343456', selected: false },
  { displayName: 'Max Bonus Account', accountId: '30080098763459', selected: false },
];

const requestObject = (overrides: JsonObject = {}): JsonObject => ({
  iss: 'tpp-client',
  client_id: 'tpp-client',
  response_type: 'code id_token',
  scope: 'openid accounts',
  claims: { id_token: { openbanking_intent_id: { value: CONSENT_ID, essential: true } } },
  ...overrides,
});

const storedConsent = (
  type: string,
  data: JsonObject,
  overrides: Partial<StoredConsentResource> = {},
): StoredConsentResource => ({
  id: CONSENT_ID,
  clientId: 'tpp-client',
  type,
  status: 'AwaitingAuthorisation',
  frequency: 0,
  validityTime: 0,
  createdTime: 1716800000,
  updatedTime: 1716800000,
  recurringIndicator: false,
  receipt: { Data: data, Risk: {} },
  attributes: {},
  authorizations: [{ id: 'auth-1', type: 'authorisation', status: 'Created', resources: [] }],
  ...overrides,
});

const ACCOUNT_DATA = {
  Permissions: ['ReadAccountsBasic', 'ReadAccountsDetail', 'ReadBalances'],
  ExpirationDateTime: '2026-12-31T00:00:00+00:00',
  TransactionFromDateTime: '2026-01-01T00:00:00+00:00',
  TransactionToDateTime: '2026-03-01T00:00:00+00:00',
};
const DEBTOR = {
  SchemeName: 'OB.SortCodeAccountNumber',
  Identification: '30080012343456',
  Name: 'Andrea Smith',
  SecondaryIdentification: 'Roll 1',
};
const PAYMENT_DATA = {
  Initiation: {
    InstructionIdentification: 'ACME412',
    EndToEndIdentification: 'FRESCO.21302.GFX.20',
    InstructedAmount: { Amount: '165.88', Currency: 'GBP' },
    CreditorAccount: {
      SchemeName: 'OB.SortCodeAccountNumber',
      Identification: '08080021325698',
      Name: 'ACME Inc',
      SecondaryIdentification: '0002',
    },
  },
};

function setUp(accountsByUser: Record<string, BankAccountView[]> = { [PSU]: DEMO_ACCOUNTS }) {
  const bank = new FakeBankBackend(accountsByUser);
  const populator: ConsentScreenPopulator = new DefaultConsentScreenPopulator(bank, { now: () => NOW });
  const populate = (data: RequestDataOf<'populate-consent-authorize-screen'>) => populator.handle(data, CONTEXT);
  return { bank, populate };
}

async function successData(outcome: Promise<unknown>) {
  const answer = (await outcome) as { status: string; data: JsonObject };
  expect(answer.status).toBe('SUCCESS');
  // No unknown key under data, permissions or additionalData; non-empty type, uid, displayValues and displayName.
  expect(acceptedByIdentityServer(answer.data) ? [] : acceptedByIdentityServer.errors).toEqual([]);
  return answer.data as {
    consentData: JsonObject & { permissions?: Array<{ uid: string; displayValues: string[] }> };
    consumerData?: { accounts: JsonObject[] };
  };
}

/** The success shape as the identity server's strict Jackson parse and Hibernate checks accept it (contract §4.9). */
const acceptedByIdentityServer = new Ajv({ strict: false }).compile(ConsentScreenSuccessSchema);

const refusal = (errorMessage: string) => ({ status: 'ERROR', errorCode: 400, data: { errorMessage } });

describe(DefaultConsentScreenPopulator.name, () => {
  describe('account consents', () => {
    it("shows the accelerator's default page, with the customer's accounts from the bank", async () => {
      const { bank, populate } = setUp();
      const data = await successData(
        populate({
          consentId: CONSENT_ID,
          userId: PSU,
          requestParameters: requestObject(),
          consentResource: storedConsent('accounts', ACCOUNT_DATA),
        }),
      );
      expect(Object.keys(data).sort()).toEqual(['consentData', 'consumerData']);
      expect(data.consentData).toEqual({
        type: 'accounts',
        basicConsentData: {
          'Expiration Date Time': ['2026-12-31T00:00:00+00:00'],
          'Transaction From Date Time': ['2026-01-01T00:00:00+00:00'],
          'Transaction To Date Time': ['2026-03-01T00:00:00+00:00'],
        },
        permissions: [{ uid: expect.stringMatching(UUID), displayValues: ACCOUNT_DATA.Permissions }],
        allowMultipleAccounts: true,
      });
      expect(data.consumerData).toEqual({ accounts: ACCELERATOR_DUMMY_ACCOUNTS });
      expect(bank.askedFor).toEqual([PSU]);
    });

    it('offers only enabled accounts, payable or not', async () => {
      const { populate } = setUp({
        [PSU]: [
          bankAccount({ accountId: 'a1', displayName: 'Current', payable: false }),
          bankAccount({ accountId: 'a2', displayName: 'Closed', status: 'Deleted' }),
          bankAccount({ accountId: 'a3', displayName: 'Frozen', status: 'Disabled' }),
          bankAccount({ accountId: 'a4', displayName: 'Opening', status: 'Pending' }),
          bankAccount({ accountId: 'a5', displayName: 'Quote', status: 'ProForma' }),
        ],
      });
      const data = await successData(
        populate({ consentId: CONSENT_ID, userId: PSU, consentResource: storedConsent('accounts', ACCOUNT_DATA) }),
      );
      expect(data.consumerData?.accounts).toEqual([{ displayName: 'Current', accountId: 'a1', selected: false }]);
    });

    it('makes every display name unique, the same way each time', async () => {
      const accounts = [
        bankAccount({ accountId: 'a1', displayName: 'Savings', identification: '11112222' }),
        bankAccount({ accountId: 'a2', displayName: 'Savings', identification: '33334444' }),
        bankAccount({ accountId: 'a3', displayName: 'Current' }),
      ];
      const { populate } = setUp({ [PSU]: accounts });
      const request = { consentId: CONSENT_ID, userId: PSU, consentResource: storedConsent('accounts', ACCOUNT_DATA) };
      const first = await successData(populate(request));
      const second = await successData(populate(request));
      expect(first.consumerData?.accounts.map((account) => account['displayName'])).toEqual([
        'Savings (2222)',
        'Savings (4444)',
        'Current',
      ]);
      expect(second.consumerData).toEqual(first.consumerData);
    });

    it('offers no account, without asking the bank, when the user is unknown', async () => {
      const { bank, populate } = setUp();
      const data = await successData(
        populate({ consentId: CONSENT_ID, consentResource: storedConsent('accounts', ACCOUNT_DATA) }),
      );
      expect(data.consumerData).toEqual({ accounts: [] });
      expect(bank.askedFor).toEqual([]);
    });

    it('takes the consent id from the request object when the request has none', async () => {
      const { populate } = setUp();
      await successData(
        populate({
          userId: PSU,
          requestParameters: requestObject(),
          consentResource: storedConsent('accounts', ACCOUNT_DATA),
        }),
      );
    });

    it('refuses a pre-initiated consent without any consent id', async () => {
      const { populate } = setUp();
      const parameters = requestObject({ claims: { id_token: { acr: { values: ['x'] } } } });
      await expect(
        populate({
          userId: PSU,
          requestParameters: parameters,
          consentResource: storedConsent('accounts', ACCOUNT_DATA),
        }),
      ).resolves.toEqual(refusal('intent_id not found in request object'));
    });

    it.each(['Authorised', 'Rejected', 'Revoked', 'AwaitingUpload'])('refuses a %s consent', async (status) => {
      const { populate } = setUp();
      const consent = storedConsent('accounts', ACCOUNT_DATA, { status });
      await expect(populate({ consentId: CONSENT_ID, userId: PSU, consentResource: consent })).resolves.toEqual(
        refusal('Consent not in authorizable state'),
      );
    });

    it.each<[string, Partial<StoredConsentResource>]>([
      [
        'an authorised first authorization',
        { authorizations: [{ id: 'a', type: 'authorisation', status: 'Authorised' }] },
      ],
      ['no authorization', { authorizations: [] }],
      ['the basic variant', { authorizations: undefined }],
    ])('refuses a consent with %s', async (_label, overrides) => {
      const { populate } = setUp();
      await expect(
        populate({
          consentId: CONSENT_ID,
          userId: PSU,
          consentResource: storedConsent('accounts', ACCOUNT_DATA, overrides),
        }),
      ).resolves.toEqual(refusal('Authorisation not in authorisable state'));
    });

    it('refuses an expired consent', async () => {
      const { populate } = setUp();
      const consent = storedConsent('accounts', { ...ACCOUNT_DATA, ExpirationDateTime: '2026-05-31T23:59:59Z' });
      await expect(populate({ consentId: CONSENT_ID, userId: PSU, consentResource: consent })).resolves.toEqual(
        refusal('Provided consent is expired'),
      );
    });

    it.each<[string, JsonObject, string]>([
      ['no Data', {}, 'Data Object is missing'],
      [
        'permissions that are not a list',
        { Data: { ...ACCOUNT_DATA, Permissions: 'x' } },
        'Error occurred while retrieving the account initiation request details',
      ],
      [
        'an empty permission list',
        { Data: { ...ACCOUNT_DATA, Permissions: [] } },
        'Error occurred while retrieving the account initiation request details',
      ],
      [
        'an unreadable expiry',
        { Data: { ...ACCOUNT_DATA, ExpirationDateTime: 'never' } },
        'Error occurred while retrieving the account initiation request details',
      ],
    ])('refuses a receipt with %s', async (_label, receipt, message) => {
      const { populate } = setUp();
      const consent = { ...storedConsent('accounts', ACCOUNT_DATA), receipt };
      await expect(populate({ consentId: CONSENT_ID, userId: PSU, consentResource: consent })).resolves.toEqual(
        refusal(message),
      );
    });
  });

  describe('payment consents', () => {
    it('shows the debtor account as the initiated account, named by its identification', async () => {
      const { bank, populate } = setUp();
      const data = await successData(
        populate({
          consentId: CONSENT_ID,
          userId: PSU,
          consentResource: storedConsent('payments', {
            Initiation: { ...PAYMENT_DATA.Initiation, DebtorAccount: DEBTOR },
          }),
        }),
      );
      expect(data).toEqual({
        consentData: {
          type: 'payments',
          basicConsentData: {
            'Instruction Identification': ['ACME412'],
            'End to End Identification': ['FRESCO.21302.GFX.20'],
            'Instructed Amount': ['Amount : 165.88', 'Currency : GBP'],
            'Debtor Account': [
              'Scheme Name : OB.SortCodeAccountNumber',
              'Name : Andrea Smith',
              'Secondary Identification : Roll 1',
              'Identification : 30080012343456',
            ],
            'Creditor Account': [
              'Scheme Name : OB.SortCodeAccountNumber',
              'Identification : 08080021325698',
              'Name : ACME Inc',
              'Secondary Identification : 0002',
            ],
          },
          initiatedAccountsForConsent: [{ ...DEBTOR, displayName: '30080012343456', accountId: '30080012343456' }],
        },
      });
      expect(bank.askedFor).toEqual([]);
    });

    it('offers the payable accounts when the TPP named no debtor account', async () => {
      const { populate } = setUp({
        [PSU]: [
          bankAccount({ accountId: 'a1', displayName: 'Current' }),
          bankAccount({ accountId: 'a2', displayName: 'Fixed deposit', payable: false }),
        ],
      });
      const data = await successData(
        populate({ consentId: CONSENT_ID, userId: PSU, consentResource: storedConsent('payments', PAYMENT_DATA) }),
      );
      expect(data.consentData['initiatedAccountsForConsent']).toBeUndefined();
      expect(data.consumerData).toEqual({ accounts: [{ displayName: 'Current', accountId: 'a1', selected: false }] });
    });

    it('does not check the expiry of a payment', async () => {
      const { populate } = setUp();
      const consent = storedConsent('payments', { ...PAYMENT_DATA, ExpirationDateTime: '2020-01-01T00:00:00Z' });
      await successData(populate({ consentId: CONSENT_ID, userId: PSU, consentResource: consent }));
    });
  });

  describe('funds confirmation consents', () => {
    it('shows the expiry and the debtor account, with nothing to choose', async () => {
      const { bank, populate } = setUp();
      const consent = storedConsent('fundsconfirmations', {
        ExpirationDateTime: '2026-12-31T00:00:00+00:00',
        DebtorAccount: DEBTOR,
      });
      const data = await successData(populate({ consentId: CONSENT_ID, userId: PSU, consentResource: consent }));
      expect(data).toEqual({
        consentData: {
          type: 'fundsconfirmations',
          basicConsentData: {
            'Expiration Date Time': ['2026-12-31T00:00:00+00:00'],
            'Debtor Account': [
              'Scheme Name : OB.SortCodeAccountNumber',
              'Name : Andrea Smith',
              'Secondary Identification : Roll 1',
              'Identification : 30080012343456',
            ],
          },
          initiatedAccountsForConsent: [{ ...DEBTOR, displayName: '30080012343456', accountId: '30080012343456' }],
        },
      });
      expect(bank.askedFor).toEqual([]);
    });

    it('shows an open-ended consent', async () => {
      const { populate } = setUp();
      const data = await successData(
        populate({
          consentId: CONSENT_ID,
          userId: PSU,
          consentResource: storedConsent('fundsconfirmations', { DebtorAccount: DEBTOR }),
        }),
      );
      expect(data.consentData['basicConsentData']).toMatchObject({
        'Expiration Date Time': ['Open Ended Authorisation Requested'],
      });
    });

    it('refuses an expired consent', async () => {
      const { populate } = setUp();
      const consent = storedConsent('fundsconfirmations', {
        ExpirationDateTime: '2026-01-01T00:00:00Z',
        DebtorAccount: DEBTOR,
      });
      await expect(populate({ consentId: CONSENT_ID, userId: PSU, consentResource: consent })).resolves.toEqual(
        refusal('Provided consent is expired'),
      );
    });
  });

  describe('scope-based flows', () => {
    it('derives the permissions from the scopes except openid, with the customer accounts', async () => {
      const { populate } = setUp();
      const data = await successData(
        populate({ userId: PSU, requestParameters: { scope: 'openid accounts  payments' }, consentResource: {} }),
      );
      expect(data).toEqual({
        consentData: {
          type: 'default',
          permissions: [{ uid: expect.stringMatching(UUID), displayValues: ['accounts', 'payments'] }],
          allowMultipleAccounts: true,
        },
        consumerData: { accounts: ACCELERATOR_DUMMY_ACCOUNTS },
      });
    });

    it('shows no permission when only openid was asked for', async () => {
      const { populate } = setUp();
      const data = await successData(populate({ userId: PSU, requestParameters: { scope: 'openid' } }));
      expect(data.consentData['permissions']).toEqual([]);
    });

    it('survives request parameters of the wrong types', async () => {
      const { populate } = setUp();
      const data = await successData(
        populate({ userId: PSU, requestParameters: { scope: ['accounts'], claims: 'x' }, consentResource: {} }),
      );
      expect(data.consentData).toMatchObject({ type: 'default', permissions: [] });
    });
  });

  it('shows only the type of a consent type the accelerator does not know', async () => {
    const { bank, populate } = setUp();
    const data = await successData(
      populate({ consentId: CONSENT_ID, userId: PSU, consentResource: storedConsent('vrp', { Initiation: {} }) }),
    );
    expect(data).toEqual({ consentData: { type: 'vrp' } });
    expect(bank.askedFor).toEqual([]);
  });
});
