/**
 * The closed vocabularies of a bank account. They follow the Open Banking UK account information model, which the
 * other open-banking standards the service supports reuse.
 */
export const BANK_ACCOUNT_TYPES = ['Retail', 'SME', 'Corporate'] as const;
export type BankAccountType = (typeof BANK_ACCOUNT_TYPES)[number];

export const BANK_ACCOUNT_SUB_TYPES = ['CurrentAccount', 'Savings', 'CreditCard', 'Mortgage', 'Finance'] as const;
export type BankAccountSubType = (typeof BANK_ACCOUNT_SUB_TYPES)[number];

export const BANK_ACCOUNT_STATUSES = ['Enabled', 'Disabled', 'Deleted', 'ProForma', 'Pending'] as const;
export type BankAccountStatus = (typeof BANK_ACCOUNT_STATUSES)[number];
