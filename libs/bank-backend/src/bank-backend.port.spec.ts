import type { BankAccountView } from './bank-account.js';
import { BankBackendUnavailableError } from './bank-backend-unavailable.error.js';
import { BankBackend } from './bank-backend.port.js';

/** A bank's own adapter written before the funds question existed: it implements only the account questions. */
class AccountsOnlyBankBackend extends BankBackend {
  accountsOf(): Promise<BankAccountView[]> {
    return Promise.resolve([]);
  }

  holdsAccount(): Promise<boolean> {
    return Promise.resolve(false);
  }

  accountDetails(): Promise<BankAccountView | null> {
    return Promise.resolve(null);
  }
}

describe(BankBackend.name, () => {
  it('answers the funds question of an adapter that does not know it as an unavailable bank, never with a guess', async () => {
    const answer = new AccountsOnlyBankBackend().fundsAvailable('30080098763459', { amount: '1.00', currency: 'GBP' });
    await expect(answer).rejects.toThrow(BankBackendUnavailableError);
    await expect(answer).rejects.toThrow(
      'Bank backend AccountsOnlyBankBackend is unavailable: it does not answer whether an account has the funds for a payment',
    );
  });
});
