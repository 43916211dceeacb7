import type { UkRejection } from '../../shared/uk-error.js';

/*
 * What this module reads from a payment file, whatever its FileType: each payment's amount and the account it debits,
 * each with the place in the file it came from, so that an error names it.
 */

/** A debtor account named in the file. */
export interface FileDebtorAccount {
  readonly identification: string;
  readonly schemeName?: string;
  /** Where the file names it, e.g. `Data.DomesticPayments[0].DebtorAccount`. */
  readonly path: string;
}

export interface FilePayment {
  /** In units of 10^-5 of the currency (shared/amount.ts). */
  readonly amount: bigint;
  readonly currency: string;
  readonly debtor?: FileDebtorAccount;
  /** Where the payment's amount is, e.g. `Document.CstmrCdtTrfInitn.PmtInf[0].CdtTrfTxInf[2].Amt.InstdAmt`. */
  readonly amountPath: string;
}

export interface PaymentFileContents {
  readonly payments: readonly FilePayment[];
}

/** The file's payments, or why the file cannot be accepted. */
export type PaymentFileReading = { readonly contents: PaymentFileContents } | { readonly rejection: UkRejection };
