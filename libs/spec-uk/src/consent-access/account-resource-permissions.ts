/**
 * The permissions each AISP resource of v3.1.11 needs (§A.3 "Which permission unlocks which data"): every group must
 * be met by one of its permissions. A resource missing here is not an account-information resource.
 */
type PermissionGroups = ReadonlyArray<readonly string[]>;

const ACCOUNTS = ['ReadAccountsBasic', 'ReadAccountsDetail'];
const BALANCES = ['ReadBalances'];
const BENEFICIARIES = ['ReadBeneficiariesBasic', 'ReadBeneficiariesDetail'];
const DIRECT_DEBITS = ['ReadDirectDebits'];
const OFFERS = ['ReadOffers'];
const PARTY = ['ReadParty'];
const PARTY_PSU = ['ReadPartyPSU'];
const PRODUCTS = ['ReadProducts'];
const SCHEDULED_PAYMENTS = ['ReadScheduledPaymentsBasic', 'ReadScheduledPaymentsDetail'];
const STANDING_ORDERS = ['ReadStandingOrdersBasic', 'ReadStandingOrdersDetail'];
const STATEMENTS = ['ReadStatementsBasic', 'ReadStatementsDetail'];
const STATEMENT_FILE = ['ReadStatementsDetail'];
const TRANSACTIONS = ['ReadTransactionsBasic', 'ReadTransactionsDetail'];
const TRANSACTION_DIRECTIONS = ['ReadTransactionsCredits', 'ReadTransactionsDebits'];

export const AISP_RESOURCE_PERMISSIONS: Readonly<Record<string, PermissionGroups>> = {
  '/accounts': [ACCOUNTS],
  '/accounts/{AccountId}': [ACCOUNTS],
  '/accounts/{AccountId}/balances': [BALANCES],
  '/accounts/{AccountId}/beneficiaries': [BENEFICIARIES],
  '/accounts/{AccountId}/direct-debits': [DIRECT_DEBITS],
  '/accounts/{AccountId}/offers': [OFFERS],
  '/accounts/{AccountId}/parties': [PARTY],
  '/accounts/{AccountId}/party': [PARTY],
  '/accounts/{AccountId}/product': [PRODUCTS],
  '/accounts/{AccountId}/scheduled-payments': [SCHEDULED_PAYMENTS],
  '/accounts/{AccountId}/standing-orders': [STANDING_ORDERS],
  '/accounts/{AccountId}/statements': [STATEMENTS],
  '/accounts/{AccountId}/statements/{StatementId}': [STATEMENTS],
  '/accounts/{AccountId}/statements/{StatementId}/file': [STATEMENT_FILE],
  '/accounts/{AccountId}/statements/{StatementId}/transactions': [STATEMENTS, TRANSACTIONS, TRANSACTION_DIRECTIONS],
  '/accounts/{AccountId}/transactions': [TRANSACTIONS, TRANSACTION_DIRECTIONS],
  '/balances': [BALANCES],
  '/beneficiaries': [BENEFICIARIES],
  '/direct-debits': [DIRECT_DEBITS],
  '/offers': [OFFERS],
  '/party': [PARTY_PSU],
  '/products': [PRODUCTS],
  '/scheduled-payments': [SCHEDULED_PAYMENTS],
  '/standing-orders': [STANDING_ORDERS],
  '/statements': [STATEMENTS],
  '/transactions': [TRANSACTIONS, TRANSACTION_DIRECTIONS],
};

/** The first group the granted permissions do not meet, or undefined when they cover the resource. */
export function missingPermissionGroup(template: string, granted: readonly string[]): readonly string[] | undefined {
  return (AISP_RESOURCE_PERMISSIONS[template] ?? []).find(
    (group) => !group.some((permission) => granted.includes(permission)),
  );
}
