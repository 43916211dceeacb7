import { Inject, Injectable } from '@nestjs/common';
import { BankDataRepository, decimalAmountUnits, type BankAccount } from '@app/persistence';
import type { BankAccountView } from './bank-account.js';
import { BankBackendUnavailableError } from './bank-backend-unavailable.error.js';
import { BankBackend } from './bank-backend.port.js';
import type { MoneyAmount } from './money-amount.js';

export const EMBEDDED_BANK_BACKEND = 'embedded';

/** The bank kept in the service's own database: demo data, or a bank's accounts and balances imported from a file. */
@Injectable()
export class EmbeddedBankBackend extends BankBackend {
  constructor(@Inject(BankDataRepository) private readonly bankData: BankDataRepository) {
    super();
  }

  async accountsOf(userId: string): Promise<BankAccountView[]> {
    const accounts = await this.answer("listing a customer's accounts", () => this.bankData.accountsOfUser(userId));
    return accounts.map(toView);
  }

  async holdsAccount(userId: string, accountId: string): Promise<boolean> {
    return this.answer('checking an account holder', () => this.bankData.isHolder(userId, accountId));
  }

  async accountDetails(accountId: string): Promise<BankAccountView | null> {
    const account = await this.answer('reading an account', () => this.bankData.findAccount(accountId));
    return account === null ? null : toView(account);
  }

  /**
   * The account's available balance in the amount's currency covers the amount. The embedded bank converts nothing:
   * an account holding no balance in that currency cannot pay it.
   */
  override async fundsAvailable(accountId: string, { amount, currency }: MoneyAmount): Promise<boolean> {
    const wanted = decimalAmountUnits(amount);
    if (wanted === undefined || wanted < 0n) {
      throw new RangeError(`A payment amount is a decimal of at most five decimals, not "${amount}"`);
    }
    const balance = await this.answer('reading a balance', () => this.bankData.availableBalance(accountId, currency));
    return balance !== null && balance >= wanted;
  }

  /** Keeps the port's promise that a bank which cannot answer throws BankBackendUnavailableError. */
  private async answer<T>(operation: string, read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new BankBackendUnavailableError(EMBEDDED_BANK_BACKEND, `${operation}: ${reason}`, { cause: error });
    }
  }
}

function toView(account: BankAccount): BankAccountView {
  return {
    accountId: account.accountId,
    displayName: account.displayName,
    currency: account.currency,
    accountType: account.accountType,
    accountSubType: account.accountSubType,
    schemeName: account.schemeName,
    identification: account.identification,
    ...(account.secondaryIdentification === null ? {} : { secondaryIdentification: account.secondaryIdentification }),
    holderName: account.holderName,
    ...(account.iban === null ? {} : { iban: account.iban }),
    status: account.status,
    payable: account.payable,
  };
}
