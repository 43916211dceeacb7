import { createTestDataSource, testDatabaseKind, type TestDatabase } from '@app/testing';
import { jest } from '@jest/globals';
import type { BankAccountData, BankDataSet } from '../bank-data/bank-data-set.js';
import { InvalidBankDataError } from '../bank-data/bank-data-validation.js';
import type { BankAccount } from '../entities/bank-account.js';
import { BankDataRepository } from './bank-data.repository.js';

const account = (accountId: string, overrides: Partial<BankAccountData> = {}): BankAccountData => ({
  accountId,
  displayName: `Account ${accountId}`,
  currency: 'GBP',
  accountType: 'Retail',
  accountSubType: 'CurrentAccount',
  schemeName: 'UK.OBIE.SortCodeAccountNumber',
  identification: accountId,
  holderName: 'Jane Doe',
  status: 'Enabled',
  payable: true,
  ...overrides,
});

const JOINT = account('40000011112222', {
  displayName: 'Joint Business Account',
  accountType: 'SME',
  holderName: 'Example Trading Ltd',
});

const BANK: BankDataSet = {
  customers: [
    {
      userId: 'jane@example.com',
      displayName: 'Jane Doe',
      accounts: [
        account('40000011110001', { displayName: 'savings pot', accountSubType: 'Savings', payable: false }),
        account('40000011110002', {
          displayName: 'Everyday',
          iban: 'GB29NWBK60161331926819',
          secondaryIdentification: 'ROLL-1',
        }),
        JOINT,
      ],
    },
    { userId: 'sme@example.com', displayName: 'Example Trading Ltd', accounts: [JOINT] },
    { userId: 'nobody@example.com', displayName: 'No Accounts', accounts: [] },
  ],
};

