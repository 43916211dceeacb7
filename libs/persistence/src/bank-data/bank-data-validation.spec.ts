import type { BankAccountData } from './bank-data-set.js';
import { InvalidBankDataError, validateBankAccountData, validateBankDataSet } from './bank-data-validation.js';
import { isValidIban } from './iban.js';

const ACCOUNT: BankAccountData = {
  accountId: 'acc-1',
  displayName: 'Everyday',
  currency: 'EUR',
  accountType: 'Retail',
  accountSubType: 'CurrentAccount',
  schemeName: 'UK.OBIE.IBAN',
  identification: 'DE89370400440532013000',
  holderName: 'Jane Doe',
  iban: 'DE89370400440532013000',
  status: 'Enabled',
  payable: true,
};

const problemOf = (action: () => unknown): string => {
  try {
    action();
  } catch (error) {
    if (error instanceof InvalidBankDataError) {
      return error.message;
    }
    throw error;
  }
  throw new Error('no error');
};

describe('isValidIban', () => {
  it.each(['DE89370400440532013000', 'GB29NWBK60161331926819', 'AE070331234567890123456'])('accepts %s', (iban) => {
    expect(isValidIban(iban)).toBe(true);
  });

  it.each(['DE89370400440532013001', 'de89370400440532013000', 'DE89 3704 0044 0532 0130 00', 'DE8937', ''])(
    'refuses %p',
    (iban) => {
      expect(isValidIban(iban)).toBe(false);
    },
  );
});

describe('validateBankAccountData', () => {
  it('returns a valid account, dropping optional fields given as null', () => {
    expect(validateBankAccountData({ ...ACCOUNT, secondaryIdentification: null }, 'account')).toEqual(ACCOUNT);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a missing id', { accountId: undefined }, 'account.accountId: must be a non-empty string'],
    ['a blank name', { displayName: '  ' }, 'account.displayName: must be a non-empty string'],
    ['a lower-case currency', { currency: 'eur' }, 'account.currency: must be an ISO 4217 code'],
    [
      'an unknown account type',
      { accountType: 'Personal' },
      'account.accountType: must be one of Retail, SME, Corporate',
    ],
    ['an unknown sub-type', { accountSubType: 'Current' }, 'account.accountSubType: must be one of'],
    ['an unknown status', { status: 'Open' }, 'account.status: must be one of'],
    ['a bad IBAN checksum', { iban: 'DE89370400440532013001' }, 'account.iban: is not a valid IBAN'],
    ['a string for payable', { payable: 'yes' }, 'account.payable: must be true or false'],
    [
      'a long secondary id',
      { secondaryIdentification: 'x'.repeat(35) },
      'account.secondaryIdentification: must be at most 34',
    ],
    ['a long account id', { accountId: '€'.repeat(65) }, 'account.accountId: must be at most 64'],
    ['a misspelt field', { secondaryIdentifcation: 'x' }, 'account.secondaryIdentifcation: is not a known field'],
  ])('refuses %s', (_, change, message) => {
    expect(problemOf(() => validateBankAccountData({ ...ACCOUNT, ...change }, 'account'))).toContain(message);
  });

  it('counts characters as the database does, not UTF-16 units', () => {
    expect(validateBankAccountData({ ...ACCOUNT, displayName: '💷'.repeat(255) }, 'account').displayName).toHaveLength(
      510,
    );
  });

  it('tolerates unknown fields when asked to, as bank APIs grow', () => {
    expect(validateBankAccountData({ ...ACCOUNT, nickname: 'x' }, 'account', { allowUnknownFields: true })).toEqual(
      ACCOUNT,
    );
  });

  it('refuses what is not an object', () => {
    expect(problemOf(() => validateBankAccountData([ACCOUNT], 'accounts[0]'))).toBe('accounts[0]: must be an object');
  });
});

