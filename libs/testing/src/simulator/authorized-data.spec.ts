import { accountAsJacksonWritesIt, buildAuthorizedData, MultipleAccountSelectionError } from './authorized-data.js';
import { buildAuthorizedResources, consentPageForm, selectAccounts } from './consent-page-submission.js';
import { JSON_NULL, serializeLikeIdentityServer } from './identity-server-json.js';

/* The consumer accounts of the identity server's demo (ConsentAuthorizeUtil.appendDummyAccountID). */
const SALARY = { accountId: '30080012343456', displayName: 'Salary Saver Account', selected: false };
const BONUS = { accountId: '30080098763459', displayName: 'Max Bonus Account', selected: false };
const consumerData = { accounts: [SALARY, BONUS] };

/** How an account appears in authorizedData: Jackson wrote every declared field, null when unset. */
const written = (account: Record<string, unknown>, isConsumerAccount = true) =>
  accountAsJacksonWritesIt(account, isConsumerAccount);

const accountIds = (accounts: readonly Readonly<Record<string, unknown>>[]) =>
  accounts.map((account) => account.accountId);

describe('buildAuthorizedData (ConsentAuthorizeUtil.addAuthorizedDataObject)', () => {
  it('1. gives one entry per permission with the accounts selected for its uid, under its display values', () => {
    const populate = {
      consentData: {
        type: 'accounts',
        allowMultipleAccounts: true,
        permissions: [
          { uid: 'p-basic', displayValues: ['ReadAccountsBasic', 'ReadAccountsDetail'] },
          { uid: 'p-balances', displayValues: ['ReadBalances'] },
        ],
      },
      consumerData,
    };

    const data = buildAuthorizedData(populate, {
      'p-basic': ['Salary Saver Account'],
      'p-balances': ['Salary Saver Account', 'Max Bonus Account'],
    });

    expect(data).toEqual([
      { permissions: ['ReadAccountsBasic', 'ReadAccountsDetail'], accounts: [written(SALARY)] },
      { permissions: ['ReadBalances'], accounts: [written(SALARY), written(BONUS)] },
    ]);
  });

  it('2. drops a permission that ends up without any account, and ignores unrelated form fields', () => {
    const populate = {
      consentData: {
        type: 'accounts',
        allowMultipleAccounts: true,
        permissions: [
          { uid: 'p-with', displayValues: ['ReadAccountsBasic'] },
          { uid: 'p-without', displayValues: ['ReadBalances'] },
        ],
      },
      consumerData,
    };

    const data = buildAuthorizedData(populate, {
      'p-with': ['Max Bonus Account'],
      consent: ['true'],
      'unknown-uid': ['Salary Saver Account'],
    });

    expect(data).toEqual([{ permissions: ['ReadAccountsBasic'], accounts: [written(BONUS)] }]);
  });

  it('3. without permissions, gives a single {accounts} entry with the consent-level accounts', () => {
    const populate = { consentData: { type: 'payments', allowMultipleAccounts: false }, consumerData };

    const data = buildAuthorizedData(populate, { accounts: ['Salary Saver Account'] });

    expect(data).toEqual([{ accounts: [written(SALARY)] }]);
    expect(data[0]).not.toHaveProperty('permissions');
  });

  it('4. appends consent-level accounts (initiatedAccountsForConsent and the accounts field) to every permission', () => {
    const debtor = {
      displayName: '08080021325698',
      accountId: '08080021325698',
      SchemeName: 'OB.SortCodeAccountNumber',
    };
    const populate = {
      consentData: {
        type: 'payments',
        allowMultipleAccounts: true,
        permissions: [
          {
            uid: 'p-1',
            displayValues: ['Initiate'],
            initiatedAccounts: [{ displayName: 'Initiated', accountId: 'A-1' }],
          },
          { uid: 'p-2', displayValues: ['Read'] },
        ],
        initiatedAccountsForConsent: [debtor],
      },
      consumerData,
    };

    const data = buildAuthorizedData(populate, { accounts: ['Max Bonus Account'] });

    expect(data.map((entry) => accountIds(entry.accounts))).toEqual([
      ['A-1', '30080098763459', '08080021325698'],
      ['30080098763459', '08080021325698'],
    ]);
    // Initiated accounts come from AccountDTO, which declares no `selected`; extra keys survive through @JsonAnySetter.
    expect(data[0]?.accounts[0]).toEqual({
      displayName: 'Initiated',
      accountId: 'A-1',
      title: JSON_NULL,
      description: JSON_NULL,
    });
    expect(data[1]?.accounts[1]).toMatchObject({ SchemeName: 'OB.SortCodeAccountNumber', title: JSON_NULL });
  });

  it('5. keeps duplicates: the Java set holds JSONObjects, which compare by identity', () => {
    const populate = {
      consentData: {
        type: 'accounts',
        allowMultipleAccounts: true,
        permissions: [
          {
            uid: 'p-1',
            displayValues: ['ReadAccountsBasic'],
            initiatedAccounts: [{ displayName: 'Salary Saver Account', accountId: '30080012343456' }],
          },
        ],
      },
      consumerData,
    };

    const data = buildAuthorizedData(populate, { 'p-1': ['Salary Saver Account'], accounts: ['Salary Saver Account'] });

    expect(accountIds(data[0]?.accounts ?? [])).toEqual(['30080012343456', '30080012343456', '30080012343456']);
  });

  it('6. refuses several selections for one field when allowMultipleAccounts is not true', () => {
    const withPermission = {
      consentData: { type: 'accounts', permissions: [{ uid: 'p-1', displayValues: ['ReadAccountsBasic'] }] },
      consumerData,
    };
    const withoutPermission = { consentData: { type: 'payments', allowMultipleAccounts: false }, consumerData };

    expect(() => buildAuthorizedData(withPermission, { 'p-1': ['Salary Saver Account', 'Max Bonus Account'] })).toThrow(
      MultipleAccountSelectionError,
    );
    expect(() =>
      buildAuthorizedData(withoutPermission, { accounts: ['Salary Saver Account', 'Max Bonus Account'] }),
    ).toThrow('Found multiple account selections when only one is allowed');
    expect(buildAuthorizedData(withPermission, { 'p-1': ['Max Bonus Account'] })).toHaveLength(1);
  });

  it('sends unset account fields as explicit nulls on the wire', () => {
    const populate = {
      consentData: { type: 'accounts', allowMultipleAccounts: true },
      consumerData: { accounts: [{ displayName: 'Plain' }] },
    };

    const text = serializeLikeIdentityServer(buildAuthorizedData(populate, { accounts: ['Plain'] }));

    expect(text).toBe(
      '[{"accounts":[{"accountId":null,"displayName":"Plain","description":null,"title":null,"selected":null}]}]',
    );
  });

  it('gives nothing when nothing was chosen and nothing was initiated', () => {
    const populate = {
      consentData: {
        type: 'accounts',
        allowMultipleAccounts: true,
        permissions: [{ uid: 'p-1', displayValues: ['ReadAccountsBasic'] }],
      },
      consumerData,
    };

    expect(buildAuthorizedData(populate, consentPageForm({}, 'accounts', false))).toEqual([]);
  });
});

