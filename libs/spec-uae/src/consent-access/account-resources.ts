/*
 * The UAE bank data sharing resources (account-information v2.1) and the permissions each needs: any one of them, as
 * the Bank Data Sharing requirement page lists them per endpoint. Permissions that only add data to a resource
 * (ReadFXTransactions*, ReadFXRemittanceCharges on transactions, ReadProductFinanceRates on product) do not open it.
 * Matched on the gateway's resource template (`electedResource`).
 */

const ACCOUNTS = ['ReadAccountsBasic', 'ReadAccountsDetail'];
const PARTIES = ['ReadParty', 'ReadPartyUser', 'ReadPartyUserIdentity'];

const RESOURCE_PERMISSIONS: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/^\/accounts\/?$/, ACCOUNTS],
  [/^\/accounts\/\{[^}]+\}\/?$/, ACCOUNTS],
  [/^\/accounts\/\{[^}]+\}\/balances$/, ['ReadBalances']],
  [/^\/accounts\/\{[^}]+\}\/beneficiaries$/, ['ReadBeneficiariesBasic', 'ReadBeneficiariesDetail']],
  [/^\/accounts\/\{[^}]+\}\/direct-debits$/, ['ReadDirectDebits']],
  [/^\/accounts\/\{[^}]+\}\/product$/, ['ReadProduct']],
  [/^\/accounts\/\{[^}]+\}\/scheduled-payments$/, ['ReadScheduledPaymentsBasic', 'ReadScheduledPaymentsDetail']],
  [/^\/accounts\/\{[^}]+\}\/standing-orders$/, ['ReadStandingOrdersBasic', 'ReadStandingOrdersDetail']],
  [/^\/accounts\/\{[^}]+\}\/transactions$/, ['ReadTransactionsBasic', 'ReadTransactionsDetail']],
  [/^\/accounts\/\{[^}]+\}\/statements$/, ['ReadStatements']],
  [/^\/accounts\/\{[^}]+\}\/parties$/, PARTIES],
  [/^\/parties$/, PARTIES],
];

/** The permissions that open a resource template, or undefined for a template that is not a data sharing resource. */
export function permissionsFor(electedResource: string): readonly string[] | undefined {
  return RESOURCE_PERMISSIONS.find(([pattern]) => pattern.test(electedResource))?.[1];
}

/** The account id in a request path (`…/accounts/{id}/…`), URL-decoded; undefined when the path names none. */
export function accountIdInPath(resource: string): string | undefined {
  const path = resource.split('?')[0] ?? '';
  const segments = path.split('/');
  const index = segments.lastIndexOf('accounts');
  const segment = index === -1 ? undefined : segments[index + 1];
  if (segment === undefined || segment === '') {
    return undefined;
  }
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
