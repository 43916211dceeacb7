/** What each OBReadConsent1 permission shares, in the words a customer reads on the consent page. */
export const PERMISSION_DESCRIPTIONS: Readonly<Record<string, string>> = {
  ReadAccountsBasic: 'Your account names, types and currencies',
  ReadAccountsDetail: 'Your account numbers and sort codes, as well as names, types and currencies',
  ReadBalances: 'Your account balances',
  ReadBeneficiariesBasic: 'The payees you have set up',
  ReadBeneficiariesDetail: 'The payees you have set up, with their account details',
  ReadDirectDebits: 'Your Direct Debits',
  ReadOffers: 'Offers available on your accounts',
  ReadPAN: 'Your full card numbers',
  ReadParty: 'The names, addresses and contact details of the account holders',
  ReadPartyPSU: 'Your own name, address and contact details',
  ReadProducts: 'The products and their terms, such as fees and interest rates',
  ReadScheduledPaymentsBasic: 'Your future-dated payments',
  ReadScheduledPaymentsDetail: "Your future-dated payments, with the payees' account details",
  ReadStandingOrdersBasic: 'Your standing orders',
  ReadStandingOrdersDetail: "Your standing orders, with the payees' account details",
  ReadStatementsBasic: 'Your statements',
  ReadStatementsDetail: 'Your statements, with their amounts and details',
  ReadTransactionsBasic: 'Your transactions',
  ReadTransactionsCredits: 'Money paid into your accounts',
  ReadTransactionsDebits: 'Money paid out of your accounts',
  ReadTransactionsDetail: 'Your transactions, with their details such as payee account numbers',
};

/** The plain-language line of a permission; an unknown one (never accepted at creation) is shown as it is. */
export function describePermission(permission: string): string {
  return PERMISSION_DESCRIPTIONS[permission] ?? permission;
}
