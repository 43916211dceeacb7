import type { DataRequestPayload } from '@app/contract';
import type { AccessRight } from '../consent-authorize/consent-coverage.js';

/*
 * The XS2A resource a TPP call addresses, read from the gateway's `resourceParams` (the full request path): account
 * data (§B.1 account endpoints), a payment of the consent, or a funds confirmation.
 */

export type RequestedResource =
  | {
      readonly service: 'ais';
      /** Counted separately for frequencyPerDay: `accounts` (the list), `account`, `balances`, `transactions`. */
      readonly endpoint: 'accounts' | 'account' | 'balances' | 'transactions';
      readonly accountId?: string;
      /** Any of these rights on the account (or, for the list, on any account) opens the resource. */
      readonly rights: readonly AccessRight[];
    }
  | { readonly service: 'pis'; readonly paymentId: string }
  | { readonly service: 'piis' };

const ACCOUNT_PATH = /\/(?:card-)?accounts(?:\/([^/]+)(?:\/(balances|transactions)(?:\/[^/]+)?)?)?$/;
const PAYMENT_PATH = /\/(?:payments|periodic-payments|bulk-payments)\/[^/]+\/([^/]+)(?:\/status)?$/;
const FUNDS_CONFIRMATION_PATH = /\/funds-confirmations$/;

function requestPath(request: DataRequestPayload): { readonly path: string; readonly query: string } {
  const params = request.resourceParams ?? {};
  const full = String(params['resource'] ?? params['ResourcePath'] ?? request.electedResource ?? '');
  const [path = '', query = ''] = full.split('?', 2);
  return { path: path.replace(/\/+$/, ''), query };
}

/** A path segment percent-decoded; a malformed escape (`%ZZ`) names no account or payment of the bank, kept as sent. */
function percentDecoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function withBalance(request: DataRequestPayload, query: string): boolean {
  const param = request.resourceParams?.['withBalance'];
  return String(param ?? '').toLowerCase() === 'true' || /(?:^|&)withBalance=true(?:&|$)/i.test(query);
}

export function requestedResource(request: DataRequestPayload): RequestedResource | undefined {
  const { path, query } = requestPath(request);
  const account = ACCOUNT_PATH.exec(path);
  if (account !== null) {
    const [, rawAccountId, sub] = account;
    if (rawAccountId === undefined) {
      return {
        service: 'ais',
        endpoint: 'accounts',
        rights: withBalance(request, query)
          ? ['balances', 'availableAccountsWithBalance']
          : ['accounts', 'availableAccounts', 'availableAccountsWithBalance'],
      };
    }
    const accountId = percentDecoded(rawAccountId);
    if (sub === 'balances') {
      return { service: 'ais', endpoint: 'balances', accountId, rights: ['balances'] };
    }
    if (sub === 'transactions') {
      return { service: 'ais', endpoint: 'transactions', accountId, rights: ['transactions'] };
    }
    return { service: 'ais', endpoint: 'account', accountId, rights: ['accounts'] };
  }
  const payment = PAYMENT_PATH.exec(path);
  if (payment !== null) {
    return { service: 'pis', paymentId: percentDecoded(payment[1]) };
  }
  return FUNDS_CONFIRMATION_PATH.test(path) ? { service: 'piis' } : undefined;
}
