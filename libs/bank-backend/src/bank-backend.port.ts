import type { BankAccountView } from './bank-account.js';
import { BankBackendUnavailableError } from './bank-backend-unavailable.error.js';
import type { MoneyAmount } from './money-amount.js';

/**
 * What the specifications need from the bank: whose accounts are whose, and whether an account can pay. An abstract
 * class, not an interface, so that it is also the Nest injection token. Every method throws
 * BankBackendUnavailableError when the bank cannot answer.
 */
export abstract class BankBackend {
  /** The accounts the user holds, alone or jointly; empty for an unknown user. */
  abstract accountsOf(userId: string): Promise<BankAccountView[]>;

  abstract holdsAccount(userId: string, accountId: string): Promise<boolean>;

  /** null for an unknown account. */
  abstract accountDetails(accountId: string): Promise<BankAccountView | null>;

  /**
   * Whether the account has the funds to pay `amount` now (the funds confirmation of payment consents): false when it
   * has not, and for an unknown account. Both adapters answer it; a bank's own adapter written before this question
   * existed cannot, so the port's own answer is that the bank is unavailable for it rather than a guess.
   */
  fundsAvailable(accountId: string, amount: MoneyAmount): Promise<boolean> {
    void accountId;
    void amount;
    return Promise.reject(
      new BankBackendUnavailableError(
        this.constructor.name,
        'it does not answer whether an account has the funds for a payment',
      ),
    );
  }
}
