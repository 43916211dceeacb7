import {
  ConsentAccessValidator,
  type DataRequestPayload,
  type ExtensionContext,
  type JsonObject,
  type StoredConsentResource,
} from '@app/contract';
import { DefaultConsentAccessValidator } from './default-consent-access.validator.js';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const CONTEXT: ExtensionContext = { requestId: 'req-1', spec: 'default', extension: 'validate-consent-access' };
const CONSENT_ID = '2d8c6b2e-5f0b-4a8e-9a77-3c1f0f8a1b11';
const ACCOUNT_ID = '30080012343456';
const FUTURE = '2026-12-31T00:00:00+00:00';
const PAST = '2026-05-31T00:00:00+00:00';

function consent(
  type: string,
  receiptData: JsonObject,
  overrides: Partial<StoredConsentResource> = {},
): StoredConsentResource {
  return {
    id: CONSENT_ID,
    clientId: 'tpp-client',
    type,
    status: 'Authorised',
    receipt: { Data: receiptData, Risk: {} },
    authorizations: [
      {
        id: 'auth-1',
        userId: 'psu@wso2.com',
        type: 'authorisation',
        status: 'Authorised',
        resources: [
          { id: 'm1', accountId: ACCOUNT_ID, permission: 'primary', status: 'active' },
          { id: 'm2', accountId: '30080098763459', permission: 'primary', status: 'inactive' },
        ],
      },
    ],
    ...overrides,
  };
}

const ALL_ACCOUNT_PERMISSIONS = ['ReadAccountsBasic', 'ReadAccountsDetail', 'ReadTransactionsDetail', 'ReadBalances'];
const accountConsent = (overrides: Partial<StoredConsentResource> = {}, data: JsonObject = {}) =>
  consent('accounts', { Permissions: ALL_ACCOUNT_PERMISSIONS, ExpirationDateTime: FUTURE, ...data }, overrides);

const accountCall = (electedResource: string, resource: string): DataRequestPayload => ({
  headers: { Authorization: 'Bearer x' },
  consentId: CONSENT_ID,
  clientId: 'tpp-client',
  userId: 'psu@wso2.com@carbon.super',
  electedResource,
  resourceParams: { resource, ResourcePath: resource, httpMethod: 'GET', context: '/open-banking/v3.1/aisp' },
});
const AISP = '/open-banking/v3.1/aisp';

const INITIATION = {
  InstructionIdentification: 'ACME412',
  EndToEndIdentification: 'FRESCO.21302.GFX.20',
  InstructedAmount: { Amount: '165.88', Currency: 'GBP' },
  CreditorAccount: { SchemeName: 'OB.SortCodeAccountNumber', Identification: '08080021325698', Name: 'ACME Inc' },
};
const paymentCall = (body: unknown, consentId = CONSENT_ID): DataRequestPayload => ({
  consentId,
  electedResource: '/domestic-payments',
  resourceParams: { resource: '/open-banking/v3.1/pisp/domestic-payments', httpMethod: 'POST' },
  body,
});
const submission = (overrides: JsonObject = {}) => ({
  Data: { ConsentId: CONSENT_ID, Initiation: INITIATION, ...overrides },
  Risk: {},
});

const cofCall = (body: unknown, overrides: Partial<DataRequestPayload> = {}): DataRequestPayload => ({
  consentId: CONSENT_ID,
  electedResource: '/funds-confirmations',
  resourceParams: { resource: '/open-banking/v3.1/cbpii/funds-confirmations', httpMethod: 'POST' },
  body,
  ...overrides,
});
const cofBody = (consentId: unknown = CONSENT_ID) => ({
  Data: { ConsentId: consentId, Reference: 'Purchase01', InstructedAmount: { Amount: '20.00', Currency: 'GBP' } },
});

const denied = (errorCode: number, errorMessage: string, errorDescription: string) => ({
  status: 'ERROR',
  errorCode,
  data: { errorMessage, errorDescription },
});
const ALLOWED = { status: 'SUCCESS', data: {} };