describe('validateBankDataSet', () => {
  const customer = (userId: string, accounts: unknown[]) => ({ userId, displayName: userId, accounts });

  it('accepts a joint account listed identically under each holder', () => {
    const data = { customers: [customer('a@x', [ACCOUNT]), customer('b@x', [ACCOUNT])] };

    expect(validateBankDataSet(data)).toEqual(data);
  });

  it.each<[string, unknown, string]>([
    ['no customers array', {}, 'customers: must be an array'],
    [
      'a customer without user id',
      { customers: [{ displayName: 'x', accounts: [] }] },
      'customers[0].userId: must be a non-empty string',
    ],
    [
      'a customer without accounts',
      { customers: [{ userId: 'a', displayName: 'x' }] },
      'customers[0].accounts: must be an array',
    ],
    [
      'a bad nested account',
      { customers: [customer('a', [ACCOUNT, { ...ACCOUNT, accountId: 'acc-2', currency: 'EURO' }])] },
      'customers[0].accounts[1].currency',
    ],
    [
      'a user listed twice',
      { customers: [customer('a', []), customer('a', [])] },
      'customers[1].userId: "a" is already listed at customers[0]',
    ],
    [
      'an account listed twice for one customer',
      { customers: [customer('a', [ACCOUNT, ACCOUNT])] },
      'customers[0].accounts[1].accountId: "acc-1" is listed twice',
    ],
    [
      'joint copies that differ',
      { customers: [customer('a', [ACCOUNT]), customer('b', [{ ...ACCOUNT, holderName: 'Someone Else' }])] },
      'customers[1].accounts[0]: joint account "acc-1" differs from its copy at customers[0].accounts[0]',
    ],
    ['an unknown top-level field', { customers: [], banks: [] }, '$.banks: is not a known field'],
  ])('refuses %s', (_, data, message) => {
    expect(problemOf(() => validateBankDataSet(data))).toContain(message);
  });
});

describe('validateBankDataSet: balances', () => {
  const customers = [{ userId: 'a@x', displayName: 'A', accounts: [ACCOUNT] }];

  it("accepts balances of the file's accounts, one per currency, negative ones included", () => {
    const balances = [
      { accountId: 'acc-1', currency: 'EUR', amount: '2500.00' },
      { accountId: 'acc-1', currency: 'GBP', amount: '-12.5' },
    ];
    expect(validateBankDataSet({ customers, balances })).toEqual({ customers, balances });
  });

  it('leaves balances out when there are none', () => {
    expect(validateBankDataSet({ customers, balances: [] })).toEqual({ customers });
  });

  it.each<[string, unknown, string]>([
    ['balances that are not an array', { balance: 1 }, 'balances: must be an array'],
    [
      'an account the file does not list',
      [{ accountId: 'acc-9', currency: 'EUR', amount: '1' }],
      'balances[0].accountId: "acc-9" is not an account of a customer of this file',
    ],
    [
      'a lower-case currency',
      [{ accountId: 'acc-1', currency: 'eur', amount: '1' }],
      'balances[0].currency: must be an ISO 4217 code',
    ],
    [
      'an amount with six decimals',
      [{ accountId: 'acc-1', currency: 'EUR', amount: '1.000001' }],
      'balances[0].amount: must be a decimal such as "2500.00"',
    ],
    [
      'an amount as a number',
      [{ accountId: 'acc-1', currency: 'EUR', amount: 12 }],
      'balances[0].amount: must be a non-empty string',
    ],
    [
      'an unknown field',
      [{ accountId: 'acc-1', currency: 'EUR', amount: '1', overdraft: '100' }],
      'balances[0].overdraft: is not a known field',
    ],
    [
      'two balances of one account in one currency',
      [
        { accountId: 'acc-1', currency: 'EUR', amount: '1' },
        { accountId: 'acc-1', currency: 'EUR', amount: '2' },
      ],
      'balances[1]: the EUR balance of "acc-1" is already given at balances[0]',
    ],
  ])('refuses %s', (_, balances, message) => {
    expect(problemOf(() => validateBankDataSet({ customers, balances }))).toContain(message);
  });
});
