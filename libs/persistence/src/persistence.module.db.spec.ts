import { createTestDataSource, type TestDatabase } from '@app/testing';
import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { TerminusModule, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { InvalidDatabaseUrlError } from './database-url.js';
import { revertLastMigration } from './migration-runner.js';
import { PersistenceModule } from './persistence.module.js';
import { AuditTrailRepository } from './repositories/audit-trail.repository.js';
import { BankDataRepository } from './repositories/bank-data.repository.js';
import { ExtensionRequestRepository } from './repositories/extension-request.repository.js';
import { UsageCounterRepository } from './repositories/usage-counter.repository.js';

describe('PersistenceModule', () => {
  let database: TestDatabase;
  let logs: string[];

  beforeAll(async () => {
    database = await createTestDataSource();
  });

  afterAll(async () => {
    await database.close();
  });

  beforeEach(() => {
    logs = [];
    jest.spyOn(Logger.prototype, 'log').mockImplementation((message: unknown) => {
      logs.push(String(message));
    });
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  const boot = (databaseUrl: string): Promise<TestingModule> =>
    Test.createTestingModule({ imports: [PersistenceModule.forRoot({ databaseUrl }), TerminusModule] })
      .compile()
      .then((moduleRef) => moduleRef.init());

  it('migrates the database during init, then serves the repositories and a DataSource the health check can ping', async () => {
    await revertLastMigration(database.dataSource);

    const moduleRef = await boot(database.databaseUrl);
    try {
      expect(logs).toContain('Applied migrations: BankAccountBalances1796900000000');
      expect(logs.some((line) => line.startsWith('Database: '))).toBe(true);
      const dataSource = moduleRef.get<DataSource>(getDataSourceToken());
      expect(dataSource.isInitialized).toBe(true);
      expect(await moduleRef.get(BankDataRepository).countCustomers()).toBe(0);
      expect(moduleRef.get(ExtensionRequestRepository)).toBeInstanceOf(ExtensionRequestRepository);
      expect(moduleRef.get(UsageCounterRepository)).toBeInstanceOf(UsageCounterRepository);
      expect(moduleRef.get(AuditTrailRepository)).toBeInstanceOf(AuditTrailRepository);
      const health = await moduleRef.resolve(TypeOrmHealthIndicator);
      expect(await health.pingCheck('database')).toMatchObject({ database: { status: 'up' } });
    } finally {
      await moduleRef.close();
    }
  });

  it('has nothing to migrate on the next boot, and closes its DataSource on shutdown', async () => {
    const moduleRef = await boot(database.databaseUrl);
    const dataSource = moduleRef.get<DataSource>(getDataSourceToken());

    expect(logs).toContain('Database schema is up to date');
    await moduleRef.close();
    expect(dataSource.isInitialized).toBe(false);
  });

  it('fails the boot on an invalid DATABASE_URL', async () => {
    await expect(boot('postgres://user@host/db')).rejects.toThrow(InvalidDatabaseUrlError);
  });
});
