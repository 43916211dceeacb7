// Configuration and lifecycle of the database.
export {
  DEFAULT_SQLITE_FILE,
  InvalidDatabaseUrlError,
  describeDatabase,
  parseDatabaseUrl,
  type DatabaseConfig,
  type MysqlDatabaseConfig,
  type SqliteDatabaseConfig,
} from './database-url.js';
export { buildDataSourceOptions } from './data-source-options.js';
export { createDataSource } from './data-source-factory.js';
export { revertLastMigration, runMigrations } from './migration-runner.js';
export { PersistenceModule, type PersistenceModuleOptions } from './persistence.module.js';

// Idempotency.
export {
  ExtensionRequestRepository,
  MAX_REPLAYABLE_RESPONSE_BYTES,
  type AnswerToRecord,
  type ExtensionRequestKey,
  type RecordedAnswer,
} from './repositories/extension-request.repository.js';
export { unstorableCharacterIn } from './repositories/extension-request-key.js';

// Usage limits.
export {
  UsageCounterRepository,
  type ConsumeResult,
  type FirstUsageOutcome,
  type UsageIncrement,
} from './repositories/usage-counter.repository.js';

// Facts specifications remember about consents.
export { ConsentFactRepository } from './repositories/consent-fact.repository.js';

// Audit trail.
export { AuditTrailRepository, type AuditRecordInput } from './repositories/audit-trail.repository.js';
export type { AuditOutcome, AuditRecord } from './entities/audit-record.js';

// The embedded bank.
export { BankDataRepository } from './repositories/bank-data.repository.js';
export type { BankAccount } from './entities/bank-account.js';
export type { BankAccountBalance } from './entities/bank-account-balance.js';
export {
  BANK_ACCOUNT_STATUSES,
  BANK_ACCOUNT_SUB_TYPES,
  BANK_ACCOUNT_TYPES,
  type BankAccountStatus,
  type BankAccountSubType,
  type BankAccountType,
} from './bank-data/bank-account-vocabulary.js';
export type {
  BankAccountData,
  BankBalanceData,
  BankCustomerData,
  BankDataImportSummary,
  BankDataSet,
} from './bank-data/bank-data-set.js';
export { decimalAmountUnits } from './bank-data/decimal-amount.js';
export {
  InvalidBankDataError,
  validateBankAccountData,
  validateBankDataSet,
  type BankDataValidationOptions,
} from './bank-data/bank-data-validation.js';
export { isValidIban } from './bank-data/iban.js';