describe('BankDataRepository', () => {
  let database: TestDatabase;
  let repository: BankDataRepository;

  beforeAll(async () => {
    database = await createTestDataSource();
    repository = new BankDataRepository(database.dataSource);
  });

  afterAll(async () => {
    await database.close();
  });

  it('starts empty, then imports customers, accounts and joint holdings', async () => {
    expect(await repository.countCustomers()).toBe(0);

    expect(await repository.importBankData(BANK)).toEqual({ customers: 3, accounts: 3, holdings: 4, balances: 0 });

    expect(await repository.countCustomers()).toBe(3);
  });

  it('lists the accounts of a user, joint ones included, by display name whatever the case', async () => {
    const accounts = await repository.accountsOfUser('jane@example.com');

    expect(accounts.map(({ displayName }) => displayName)).toEqual([
      'Everyday',
      'Joint Business Account',
      'savings pot',
    ]);
    expect((await repository.accountsOfUser('sme@example.com')).map(({ accountId }) => accountId)).toEqual([
      '40000011112222',
    ]);
    expect(await repository.accountsOfUser('nobody@example.com')).toEqual([]);
    expect(await repository.accountsOfUser('JANE@example.com')).toEqual([]);
  });

  it('reads an account with every field, optional ones as null', async () => {
    expect(await repository.findAccount('40000011110002')).toMatchObject({
      ...account('40000011110002', {
        displayName: 'Everyday',
        iban: 'GB29NWBK60161331926819',
        secondaryIdentification: 'ROLL-1',
      }),
      createdAt: expect.any(Date),
    });
    expect(await repository.findAccount('40000011110001')).toMatchObject({
      payable: false,
      iban: null,
      secondaryIdentification: null,
    });
    expect(await repository.findAccount('unknown')).toBeNull();
  });

  it('tells who holds an account', async () => {
    expect(await repository.isHolder('jane@example.com', JOINT.accountId)).toBe(true);
    expect(await repository.isHolder('sme@example.com', JOINT.accountId)).toBe(true);
    expect(await repository.isHolder('sme@example.com', '40000011110001')).toBe(false);
    expect(await repository.isHolder('someone@example.com', JOINT.accountId)).toBe(false);
  });

  it('updates on a second import, keeping what the import does not mention', async () => {
    const createdAt = (await repository.findAccount('40000011110002'))!.createdAt;

    await repository.importBankData({
      customers: [
        {
          userId: 'jane@example.com',
          displayName: 'Jane Doe-Smith',
          accounts: [account('40000011110002', { displayName: 'Everyday Plus', status: 'Disabled', payable: false })],
        },
      ],
    });

    expect(await repository.findAccount('40000011110002')).toMatchObject({
      displayName: 'Everyday Plus',
      status: 'Disabled',
      payable: false,
      iban: null,
      createdAt,
    });
    expect(await repository.accountsOfUser('jane@example.com')).toHaveLength(3);
    expect(await repository.countCustomers()).toBe(3);
  });

  it('keeps available balances per account and currency, exactly, and updates them on a later import', async () => {
    const customers = [
      {
        userId: 'jane@example.com',
        displayName: 'Jane Doe',
        accounts: [account('40000011110002', { displayName: 'Everyday' })],
      },
    ];
    const summary = await repository.importBankData({
      customers,
      balances: [
        { accountId: '40000011110002', currency: 'GBP', amount: '9999999999999.99999' },
        { accountId: '40000011110002', currency: 'EUR', amount: '-12.5' },
      ],
    });

    expect(summary).toEqual({ customers: 1, accounts: 1, holdings: 1, balances: 2 });
    expect(await repository.availableBalance('40000011110002', 'GBP')).toBe(999_999_999_999_999_999n);
    expect(await repository.availableBalance('40000011110002', 'EUR')).toBe(-1_250_000n);
    expect(await repository.availableBalance('40000011110002', 'USD')).toBeNull();
    expect(await repository.availableBalance('40000011110001', 'GBP')).toBeNull();
    // MariaDB's default collations ignore case; the key columns are binary, so a currency compares exactly on both.
    expect(await repository.availableBalance('40000011110002', 'gbp')).toBeNull();

    await repository.importBankData({
      customers,
      balances: [{ accountId: '40000011110002', currency: 'GBP', amount: '10.00' }],
    });
    expect(await repository.availableBalance('40000011110002', 'GBP')).toBe(1_000_000n);
    expect(await repository.availableBalance('40000011110002', 'EUR')).toBe(-1_250_000n);
  });

  it('refuses invalid data, naming the first bad field, and writes nothing', async () => {
    const invalid = {
      customers: [
        { userId: 'new@example.com', displayName: 'New', accounts: [account('40000099990000', { currency: 'gbp' })] },
      ],
    };

    await expect(repository.importBankData(invalid)).rejects.toThrow(InvalidBankDataError);
    await expect(repository.importBankData(invalid)).rejects.toThrow('customers[0].accounts[0].currency');
    expect(await repository.countCustomers()).toBe(3);
  });

  it('lists a thousand accounts of one customer with one query, whatever their number', async () => {
    const many = Array.from({ length: 1_000 }, (_, index) =>
      account(`BULK${String(index).padStart(6, '0')}`, { displayName: `Pot ${index}` }),
    );
    await repository.importBankData({
      customers: [{ userId: 'rich@example.com', displayName: 'Rich', accounts: many }],
    });

    // What keeps the listing fast is the work it does, not a time on this machine: one statement on the holder's
    // user_id, never one more per account. Both drivers hand every statement to the DataSource's logger.
    const logQuery = jest.spyOn(database.dataSource.logger, 'logQuery');
    let statements: { sql: string; parameters: unknown }[];
    let accounts: BankAccount[];
    try {
      accounts = await repository.accountsOfUser('rich@example.com');
      statements = logQuery.mock.calls.map(([sql, parameters]) => ({ sql, parameters }));
    } finally {
      logQuery.mockRestore();
    }

    expect(statements).toEqual([
      {
        // SQLite: the single read; MariaDB: the coalesced one (CoalescedRead), here with one key.
        sql: expect.stringMatching(
          testDatabaseKind() === 'sqlite'
            ? /^SELECT a\.account_id, .* FROM bank_account a INNER JOIN bank_account_holder h ON h\.account_id = a\.account_id WHERE h\.user_id = \?$/s
            : /^SELECT h\.user_id AS coalesced_key_0, a\.account_id, .* FROM bank_account a INNER JOIN bank_account_holder h ON h\.account_id = a\.account_id WHERE h\.user_id IN \(\?\)$/s,
        ),
        parameters: ['rich@example.com'],
      },
    ]);
    expect(accounts).toHaveLength(1_000);
    // Natural order: "Pot 2" before "Pot 10".
    expect(accounts.slice(0, 3).map(({ displayName }) => displayName)).toEqual(['Pot 0', 'Pot 1', 'Pot 2']);
  });
});