describe('buildAuthorizedResources (the persist payload)', () => {
  const populate = {
    consentData: {
      type: 'accounts',
      allowMultipleAccounts: true,
      isReauthorization: true,
      consentMetadata: { bankRef: 'X1' },
      permissions: [{ uid: 'p-1', displayValues: ['ReadAccountsBasic'] }],
    },
    consumerData,
  };

  it('carries approval as a string, the user, cookies, merged metadata and isReauthorization, without the form', () => {
    const resources = buildAuthorizedResources(populate, {
      userId: 'psu@wso2.com',
      approve: true,
      selection: selectAccounts(populate, ['Salary Saver Account']),
      cookies: { commonAuthId: 'cookie-1' },
      servletMetadata: { authorisationId: 'auth-1' },
    });

    expect(resources).toEqual({
      cookies: { commonAuthId: 'cookie-1' },
      type: 'accounts',
      approval: 'true',
      userId: 'psu@wso2.com',
      metadata: { authorisationId: 'auth-1', bankRef: 'X1' },
      isReauthorization: true,
      authorizedData: [{ permissions: ['ReadAccountsBasic'], accounts: [written(SALARY)] }],
    });
    expect(resources).not.toHaveProperty('requestParameters');
  });

  it('selects per permission when there are permissions and for the consent otherwise', () => {
    expect(selectAccounts(populate, ['Max Bonus Account'])).toEqual({
      perPermission: { 'p-1': ['Max Bonus Account'] },
    });
    expect(selectAccounts({ consentData: { type: 'payments' } }, ['Max Bonus Account'])).toEqual({
      forConsent: ['Max Bonus Account'],
    });
  });
});
