import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource, DataSourceOptions } from 'typeorm';
import { initialiseDataSource } from './data-source-factory.js';
import { dataSourceOptionsFor } from './data-source-options.js';
import { describeDatabase, parseDatabaseUrl } from './database-url.js';
import { runMigrations } from './migration-runner.js';
import { AuditTrailRepository } from './repositories/audit-trail.repository.js';
import { BankDataRepository } from './repositories/bank-data.repository.js';
import { ExtensionRequestRepository } from './repositories/extension-request.repository.js';
import { UsageCounterRepository } from './repositories/usage-counter.repository.js';
import { ConsentFactRepository } from './repositories/consent-fact.repository.js';

export interface PersistenceModuleOptions {
  /** DATABASE_URL as configured; unset means the default SQLite file. */
  readonly databaseUrl: string | undefined;
  /** DATABASE_POOL_SIZE: MySQL/MariaDB connections of this instance. */
  readonly poolSize?: number;
}

const REPOSITORIES = [
  ExtensionRequestRepository,
  UsageCounterRepository,
  ConsentFactRepository,
  AuditTrailRepository,
  BankDataRepository,
];

// A database that is still starting (a container beside the service) gets a few chances; a failed migration none.
const CONNECT_ATTEMPTS = 5;
const CONNECT_RETRY_DELAY_MS = 2_000;

class MigrationFailedError extends Error {
  override readonly name = 'MigrationFailedError';
}

/**
 * The database of the service, for every module (global): the TypeORM DataSource, registered through
 * @nestjs/typeorm so that its health indicator can ping it, and the four repositories. The DataSource is handed
 * out only once the pending migrations have run, so nothing can use an outdated schema.
 */
@Module({})
export class PersistenceModule {
  static forRoot(options: PersistenceModuleOptions): DynamicModule {
    const logger = new Logger(PersistenceModule.name);
    return {
      module: PersistenceModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          // Parsing here, not in forRoot, makes a bad DATABASE_URL fail the boot like any other provider error.
          useFactory: () => {
            const config = parseDatabaseUrl(options.databaseUrl);
            logger.log(`Database: ${describeDatabase(config)}`);
            return {
              ...dataSourceOptionsFor(config, { poolSize: options.poolSize }),
              retryAttempts: CONNECT_ATTEMPTS,
              retryDelay: CONNECT_RETRY_DELAY_MS,
              toRetry: (error: unknown) => !(error instanceof MigrationFailedError),
            };
          },
          dataSourceFactory: async (dataSourceOptions?: DataSourceOptions) => {
            if (dataSourceOptions === undefined) {
              throw new Error('PersistenceModule: @nestjs/typeorm passed no DataSource options.');
            }
            return initialiseAndMigrate(dataSourceOptions, logger);
          },
        }),
      ],
      providers: REPOSITORIES,
      exports: REPOSITORIES,
    };
  }
}

async function initialiseAndMigrate(dataSourceOptions: DataSourceOptions, logger: Logger): Promise<DataSource> {
  const dataSource = await initialiseDataSource(dataSourceOptions);
  try {
    const applied = await runMigrations(dataSource);
    logger.log(applied.length === 0 ? 'Database schema is up to date' : `Applied migrations: ${applied.join(', ')}`);
    return dataSource;
  } catch (error) {
    await dataSource.destroy();
    throw new MigrationFailedError(
      `Database migration failed: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
}
