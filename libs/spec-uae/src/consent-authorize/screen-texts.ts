/** What each permission lets the TPP see, in the words the consent page shows the customer. */
export const PERMISSION_TEXTS: Readonly<Record<string, string>> = {
  ReadAccountsBasic: 'Your account names, types and currencies',
  ReadAccountsDetail: 'Your account names, types, currencies and account numbers',
  ReadBalances: 'Your account balances',
  ReadBeneficiariesBasic: 'The names of the payees you have saved',
  ReadBeneficiariesDetail: 'The payees you have saved, with their account details',
  ReadFXTransactionsBasic: 'Your foreign exchange transactions',
  ReadFXTransactionsDetail: 'Your foreign exchange transactions, with their details',
  ReadFXRemittanceCharges: 'The charges on your international transfers',
  ReadTransactionsBasic: 'Your transactions (amounts and dates)',
  ReadTransactionsDetail: 'Your transactions, with their descriptions and counterparties',
  ReadProduct: 'The products your accounts belong to',
  ReadScheduledPaymentsBasic: 'Your scheduled payments',
  ReadScheduledPaymentsDetail: 'Your scheduled payments, with the payee details',
  ReadDirectDebits: 'Your direct debits',
  ReadStandingOrdersBasic: 'Your standing orders',
  ReadStandingOrdersDetail: 'Your standing orders, with the payee details',
  ReadStatements: 'Your account statements',
  ReadPartyUser: 'Your name and contact details',
  ReadPartyUserIdentity: 'Your identity details',
  ReadParty: 'The account holders of your accounts',
  ReadProductFinanceRates: 'The finance rates of your products',
  ReadRefundAccount: 'The account a refund would be paid to',
};

export const PURPOSE_TEXTS: Readonly<Record<string, string>> = {
  AccountAggregation: 'Show all your accounts in one place',
  RiskAssessment: 'Assess a risk (for example a credit decision)',
  TaxFiling: 'Prepare a tax filing',
  Onboarding: 'Open an account or a service',
  Verification: 'Verify your account or your identity',
  QuoteComparison: 'Compare quotes',
  BudgetingAnalysis: 'Analyse your budget',
  FinancialAdvice: 'Give you financial advice',
  AuditReconciliation: 'Audit and reconcile your accounts',
};

export const PERIOD_TEXTS: Readonly<Record<string, string>> = {
  Day: 'day',
  Week: 'week',
  Month: 'month',
  Year: 'year',
};

export function permissionText(permission: string): string {
  return PERMISSION_TEXTS[permission] ?? permission;
}
