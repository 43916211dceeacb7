import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { BankBackend } from './bank-backend.port.js';
import { CustomerIdMappingBankBackend } from './customer-id-mapping-bank-backend.js';
import { CustomerIdMapping, IDENTITY_SERVER_USER_IDS, type CustomerIdMappingOptions } from './customer-id-mapping.js';
import { DemoBankDataSeeder } from './demo-bank-data-seeder.js';
import { EmbeddedBankBackend } from './embedded-bank-backend.js';
import { HttpBankBackend } from './http-bank-backend.js';

export interface BankBackendModuleOptions {
  /** BANK_BACKEND_URL: when set, the bank core's HTTP API; otherwise the embedded bank. */
  readonly backendUrl?: string;
  /** Per call to the bank core, required with `backendUrl`: the BANK_BACKEND_TIMEOUT_MS setting, whose default is stated there only. */
  readonly timeoutMs?: number;
  /** Embedded bank only: seed the demo data at start-up if the bank is empty. */
  readonly seedDemoData?: boolean;
  /** How the identity server's user ids become customer ids (BANK_USER_ID_TENANT_DOMAINS, BANK_USER_ID_STRIP_USER_STORE). */
  readonly customerIds?: CustomerIdMappingOptions;
}

/** The adapter itself, which the BankBackend port wraps when user ids need mapping. */
const BANK_ADAPTER = Symbol('BANK_ADAPTER');

/**
 * Provides BankBackend to every module (global), bound to the HTTP adapter or to the embedded bank. The embedded
 * bank uses BankDataRepository from the global PersistenceModule, which must be imported too.
 */
@Module({})
export class BankBackendModule {
  static forRoot(options: BankBackendModuleOptions = {}): DynamicModule {
    const backendUrl = options.backendUrl?.trim() ?? '';
    const mapping = new CustomerIdMapping(options.customerIds ?? IDENTITY_SERVER_USER_IDS);
    const port: Provider = {
      provide: BankBackend,
      useFactory: (adapter: BankBackend) =>
        mapping.isIdentity ? adapter : new CustomerIdMappingBankBackend(adapter, mapping),
      inject: [BANK_ADAPTER],
    };
    const module = (providers: Provider[]): DynamicModule => ({
      module: BankBackendModule,
      global: true,
      providers: [...providers, port],
      exports: [BankBackend],
    });
    if (backendUrl === '') {
      return module([
        { provide: BANK_ADAPTER, useClass: EmbeddedBankBackend },
        ...(options.seedDemoData === true ? [DemoBankDataSeeder] : []),
      ]);
    }
    const timeoutMs = options.timeoutMs;
    if (timeoutMs === undefined) {
      throw new Error('BankBackendModule: a bank backend URL needs its timeout (BANK_BACKEND_TIMEOUT_MS)');
    }
    return module([
      { provide: BANK_ADAPTER, useFactory: () => new HttpBankBackend({ baseUrl: backendUrl, timeoutMs }) },
    ]);
  }
}
