import type { BankAccountView } from './bank-account.js';
import { BankBackend } from './bank-backend.port.js';
import type { CustomerIdMapping } from './customer-id-mapping.js';
import type { MoneyAmount } from './money-amount.js';

/**
 * The one place where the identity server's user ids become the bank's customer ids: every specification asks the
 * bank through this port, so none of them needs to know the identity server's user id format.
 */
export class CustomerIdMappingBankBackend extends BankBackend {
  constructor(
    private readonly bank: BankBackend,
    private readonly mapping: CustomerIdMapping,
  ) {
    super();
  }

  accountsOf(userId: string): Promise<BankAccountView[]> {
    return this.bank.accountsOf(this.mapping.toCustomerId(userId));
  }

  holdsAccount(userId: string, accountId: string): Promise<boolean> {
    return this.bank.holdsAccount(this.mapping.toCustomerId(userId), accountId);
  }

  accountDetails(accountId: string): Promise<BankAccountView | null> {
    return this.bank.accountDetails(accountId);
  }

  override fundsAvailable(accountId: string, amount: MoneyAmount): Promise<boolean> {
    return this.bank.fundsAvailable(accountId, amount);
  }
}
