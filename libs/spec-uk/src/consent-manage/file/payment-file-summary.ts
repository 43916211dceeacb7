import type { FileDebtorAccount, PaymentFileContents } from './payment-file.js';

/** What a file holds in total: the consent's NumberOfTransactions and ControlSum, and what the consent page shows. */
export interface PaymentFileSummary {
  readonly transactions: number;
  /** The total of every amount, "irrespective of currencies" (OBFile2 ControlSum), in units of 10^-5. */
  readonly controlSum: bigint;
  /** The total of each currency, in the order the currencies first appear. */
  readonly totals: readonly { readonly currency: string; readonly amount: bigint }[];
  /** The distinct debtor accounts the file names (by identification), in order of appearance. */
  readonly debtorAccounts: readonly FileDebtorAccount[];
}

export function summarisePaymentFile({ payments }: PaymentFileContents): PaymentFileSummary {
  const totals = new Map<string, bigint>();
  const debtors = new Map<string, FileDebtorAccount>();
  let controlSum = 0n;
  for (const payment of payments) {
    controlSum += payment.amount;
    totals.set(payment.currency, (totals.get(payment.currency) ?? 0n) + payment.amount);
    if (payment.debtor !== undefined && !debtors.has(payment.debtor.identification)) {
      debtors.set(payment.debtor.identification, payment.debtor);
    }
  }
  return {
    transactions: payments.length,
    controlSum,
    totals: [...totals].map(([currency, amount]) => ({ currency, amount })),
    debtorAccounts: [...debtors.values()],
  };
}
