import type { BankAccountData } from '@app/persistence';

export type { BankAccountStatus, BankAccountSubType, BankAccountType } from '@app/persistence';

/**
 * An account as a bank backend presents it to the specifications: the same fields the embedded bank stores, the
 * import file carries and a bank core's API answers (see README.md). Optional fields are absent, never null.
 */
export type BankAccountView = BankAccountData;
