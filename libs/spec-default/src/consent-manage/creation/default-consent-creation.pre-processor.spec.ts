import { ConsentCreationPreProcessor, type ExtensionContext, type RequestDataOf } from '@app/contract';
import { resolveDefaultSpecOptions, type DefaultSpecOptions } from '../../default-spec.options.js';
import { DefaultConsentCreationPreProcessor } from './default-consent-creation.pre-processor.js';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const FUTURE = '2027-01-01T00:00:00+00:00';
const FUTURE_EPOCH = Date.parse(FUTURE) / 1000;
const PAST = '2026-05-31T23:59:59Z';
const DAY = 86_400;
const CONTEXT: ExtensionContext = { requestId: 'req-1', spec: 'default', extension: 'pre-process-consent-creation' };

function preProcessor(options: DefaultSpecOptions = {}): ConsentCreationPreProcessor {
  return new DefaultConsentCreationPreProcessor(resolveDefaultSpecOptions(options), { now: () => NOW });
}

function create(path: string | undefined, body: unknown, options?: DefaultSpecOptions) {
  const data: RequestDataOf<'pre-process-consent-creation'> = {
    consentInitiationData: body,
    ...(path === undefined ? {} : { consentResourcePath: path }),
    requestHeaders: { 'x-wso2-client-id': 'tpp-client' },
  };
  return preProcessor(options).handle(data, CONTEXT);
}

function validationError(description: string) {
  return {
    status: 'ERROR',
    errorCode: 400,
    data: { error: { code: 'Bad Request', message: 'consent_default', description } },
  };
}

const accountData = (overrides: Record<string, unknown> = {}) => ({
  Permissions: ['ReadAccountsBasic', 'ReadAccountsDetail'],
  ExpirationDateTime: FUTURE,
  ...overrides,
});
const accountBody = (overrides: Record<string, unknown> = {}) => ({ Data: accountData(overrides), Risk: {} });

const debtor = (overrides: Record<string, unknown> = {}) => ({
  SchemeName: 'OB.SortCodeAccountNumber',
  Identification: '30080012343456',
  Name: 'Andrea Smith',
  SecondaryIdentification: 'Roll 1',
  ...overrides,
});
const cofBody = (overrides: Record<string, unknown> = {}) => ({
  Data: { DebtorAccount: debtor(), ExpirationDateTime: FUTURE, ...overrides },
});

const initiation = (overrides: Record<string, unknown> = {}) => ({
  InstructionIdentification: 'ACME412',
  EndToEndIdentification: 'FRESCO.21302.GFX.20',
  LocalInstrument: 'OB.Paym',
  InstructedAmount: { Amount: '165.88', Currency: 'GBP' },
  CreditorAccount: { SchemeName: 'OB.SortCodeAccountNumber', Identification: '08080021325698', Name: 'ACME Inc' },
  ...overrides,
});
const paymentBody = (overrides: Record<string, unknown> = {}) => ({
  Data: { Initiation: initiation(overrides) },
  Risk: {},
});

