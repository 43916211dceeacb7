import { BankDataRepository, createDataSource } from '@app/persistence';
import { createTestDataSource, type TestDatabase } from '@app/testing';
import { BankBackendUnavailableError } from './bank-backend-unavailable.error.js';
import { DEMO_BANK_DATA } from './demo-bank-data.js';
import { EmbeddedBankBackend } from './embedded-bank-backend.js';

describe('EmbeddedBankBackend', () => {
  let database: TestDatabase;
  let backend: EmbeddedBankBackend;

  beforeAll(async () => {
    database = await createTestDataSource();
    const bankData = new BankDataRepository(database.dataSource);
    await bankData.importBankData(DEMO_BANK_DATA);
    backend = new EmbeddedBankBackend(bankData);
  });

  afterAll(async () => {
    await database.close();
  });

  it('lists the accounts of a customer by display name, joint ones included', async () => {
    const accounts = await backend.accountsOf('psu@wso2.com');

    expect(accounts.map(({ displayName }) => displayName)).toEqual([
      'Business Current Account',
      'Dirham Current Account',
      'Euro Travel Account',
      'Everyday Current Account',
      'Max Bonus Account',
      'Platinum Credit Card',
      'Salary Saver Account',
    ]);
    expect(await backend.accountsOf('unknown@example.com')).toEqual([]);
  });

  it('presents accounts with optional fields absent rather than null', async () => {
    const card = await backend.accountDetails('CC-5555555555554444');

    expect(card).toEqual(
      DEMO_BANK_DATA.customers[0]?.accounts.find(({ accountId }) => accountId === 'CC-5555555555554444'),
    );
    expect(card).not.toHaveProperty('iban');
    expect(card).not.toHaveProperty('secondaryIdentification');
    expect(await backend.accountDetails('60161331926819')).toMatchObject({
      secondaryIdentification: 'ROLL-0042',
      iban: 'GB29NWBK60161331926819',
    });
    expect(await backend.accountDetails('unknown')).toBeNull();
  });

  it('knows who holds an account, joint holders included', async () => {
    expect(await backend.holdsAccount('psu@wso2.com', '20000055779911')).toBe(true);
    expect(await backend.holdsAccount('sme@example.com', '20000055779911')).toBe(true);
    expect(await backend.holdsAccount('sme@example.com', '30080098763459')).toBe(false);
    expect(await backend.holdsAccount('admin@wso2.com', '30080012343456')).toBe(false);
  });

  it('reports a database it cannot read as an unavailable bank', async () => {
    const closed = await createDataSource(database.databaseUrl);
    const broken = new EmbeddedBankBackend(new BankDataRepository(closed));
    await closed.destroy();

    const failure = broken.accountsOf('psu@wso2.com');

    await expect(failure).rejects.toThrow(BankBackendUnavailableError);
    await expect(broken.holdsAccount('psu@wso2.com', 'x')).rejects.toThrow(
      /^Bank backend embedded is unavailable: checking an account holder: /,
    );
  });
});

describe('EmbeddedBankBackend funds availability', () => {
  let database: TestDatabase;
  let backend: EmbeddedBankBackend;

  beforeAll(async () => {
    database = await createTestDataSource();
    const bankData = new BankDataRepository(database.dataSource);
    await bankData.importBankData(DEMO_BANK_DATA);
    backend = new EmbeddedBankBackend(bankData);
  });

  afterAll(async () => {
    await database.close();
  });

  it('answers from the available balance of the demo data (2,500.00 GBP on the Max Bonus Account), to the last unit', async () => {
    expect(await backend.fundsAvailable('30080098763459', { amount: '165.88', currency: 'GBP' })).toBe(true);
    expect(await backend.fundsAvailable('30080098763459', { amount: '2500', currency: 'GBP' })).toBe(true);
    expect(await backend.fundsAvailable('30080098763459', { amount: '2500.00001', currency: 'GBP' })).toBe(false);
    expect(await backend.fundsAvailable('30080098763459', { amount: '5000.00', currency: 'GBP' })).toBe(false);
  });

  it('converts nothing: no balance in the currency, or no such account, cannot pay', async () => {
    expect(await backend.fundsAvailable('30080098763459', { amount: '1.00', currency: 'EUR' })).toBe(false);
    expect(await backend.fundsAvailable('DE89370400440532013000', { amount: '100.00', currency: 'EUR' })).toBe(true);
    expect(await backend.fundsAvailable('CC-5555555555554444', { amount: '1.00', currency: 'GBP' })).toBe(false);
    expect(await backend.fundsAvailable('unknown', { amount: '1.00', currency: 'GBP' })).toBe(false);
  });

  it('refuses an amount that is not a payment amount', async () => {
    await expect(backend.fundsAvailable('30080098763459', { amount: '-1', currency: 'GBP' })).rejects.toThrow(
      RangeError,
    );
    await expect(backend.fundsAvailable('30080098763459', { amount: '1e3', currency: 'GBP' })).rejects.toThrow(
      RangeError,
    );
  });

  it('reports a database it cannot read as an unavailable bank', async () => {
    const closed = await createDataSource(database.databaseUrl);
    const broken = new EmbeddedBankBackend(new BankDataRepository(closed));
    await closed.destroy();
    await expect(broken.fundsAvailable('30080098763459', { amount: '1.00', currency: 'GBP' })).rejects.toThrow(
      BankBackendUnavailableError,
    );
  });
});