describe(DefaultConsentAccessValidator.name, () => {
  const validator: ConsentAccessValidator = new DefaultConsentAccessValidator({ now: () => NOW });
  const validate = (consentResource: StoredConsentResource | undefined, dataRequestPayload: DataRequestPayload) =>
    validator.handle(
      { consentId: CONSENT_ID, ...(consentResource ? { consentResource } : {}), dataRequestPayload },
      CONTEXT,
    );

  describe('account consents', () => {
    it.each([
      ['/accounts', `${AISP}/accounts`],
      ['/accounts/{AccountId}', `${AISP}/accounts/${ACCOUNT_ID}`],
      ['/accounts/{AccountId}/transactions', `${AISP}/accounts/${ACCOUNT_ID}/transactions`],
      ['/accounts/{AccountId}/balances', `${AISP}/accounts/${ACCOUNT_ID}/balances`],
      [
        '/accounts/{AccountId}/transactions',
        `${AISP}/accounts/${ACCOUNT_ID}/transactions?fromBookingDateTime=2026-01-01T00:00:00`,
      ],
    ])('lets %s through (%s)', async (elected, resource) => {
      await expect(validate(accountConsent(), accountCall(elected, resource))).resolves.toEqual(ALLOWED);
    });

    it.each(['/payments', '/accounts/{AccountId}/statements', '/accounts/{AccountId}/balances/x', '/party', ''])(
      'rule 1: refuses the resource %p',
      async (elected) => {
        await expect(validate(accountConsent(), accountCall(elected, `${AISP}/accounts`))).resolves.toEqual(
          denied(401, 'Unauthorized', 'Path requested is invalid'),
        );
      },
    );

    it('rule 1: refuses a call without resource', async () => {
      await expect(validate(accountConsent(), {})).resolves.toEqual(
        denied(401, 'Unauthorized', 'Path requested is invalid'),
      );
    });

    it.each<[string, string, string[]]>([
      ['/accounts', `${AISP}/accounts`, ['ReadAccountsDetail', 'ReadBalances']],
      ['/accounts/{AccountId}', `${AISP}/accounts/${ACCOUNT_ID}`, ['ReadAccountsBasic']],
      [
        '/accounts/{AccountId}/transactions',
        `${AISP}/accounts/${ACCOUNT_ID}/transactions`,
        ['ReadAccountsDetail', 'ReadTransactionsBasic'],
      ],
      [
        '/accounts/{AccountId}/balances',
        `${AISP}/accounts/${ACCOUNT_ID}/balances`,
        ['ReadAccountsBasic', 'ReadAccountsDetail'],
      ],
    ])('rule 2: refuses %s without its permission', async (elected, resource, permissions) => {
      await expect(
        validate(accountConsent({}, { Permissions: permissions }), accountCall(elected, resource)),
      ).resolves.toEqual(
        denied(403, 'Forbidden', 'Permission mismatch. Consent does not contain necessary permissions'),
      );
    });

    it('rule 2: survives permissions of the wrong type', async () => {
      for (const permissions of ['x', 5, { a: 'ReadBalances' }, null]) {
        await expect(
          validate(
            accountConsent({}, { Permissions: permissions }),
            accountCall('/accounts/{AccountId}/balances', `${AISP}/accounts/${ACCOUNT_ID}/balances`),
          ),
        ).resolves.toMatchObject({ errorCode: 403 });
      }
    });

    it('rule 2: lets a scope-based default consent list accounts', async () => {
      const scopeConsent = consent('default', { Permissions: ['accounts'], ExpirationDateTime: FUTURE });
      await expect(validate(scopeConsent, accountCall('/accounts', `${AISP}/accounts`))).resolves.toEqual(ALLOWED);
    });

    it.each([
      ['an account that is not mapped', `${AISP}/accounts/99999999`],
      ['an account whose mapping is inactive', `${AISP}/accounts/30080098763459/balances`],
      ['a path of another API version', `/open-banking/v4.0/aisp/accounts/${ACCOUNT_ID}`],
      ['a path with a different suffix', `${AISP}/accounts/${ACCOUNT_ID}/statements`],
    ])('rule 3: refuses %s', async (_label, resource) => {
      await expect(validate(accountConsent(), accountCall('/accounts/{AccountId}', resource))).resolves.toEqual(
        denied(401, 'Unauthorized', 'Account Id requested is not consented for the user'),
      );
    });

    it('rule 3: does not check accounts on the bulk path', async () => {
      await expect(
        validate(accountConsent({ authorizations: [] }), accountCall('/accounts', `${AISP}/accounts`)),
      ).resolves.toEqual(ALLOWED);
    });

    it.each(['AwaitingAuthorisation', 'Revoked', 'Expired', 'Rejected'])(
      'rule 4: refuses a %s consent',
      async (status) => {
        await expect(
          validate(accountConsent({ status }), accountCall('/accounts', `${AISP}/accounts`)),
        ).resolves.toEqual(denied(400, 'Bad Request', 'Consent is not in the correct state'));
      },
    );

    it.each([PAST, 'not a date'])('rule 5: refuses a consent expiring %p', async (expiration) => {
      await expect(
        validate(accountConsent({}, { ExpirationDateTime: expiration }), accountCall('/accounts', `${AISP}/accounts`)),
      ).resolves.toEqual(denied(400, 'Bad Request', 'Provided consent is expired'));
    });

    it('rule 5: lets a consent without expiry through', async () => {
      const receiptData = { Permissions: ALL_ACCOUNT_PERMISSIONS };
      await expect(
        validate(consent('accounts', receiptData), accountCall('/accounts', `${AISP}/accounts`)),
      ).resolves.toEqual(ALLOWED);
    });

    it('applies the rules in table order', async () => {
      const broken = accountConsent(
        { status: 'Revoked', authorizations: [] },
        { Permissions: [], ExpirationDateTime: PAST },
      );
      await expect(
        validate(broken, accountCall('/accounts/{AccountId}', `${AISP}/accounts/${ACCOUNT_ID}`)),
      ).resolves.toMatchObject({
        errorCode: 403,
      });
    });
  });

  describe('funds confirmation consents', () => {
    const cofConsent = (overrides: Partial<StoredConsentResource> = {}, data: JsonObject = {}) =>
      consent(
        'fundsconfirmations',
        { ExpirationDateTime: FUTURE, DebtorAccount: { SchemeName: 'OB.IBAN', Identification: 'GB1' }, ...data },
        overrides,
      );

    it('lets a confirmation for this consent through', async () => {
      await expect(validate(cofConsent(), cofCall(cofBody()))).resolves.toEqual(ALLOWED);
    });

    it('rule 1: refuses another resource', async () => {
      await expect(
        validate(cofConsent(), cofCall(cofBody(), { electedResource: '/funds-confirmations/x' })),
      ).resolves.toEqual(denied(401, 'Unauthorized', 'Invalid request URI'));
    });

    it('rule 2: refuses a consent that is not authorised', async () => {
      await expect(validate(cofConsent({ status: 'AwaitingAuthorisation' }), cofCall(cofBody()))).resolves.toEqual(
        denied(400, 'Bad Request', 'Consent is not in the correct state'),
      );
    });

    it('rule 3: refuses an expired consent with 401', async () => {
      await expect(validate(cofConsent({}, { ExpirationDateTime: PAST }), cofCall(cofBody()))).resolves.toEqual(
        denied(401, 'Unauthorized', 'Provided consent is expired'),
      );
    });

    it('rule 3: lets an open-ended consent through', async () => {
      await expect(validate(consent('fundsconfirmations', {}), cofCall(cofBody()))).resolves.toEqual(ALLOWED);
    });

    it('rule 4: refuses a token bound to another consent', async () => {
      await expect(validate(cofConsent(), cofCall(cofBody(), { consentId: 'other' }))).resolves.toEqual(
        denied(400, 'Bad Request', 'Consent ID mismatch'),
      );
    });

    it.each<[string, unknown]>([
      ['another consent id', cofBody('other')],
      ['a numeric consent id', cofBody(5)],
      ['no body', undefined],
      ['a body whose Data is a list', { Data: [] }],
    ])('rule 5: refuses %s in the body', async (_label, body) => {
      await expect(validate(cofConsent(), cofCall(body))).resolves.toEqual(
        denied(400, 'Bad Request', 'Invalid consent ID'),
      );
    });
  });

  describe('payment consents', () => {
    const paymentConsent = (overrides: Partial<StoredConsentResource> = {}) =>
      consent('payments', { Initiation: INITIATION }, overrides);

    it('lets a submission repeating the initiation through, whatever the key order', async () => {
      const reordered = {
        CreditorAccount: INITIATION.CreditorAccount,
        InstructedAmount: { Currency: 'GBP', Amount: '165.88' },
        EndToEndIdentification: INITIATION.EndToEndIdentification,
        InstructionIdentification: INITIATION.InstructionIdentification,
      };
      await expect(validate(paymentConsent(), paymentCall(submission({ Initiation: reordered })))).resolves.toEqual(
        ALLOWED,
      );
    });

    it('rule 1: refuses a token bound to another consent', async () => {
      await expect(validate(paymentConsent(), paymentCall(submission(), 'other'))).resolves.toEqual(
        denied(400, 'Bad Request', 'Consent ID mismatch'),
      );
    });

    it('rule 2: refuses a consent that is not authorised', async () => {
      await expect(validate(paymentConsent({ status: 'Consumed' }), paymentCall(submission()))).resolves.toEqual(
        denied(400, 'Bad Request', 'Consent is not in the correct state'),
      );
    });

    it.each<[string, unknown]>([
      ['no body', undefined],
      ['a body without Data', { Risk: {} }],
      ['a Data list', { Data: [] }],
      ['a body that is a list', [submission()]],
    ])('rule 3: refuses %s', async (_label, body) => {
      await expect(validate(paymentConsent(), paymentCall(body))).resolves.toEqual(
        denied(400, 'Bad Request', 'Invalid Submission payload Data Object found'),
      );
    });

    it('rule 4: refuses a submission for another consent', async () => {
      await expect(validate(paymentConsent(), paymentCall(submission({ ConsentId: 'other' })))).resolves.toEqual(
        denied(400, 'Bad Request', 'Invalid consent ID'),
      );
    });

    it.each<[string, unknown]>([
      ['missing', undefined],
      ['a string', 'x'],
    ])('rule 5: refuses an Initiation that is %s', async (_label, initiation) => {
      await expect(validate(paymentConsent(), paymentCall(submission({ Initiation: initiation })))).resolves.toEqual(
        denied(400, 'Bad Request', 'Invalid Submission payload Initiation Object found'),
      );
    });

    it.each<[string, JsonObject]>([
      ['a different amount', { ...INITIATION, InstructedAmount: { Amount: '165.89', Currency: 'GBP' } }],
      ['a numeric amount', { ...INITIATION, InstructedAmount: { Amount: 165.88, Currency: 'GBP' } }],
      ['an extra field', { ...INITIATION, LocalInstrument: 'OB.Paym' }],
      [
        'a missing field',
        { InstructedAmount: INITIATION.InstructedAmount, CreditorAccount: INITIATION.CreditorAccount },
      ],
    ])('rule 6: refuses an Initiation with %s', async (_label, initiation) => {
      await expect(validate(paymentConsent(), paymentCall(submission({ Initiation: initiation })))).resolves.toEqual(
        denied(400, 'Bad Request', 'Initiation payloads do not match'),
      );
    });
  });

  it.each([
    ['an unknown type', consent('vrp', {})],
    ['a consent without type', { id: CONSENT_ID, status: 'Authorised' }],
    ['no consent', undefined],
  ])('answers 500 for %s', async (_label, stored) => {
    await expect(validate(stored, accountCall('/accounts', `${AISP}/accounts`))).resolves.toEqual(
      denied(500, 'Internal Server Error', 'Invalid consent type'),
    );
  });
});
