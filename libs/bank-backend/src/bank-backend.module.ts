import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { BankBackend } from './bank-backend.port.js';
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
}

/**
 * Provides BankBackend to every module (global), bound to the HTTP adapter or to the embedded bank. The embedded
 * bank uses BankDataRepository from the global PersistenceModule, which must be imported too.
 */
@Module({})
export class BankBackendModule {
  static forRoot(options: BankBackendModuleOptions = {}): DynamicModule {
    const backendUrl = options.backendUrl?.trim() ?? '';
    const module = (providers: Provider[]): DynamicModule => ({ module: BankBackendModule, global: true, providers, exports: [BankBackend] });
    if (backendUrl === '') {
      return module([{ provide: BankBackend, useClass: EmbeddedBankBackend }, ...(options.seedDemoData === true ? [DemoBankDataSeeder] : [])]);
    }
    const timeoutMs = options.timeoutMs;
    if (timeoutMs === undefined) {
      throw new Error('BankBackendModule: a bank backend URL needs its timeout (BANK_BACKEND_TIMEOUT_MS)');
    }
    return module([{ provide: BankBackend, useFactory: () => new HttpBankBackend({ baseUrl: backendUrl, timeoutMs }) }]);
  }
}
