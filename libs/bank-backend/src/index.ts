export type { BankAccountStatus, BankAccountSubType, BankAccountType, BankAccountView } from './bank-account.js';
export { BankBackend } from './bank-backend.port.js';
export { BankBackendUnavailableError } from './bank-backend-unavailable.error.js';
export { BankBackendModule, type BankBackendModuleOptions } from './bank-backend.module.js';
export { EmbeddedBankBackend, EMBEDDED_BANK_BACKEND } from './embedded-bank-backend.js';
export { HttpBankBackend, type HttpBankBackendOptions } from './http-bank-backend.js';
export { DEMO_BANK_DATA } from './demo-bank-data.js';
export { loadBankDataImportFile, parseBankDataImport } from './bank-data-import.js';
export { CustomerIdMapping, IDENTITY_SERVER_USER_IDS, type CustomerIdMappingOptions } from './customer-id-mapping.js';
