import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { BankBackend } from './bank-backend.port.js';
import { DemoBankDataSeeder } from './demo-bank-data-seeder.js';
import { EmbeddedBankBackend } from './embedded-bank-backend.js';
import { HttpBankBackend } from './http-bank-backend.js';

export interface BankBackendModuleOptions {
  /** BANK_BACKEND_URL: when set, the bank core's HTTP API; otherwise the embedded bank. */
  readonly backendUrl?: string;
  /** Per call to the bank core; DEFAULT_BANK_BACKEND_TIMEOUT_MS when unset. */
  readonly timeoutMs?: number;
  /** Embedded bank only: seed the demo data at start-up if the bank is empty. */
  readonly seedDemoData?: boolean;
}

export const DEFAULT_BANK_BACKEND_TIMEOUT_MS = 5_000;

/**
 * Provides BankBackend to every module (global), bound to the HTTP adapter or to the embedded bank. The embedded
 * bank uses BankDataRepository from the global PersistenceModule, which must be imported too.
 */
@Module({})
export class BankBackendModule {
  static forRoot(options: BankBackendModuleOptions = {}): DynamicModule {
    const backendUrl = options.backendUrl?.trim() ?? '';
    const providers: Provider[] =
      backendUrl === ''
        ? [{ provide: BankBackend, useClass: EmbeddedBankBackend }, ...(options.seedDemoData === true ? [DemoBankDataSeeder] : [])]
        : [
            {
              provide: BankBackend,
              useFactory: () => new HttpBankBackend({ baseUrl: backendUrl, timeoutMs: options.timeoutMs ?? DEFAULT_BANK_BACKEND_TIMEOUT_MS }),
            },
          ];
    return { module: BankBackendModule, global: true, providers, exports: [BankBackend] };
  }
}