describe(DefaultConsentCreationPreProcessor.name, () => {
  describe('consent type and payload shape', () => {
    it.each([
      ['foo-consents', accountBody()],
      ['', accountBody()],
      [undefined, accountBody()],
      ['accounts', accountBody()],
    ])('refuses the path %p with invalid_consent_type', async (path, body) => {
      await expect(create(path, body)).resolves.toEqual({
        status: 'ERROR',
        errorCode: 400,
        data: {
          error: {
            code: 'invalid_consent_type',
            message: 'consent_default',
            description: 'Invalid request path found.',
          },
        },
      });
    });

    it('checks the path before the payload', async () => {
      await expect(create('foo-consents', 'not json')).resolves.toMatchObject({
        data: { error: { code: 'invalid_consent_type' } },
      });
    });

    it.each([
      ['missing', undefined],
      ['an array', [accountBody()]],
      ['a string', 'Data'],
      ['null', null],
      ['a number', 42],
    ])('refuses a payload that is %s', async (_label, body) => {
      await expect(create('account-access-consents', body)).resolves.toEqual(
        validationError('Payload is not in the correct format'),
      );
    });

    it.each([
      ['missing', {}],
      ['an array', { Data: [] }],
      ['a string', { Data: 'x' }],
      ['null', { Data: null }],
    ])('refuses a Data that is %s for every type', async (_label, body) => {
      for (const path of ['account-access-consents', 'funds-confirmation-consents', 'domestic-payment-consents']) {
        await expect(create(path, body)).resolves.toEqual(validationError('Invalid request payload'));
      }
    });
  });

  describe('account access consents (§7.1 Accounts)', () => {
    it.each<[string, Record<string, unknown>, string]>([
      ['Permissions missing', { Permissions: undefined }, 'Permissions are not in correct format'],
      ['Permissions a string', { Permissions: 'x' }, 'Permissions are not in correct format'],
      ['Permissions an object', { Permissions: { a: 'ReadAccountsBasic' } }, 'Permissions are not in correct format'],
      ['Permissions null', { Permissions: null }, 'Permissions are not in correct format'],
      ['Permissions empty', { Permissions: [] }, 'Permissions are empty'],
      ['a non-string permission', { Permissions: ['ReadAccountsBasic', 5] }, 'Permissions should be string values'],
      ['a null permission', { Permissions: [null] }, 'Permissions should be string values'],
      ['an unknown permission', { Permissions: ['ReadFoo'] }, 'Permissions are invalid'],
      [
        'a UK permission the default does not know',
        { Permissions: ['ReadAccountsBasic', 'ReadParty'] },
        'Permissions are invalid',
      ],
      ['a huge permission', { Permissions: ['R'.repeat(1_000_000)] }, 'Permissions are invalid'],
      ['ExpirationDateTime missing', { ExpirationDateTime: undefined }, 'ExpirationDateTime is invalid'],
      ['ExpirationDateTime a number', { ExpirationDateTime: 1798675200 }, 'ExpirationDateTime is invalid'],
      ['ExpirationDateTime not a date', { ExpirationDateTime: 'tomorrow' }, 'ExpirationDateTime is invalid'],
      [
        'ExpirationDateTime without offset',
        { ExpirationDateTime: '2027-01-01T00:00:00' },
        'ExpirationDateTime is invalid',
      ],
      [
        'ExpirationDateTime an impossible date',
        { ExpirationDateTime: '2027-02-30T00:00:00Z' },
        'ExpirationDateTime is invalid',
      ],
      ['ExpirationDateTime in the past', { ExpirationDateTime: PAST }, 'ExpirationDateTime should be a future date'],
      [
        'ExpirationDateTime now',
        { ExpirationDateTime: '2026-06-01T00:00:00Z' },
        'ExpirationDateTime should be a future date',
      ],
      ['TransactionFromDateTime not a date', { TransactionFromDateTime: 'x' }, 'TransactionFromDateTime is invalid'],
      ['TransactionFromDateTime null', { TransactionFromDateTime: null }, 'TransactionFromDateTime is invalid'],
      ['TransactionToDateTime not a date', { TransactionToDateTime: 'x' }, 'TransactionToDateTime is invalid'],
      ['TransactionToDateTime a number', { TransactionToDateTime: 5 }, 'TransactionToDateTime is invalid'],
      [
        'From after To',
        { TransactionFromDateTime: '2026-05-02T00:00:00Z', TransactionToDateTime: '2026-05-01T00:00:00Z' },
        'TransactionToDateTime should be after TransactionFromDateTime',
      ],
      [
        'From after To across offsets',
        { TransactionFromDateTime: '2026-05-01T10:00:00+00:00', TransactionToDateTime: '2026-05-01T12:00:00+05:30' },
        'TransactionToDateTime should be after TransactionFromDateTime',
      ],
    ])('refuses %s', async (_label, overrides, message) => {
      await expect(create('account-access-consents', accountBody(overrides))).resolves.toEqual(
        validationError(message),
      );
    });

    it('reports the first broken rule in table order', async () => {
      const body = accountBody({ Permissions: ['ReadFoo', 7], ExpirationDateTime: PAST, TransactionFromDateTime: 'x' });
      await expect(create('account-access-consents', body)).resolves.toEqual(
        validationError('Permissions should be string values'),
      );
      await expect(create('account-access-consents', body)).resolves.toEqual(
        validationError('Permissions should be string values'),
      );
    });

    it('accepts equal transaction bounds', async () => {
      const body = accountBody({
        TransactionFromDateTime: '2026-01-01T00:00:00Z',
        TransactionToDateTime: '2026-01-01T00:00:00+00:00',
      });
      await expect(create('account-access-consents', body)).resolves.toMatchObject({ status: 'SUCCESS' });
    });

    it('describes the consent the accelerator stores', async () => {
      const body = accountBody({ Permissions: ['ReadAccountsBasic', 'ReadAccountsDetail', 'ReadBalances'] });
      const outcome = await create('account-access-consents', body);
      expect(outcome).toEqual({
        status: 'SUCCESS',
        data: {
          consentResource: {
            type: 'accounts',
            status: 'AwaitingAuthorisation',
            frequency: 0,
            validityTime: FUTURE_EPOCH,
            recurringIndicator: false,
            receipt: body,
            attributes: {},
            authorizations: [{ type: 'authorisation', status: 'Created', resources: [] }],
          },
        },
      });
    });

    it('keeps the receipt equal to the TPP body, unknown fields included', async () => {
      const body = { ...accountBody(), Extra: { nested: [1, 'two'] } };
      const outcome = await create('account-access-consents', body);
      expect(outcome.status === 'SUCCESS' && outcome.data.consentResource.receipt).toEqual(body);
    });

    it('takes validityTime from an ExpirationDateTime with an offset, rounding down to the second', async () => {
      const outcome = await create(
        'account-access-consents',
        accountBody({ ExpirationDateTime: '2027-01-01T05:30:00.999+05:30' }),
      );
      expect(outcome.status === 'SUCCESS' && outcome.data.consentResource.validityTime).toBe(FUTURE_EPOCH);
    });
  });

  describe('funds confirmation consents (§7.1 COF)', () => {
    it.each<[string, Record<string, unknown>, string]>([
      ['ExpirationDateTime not a date', { ExpirationDateTime: 'soon' }, 'ExpirationDateTime is invalid'],
      ['ExpirationDateTime null', { ExpirationDateTime: null }, 'ExpirationDateTime is invalid'],
      ['ExpirationDateTime in the past', { ExpirationDateTime: PAST }, 'ExpirationDateTime should be a future date'],
      ['no DebtorAccount', { DebtorAccount: undefined }, 'Debtor Account should be present in the request'],
      ['a string DebtorAccount', { DebtorAccount: 'x' }, 'Debtor Account is not in correct format'],
      ['an array DebtorAccount', { DebtorAccount: [debtor()] }, 'Debtor Account is not in correct format'],
      ['a null DebtorAccount', { DebtorAccount: null }, 'Debtor Account is not in correct format'],
      ['an empty DebtorAccount', { DebtorAccount: {} }, 'Mandatory field Debtor Account is missing'],
    ])('refuses %s', async (_label, overrides, message) => {
      const body = cofBody(overrides);
      if (overrides['DebtorAccount'] === undefined && 'DebtorAccount' in overrides) {
        delete (body.Data as Record<string, unknown>)['DebtorAccount'];
      }
      await expect(create('funds-confirmation-consents', body)).resolves.toEqual(validationError(message));
    });

    it('accepts a consent without ExpirationDateTime, valid for the default 90 days', async () => {
      const outcome = await create('funds-confirmation-consents', { Data: { DebtorAccount: debtor() } });
      expect(outcome).toMatchObject({
        status: 'SUCCESS',
        data: {
          consentResource: {
            type: 'fundsconfirmations',
            status: 'AwaitingAuthorisation',
            validityTime: NOW / 1000 + 90 * DAY,
          },
        },
      });
    });

    it('uses the configured default validity', async () => {
      const outcome = await create(
        'funds-confirmation-consents',
        { Data: { DebtorAccount: debtor() } },
        { defaultAccountConsentValidityDays: 30 },
      );
      expect(outcome.status === 'SUCCESS' && outcome.data.consentResource.validityTime).toBe(NOW / 1000 + 30 * DAY);
    });

    it('takes validityTime from ExpirationDateTime', async () => {
      const outcome = await create('funds-confirmation-consents', cofBody());
      expect(outcome.status === 'SUCCESS' && outcome.data.consentResource.validityTime).toBe(FUTURE_EPOCH);
    });
  });

  describe('debtor and creditor account rules (§7.1)', () => {
    const long = (length: number) => 'x'.repeat(length);
    const rows: Array<[string, Record<string, unknown>, string]> = [
      ['SchemeName missing', { SchemeName: undefined }, 'Account Scheme Name should be present in the request'],
      ['SchemeName empty', { SchemeName: '' }, 'Account Scheme Name should be present in the request'],
      ['SchemeName null', { SchemeName: null }, 'Account Scheme Name should be present in the request'],
      ['SchemeName unknown', { SchemeName: 'OB.Foo' }, 'Account Scheme Name is not in the correct format'],
      ['SchemeName a number', { SchemeName: 3 }, 'Account Scheme Name is not in the correct format'],
      [
        'Identification missing',
        { Identification: undefined },
        'Account Identification should be present in the request',
      ],
      ['Identification empty', { Identification: '' }, 'Account Identification should be present in the request'],
      [
        'Identification of 257 characters',
        { Identification: long(257) },
        'Account Identification is not in the correct format',
      ],
      ['Identification an object', { Identification: { a: 1 } }, 'Account Identification is not in the correct format'],
      ['Name of 351 characters', { Name: long(351) }, 'Account Name is not in the correct format'],
      ['Name null', { Name: null }, 'Account Name is not in the correct format'],
      [
        'SecondaryIdentification of 35 characters',
        { SecondaryIdentification: long(35) },
        'Account Secondary Identification is not in the correct format',
      ],
      [
        'SecondaryIdentification a number',
        { SecondaryIdentification: 1 },
        'Account Secondary Identification is not in the correct format',
      ],
    ];
    const withoutUndefined = (account: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(account).filter(([, value]) => value !== undefined));

    it.each(rows)('funds confirmation debtor: %s', async (_label, overrides, message) => {
      const body = cofBody({ DebtorAccount: withoutUndefined(debtor(overrides)) });
      await expect(create('funds-confirmation-consents', body)).resolves.toEqual(validationError(`Debtor ${message}`));
    });

    it.each(rows)('payment debtor: %s', async (_label, overrides, message) => {
      const body = paymentBody({ DebtorAccount: withoutUndefined(debtor(overrides)) });
      await expect(create('domestic-payment-consents', body)).resolves.toEqual(validationError(`Debtor ${message}`));
    });

    it.each(rows)('payment creditor: %s', async (_label, overrides, message) => {
      const body = paymentBody({ CreditorAccount: withoutUndefined(debtor(overrides)) });
      await expect(create('domestic-payment-consents', body)).resolves.toEqual(validationError(`Creditor ${message}`));
    });

    it('accepts the longest allowed values', async () => {
      const account = debtor({ Identification: long(256), Name: long(350), SecondaryIdentification: long(34) });
      await expect(create('funds-confirmation-consents', cofBody({ DebtorAccount: account }))).resolves.toMatchObject({
        status: 'SUCCESS',
      });
    });

    it.each(['OB.BBAN', 'OB.IBAN', 'OB.PAN', 'OB.Paym', 'OB.SortCodeAccountNumber'])(
      'accepts the scheme %s',
      async (scheme) => {
        await expect(
          create('funds-confirmation-consents', cofBody({ DebtorAccount: debtor({ SchemeName: scheme }) })),
        ).resolves.toMatchObject({
          status: 'SUCCESS',
        });
      },
    );
  });

  describe('payment consents (§7.1 Payments)', () => {
    it.each<[string, unknown]>([
      ['missing', undefined],
      ['an array', []],
      ['a string', 'x'],
    ])('refuses an Initiation that is %s', async (_label, value) => {
      const body = { Data: value === undefined ? {} : { Initiation: value } };
      await expect(create('domestic-payment-consents', body)).resolves.toEqual(
        validationError('Invalid request payload'),
      );
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['a DebtorAccount that is not an object', { DebtorAccount: 'x' }, 'Debtor Account is not in correct format'],
      ['a CreditorAccount that is not an object', { CreditorAccount: [] }, 'Creditor Account is not in correct format'],
      ['LocalInstrument unknown', { LocalInstrument: 'OB.Foo' }, 'Invalid Local Instrument value found'],
      ['LocalInstrument a number', { LocalInstrument: 1 }, 'Invalid Local Instrument value found'],
      ['InstructedAmount missing', { InstructedAmount: undefined }, 'Invalid Instructed Amount value found'],
      ['InstructedAmount a string', { InstructedAmount: '10' }, 'Invalid Instructed Amount value found'],
      ['Amount missing', { InstructedAmount: { Currency: 'GBP' } }, 'Invalid Instructed Amount value found'],
      [
        'Amount not numeric',
        { InstructedAmount: { Amount: 'ten', Currency: 'GBP' } },
        'Invalid Instructed Amount value found',
      ],
      ['Amount NaN', { InstructedAmount: { Amount: 'NaN', Currency: 'GBP' } }, 'Invalid Instructed Amount value found'],
      [
        'Amount a JSON number',
        { InstructedAmount: { Amount: 10, Currency: 'GBP' } },
        'Invalid Instructed Amount value found',
      ],
      [
        'Amount below 1',
        { InstructedAmount: { Amount: '0.5', Currency: 'GBP' } },
        'Invalid Instructed Amount value found',
      ],
      [
        'Amount negative',
        { InstructedAmount: { Amount: '-5', Currency: 'GBP' } },
        'Invalid Instructed Amount value found',
      ],
      [
        'Amount above the maximum',
        { InstructedAmount: { Amount: '1000.01', Currency: 'GBP' } },
        'Instructed Amount value exceeds the maximum limit',
      ],
      [
        'a huge Amount',
        { InstructedAmount: { Amount: '9'.repeat(100_000), Currency: 'GBP' } },
        'Instructed Amount value exceeds the maximum limit',
      ],
    ])('refuses %s', async (_label, overrides, message) => {
      const body = paymentBody(overrides);
      if ('InstructedAmount' in overrides && overrides['InstructedAmount'] === undefined) {
        delete (body.Data.Initiation as Record<string, unknown>)['InstructedAmount'];
      }
      await expect(create('domestic-payment-consents', body)).resolves.toEqual(validationError(message));
    });

    it('refuses a payment without creditor account', async () => {
      const body = paymentBody();
      delete (body.Data.Initiation as Record<string, unknown>)['CreditorAccount'];
      await expect(create('domestic-payment-consents', body)).resolves.toEqual(
        validationError('Creditor account should be present in the request'),
      );
    });

    it('checks the debtor before the creditor, and both before the amount', async () => {
      const body = paymentBody({ DebtorAccount: { SchemeName: 'OB.Foo' }, CreditorAccount: {}, InstructedAmount: {} });
      await expect(create('domestic-payment-consents', body)).resolves.toEqual(
        validationError('Debtor Account Scheme Name is not in the correct format'),
      );
    });

    it.each(['1', '1000', '1000.00', ' 12.5 ', '1e2'])('accepts the amount %p', async (amount) => {
      await expect(
        create('domestic-payment-consents', paymentBody({ InstructedAmount: { Amount: amount, Currency: 'GBP' } })),
      ).resolves.toMatchObject({
        status: 'SUCCESS',
      });
    });

    it('uses the configured maximum amount', async () => {
      const body = paymentBody({ InstructedAmount: { Amount: '4999.99', Currency: 'GBP' } });
      await expect(create('domestic-payment-consents', body, { maxInstructedAmount: 5000 })).resolves.toMatchObject({
        status: 'SUCCESS',
      });
      await expect(create('domestic-payment-consents', body)).resolves.toEqual(
        validationError('Instructed Amount value exceeds the maximum limit'),
      );
    });

    it('accepts every local instrument the accelerator knows', async () => {
      const instruments = [
        'OB.BACS',
        'OB.BalanceTransfer',
        'OB.CHAPS',
        'OB.Euro1',
        'OB.FPS',
        'OB.Link',
        'OB.MoneyTransfer',
        'OB.Paym',
        'OB.SEPACreditTransfer',
        'OB.SEPAInstantCreditTransfer',
        'OB.SWIFT',
        'OB.Target2',
      ];
      for (const instrument of instruments) {
        await expect(
          create('domestic-payment-consents', paymentBody({ LocalInstrument: instrument })),
        ).resolves.toMatchObject({
          status: 'SUCCESS',
        });
      }
    });

    it('describes a payment consent that never expires', async () => {
      const body = paymentBody({ DebtorAccount: debtor() });
      await expect(create('domestic-payment-consents', body)).resolves.toEqual({
        status: 'SUCCESS',
        data: {
          consentResource: {
            type: 'payments',
            status: 'AwaitingAuthorisation',
            frequency: 0,
            validityTime: 0,
            recurringIndicator: false,
            receipt: body,
            attributes: {},
            authorizations: [{ type: 'authorisation', status: 'Created', resources: [] }],
          },
        },
      });
    });

    it('waits for the file of a file payment consent', async () => {
      const outcome = await create('file-payment-consents', paymentBody());
      expect(outcome).toMatchObject({
        status: 'SUCCESS',
        data: { consentResource: { type: 'payments', status: 'AwaitingUpload', validityTime: 0 } },
      });
    });
  });
});
