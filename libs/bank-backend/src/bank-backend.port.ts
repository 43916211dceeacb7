import type { BankAccountView } from './bank-account.js';

/**
 * What the specifications need from the bank: whose accounts are whose. An abstract class, not an interface, so that
 * it is also the Nest injection token. Every method throws BankBackendUnavailableError when the bank cannot answer.
 */
export abstract class BankBackend {
  /** The accounts the user holds, alone or jointly; empty for an unknown user. */
  abstract accountsOf(userId: string): Promise<BankAccountView[]>;

  abstract holdsAccount(userId: string, accountId: string): Promise<boolean>;

  /** null for an unknown account. */
  abstract accountDetails(accountId: string): Promise<BankAccountView | null>;
}
