import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { BankDataRepository, PersistenceModule } from '@app/persistence';
import { createTestDataSource, type TestDatabase } from '@app/testing';
import { BankBackendModule, type BankBackendModuleOptions } from './bank-backend.module.js';
import { BankBackend } from './bank-backend.port.js';
import { EmbeddedBankBackend } from './embedded-bank-backend.js';
import { HttpBankBackend } from './http-bank-backend.js';

describe('BankBackendModule', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    database = await createTestDataSource();
  });

  afterEach(async () => {
    await database.close();
    jest.restoreAllMocks();
  });

  const boot = async (options: BankBackendModuleOptions, withDatabase = true): Promise<TestingModule> => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        ...(withDatabase ? [PersistenceModule.forRoot({ databaseUrl: database.databaseUrl })] : []),
        BankBackendModule.forRoot(options),
      ],
    }).compile();
    return moduleRef.init();
  };

  it('binds the embedded bank and seeds the demo data into an empty one', async () => {
    const moduleRef = await boot({ seedDemoData: true });
    try {
      const backend = moduleRef.get(BankBackend);

      expect(backend).toBeInstanceOf(EmbeddedBankBackend);
      expect((await backend.accountsOf('psu@wso2.com')).map(({ accountId }) => accountId)).toContain('30080012343456');
      expect(await backend.holdsAccount('psu@wso2.com', '30080098763459')).toBe(true);
    } finally {
      await moduleRef.close();
    }
  });

  it("finds the customer behind the identity server's tenant- and store-qualified user id, in one place for every specification", async () => {
    const moduleRef = await boot({
      seedDemoData: true,
      customerIds: { tenantDomains: ['carbon.super'], stripUserStore: true },
    });
    try {
      const backend = moduleRef.get(BankBackend);
      expect(
        (await backend.accountsOf('PRIMARY/psu@wso2.com@carbon.super')).map(({ accountId }) => accountId),
      ).toContain('30080012343456');
      expect(await backend.holdsAccount('psu@wso2.com@carbon.super', '30080098763459')).toBe(true);
      expect(await backend.accountsOf('psu@wso2.com@other.tenant')).toEqual([]);
      // The funds question names an account, not a user: it reaches the bank unchanged.
      expect(await backend.fundsAvailable('30080098763459', { amount: '165.88', currency: 'GBP' })).toBe(true);
    } finally {
      await moduleRef.close();
    }
  });

  it('leaves a bank that already has customers alone', async () => {
    await new BankDataRepository(database.dataSource).importBankData({
      customers: [{ userId: 'own@bank.example', displayName: 'Own', accounts: [] }],
    });

    const moduleRef = await boot({ seedDemoData: true });
    try {
      expect(await moduleRef.get(BankDataRepository).countCustomers()).toBe(1);
      expect(await moduleRef.get(BankBackend).accountsOf('psu@wso2.com')).toEqual([]);
    } finally {
      await moduleRef.close();
    }
  });

  it('seeds nothing unless asked to', async () => {
    const moduleRef = await boot({});
    try {
      expect(await moduleRef.get(BankDataRepository).countCustomers()).toBe(0);
    } finally {
      await moduleRef.close();
    }
  });

  it('binds the HTTP adapter when a backend URL is given, without needing the database', async () => {
    const moduleRef = await boot(
      { backendUrl: 'https://core.bank.example/api', timeoutMs: 2_000, seedDemoData: true },
      false,
    );
    try {
      expect(moduleRef.get(BankBackend)).toBeInstanceOf(HttpBankBackend);
    } finally {
      await moduleRef.close();
    }
  });

  it('fails the boot on an unusable backend URL', async () => {
    await expect(boot({ backendUrl: 'core.bank.example', timeoutMs: 2_000 }, false)).rejects.toThrow(
      'BANK_BACKEND_URL',
    );
  });

  it('needs the timeout of the settings with a backend URL: the default is stated in one place only', async () => {
    await expect(boot({ backendUrl: 'https://core.bank.example/api' }, false)).rejects.toThrow(
      'BankBackendModule: a bank backend URL needs its timeout (BANK_BACKEND_TIMEOUT_MS)',
    );
  });
});
