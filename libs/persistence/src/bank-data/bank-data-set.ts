import type { BankAccountStatus, BankAccountSubType, BankAccountType } from './bank-account-vocabulary.js';

/** One account as the bank describes it; the same shape is stored, imported and served by the bank backends. */
export interface BankAccountData {
  readonly accountId: string;
  readonly displayName: string;
  /** ISO 4217 code. */
  readonly currency: string;
  readonly accountType: BankAccountType;
  readonly accountSubType: BankAccountSubType;
  /** e.g. `UK.OBIE.SortCodeAccountNumber`, `UK.OBIE.IBAN`, `IBAN`. */
  readonly schemeName: string;
  readonly identification: string;
  readonly secondaryIdentification?: string;
  readonly holderName: string;
  readonly iban?: string;
  readonly status: BankAccountStatus;
  /** Whether a payment may debit the account. */
  readonly payable: boolean;
}

export interface BankCustomerData {
  readonly userId: string;
  readonly displayName: string;
  /** A joint account is listed, identically, under each of its holders. */
  readonly accounts: readonly BankAccountData[];
}

/** The available balance of an account in one currency: what a payment may spend now, overdraft included. */
export interface BankBalanceData {
  readonly accountId: string;
  /** ISO 4217 code. */
  readonly currency: string;
  /** A decimal text such as `2500.00`, negative when overdrawn (at most 13 integer and 5 decimal digits). */
  readonly amount: string;
}

export interface BankDataSet {
  readonly customers: readonly BankCustomerData[];
  /** Balances of accounts listed under `customers`; an account without one cannot pay anything. */
  readonly balances?: readonly BankBalanceData[];
}

/** How many rows an import wrote (inserted or updated). */
export interface BankDataImportSummary {
  readonly customers: number;
  readonly accounts: number;
  readonly holdings: number;
  readonly balances: number;
}
