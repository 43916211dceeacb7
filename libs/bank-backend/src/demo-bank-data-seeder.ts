import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { BankDataRepository } from '@app/persistence';
import { DEMO_BANK_DATA } from './demo-bank-data.js';

/**
 * Fills an empty embedded bank with the demo data when the service starts, so that a first run works out of the box.
 * A bank that has customers is left alone. Instances starting together may both seed: the import is an upsert.
 */
@Injectable()
export class DemoBankDataSeeder implements OnModuleInit {
  private readonly logger = new Logger(DemoBankDataSeeder.name);

  constructor(@Inject(BankDataRepository) private readonly bankData: BankDataRepository) {}

  async onModuleInit(): Promise<void> {
    if ((await this.bankData.countCustomers()) > 0) {
      return;
    }
    const { customers, accounts } = await this.bankData.importBankData(DEMO_BANK_DATA);
    this.logger.log(`Seeded the embedded bank with demo data: ${customers} customers, ${accounts} accounts`);
  }
}
