import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BankAccountData } from '@app/persistence';
import { sendJson, startLocalHttpServer, type LocalHttpServer } from './local-http-server.js';

/*
 * A bank core answering the account API of libs/bank-backend/README.md over real HTTP, from data a test chooses, so
 * that the service's HTTP adapter (BANK_BACKEND_URL) is exercised end to end. It can also fail the way a core does.
 */

/** An available balance in one currency; a payment in another currency cannot be covered here. */
export interface FakeBalance {
  readonly currency: string;
  readonly amount: string;
}

export interface FakeCoreBankingData {
  /** The accounts of each customer, by the user name the bank knows (without tenant domain or user store). */
  readonly customers: Readonly<Record<string, readonly BankAccountData[]>>;
  readonly balances: Readonly<Record<string, FakeBalance>>;
}

/** `serving`: answers from the data; `failing`: HTTP 500 to every call; `silent`: reads calls and never answers. */
export type FakeCoreBankingMode = 'serving' | 'failing' | 'silent';

export interface FakeCoreBanking extends LocalHttpServer {
  mode: FakeCoreBankingMode;
}

const ACCOUNTS_OF = /^\/customers\/([^/]+)\/accounts$/;
const HOLDER_OF = /^\/customers\/([^/]+)\/accounts\/([^/]+)$/;
const ACCOUNT = /^\/accounts\/([^/]+)$/;
const FUNDS = /^\/accounts\/([^/]+)\/funds-availability$/;

/** Hundred-thousandths, the finest unit of an Open Banking amount, so that the comparison is exact. */
function minorUnits(amount: string): bigint {
  const [units = '0', fraction = ''] = amount.split('.');
  return BigInt(units) * 100_000n + BigInt(fraction.padEnd(5, '0').slice(0, 5));
}

function answer(data: FakeCoreBankingData, request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://core.bank.internal');
  const allAccounts = Object.values(data.customers).flat();
  const accountById = (accountId: string) => allAccounts.find((account) => account.accountId === accountId);
  let match: RegExpExecArray | null;
  if (request.method !== 'GET') {
    sendJson(response, 405, { error: 'GET only' });
  } else if ((match = ACCOUNTS_OF.exec(url.pathname)) !== null) {
    const accounts = data.customers[decodeURIComponent(match[1])];
    sendJson(
      response,
      accounts === undefined ? 404 : 200,
      accounts === undefined ? { error: 'no such customer' } : { accounts },
    );
  } else if ((match = HOLDER_OF.exec(url.pathname)) !== null) {
    const accountId = decodeURIComponent(match[2]);
    const holds = (data.customers[decodeURIComponent(match[1])] ?? []).some(
      (account) => account.accountId === accountId,
    );
    sendJson(response, holds ? 200 : 404, holds ? { holder: true } : { error: 'not a holder' });
  } else if ((match = FUNDS.exec(url.pathname)) !== null) {
    const accountId = decodeURIComponent(match[1]);
    const balance = data.balances[accountId];
    if (accountById(accountId) === undefined) {
      sendJson(response, 404, { error: 'no such account' });
      return;
    }
    const amount = url.searchParams.get('amount') ?? '';
    const currency = url.searchParams.get('currency') ?? '';
    const fundsAvailable =
      balance !== undefined && balance.currency === currency && minorUnits(amount) <= minorUnits(balance.amount);
    sendJson(response, 200, { fundsAvailable });
  } else if ((match = ACCOUNT.exec(url.pathname)) !== null) {
    const account = accountById(decodeURIComponent(match[1]));
    sendJson(response, account === undefined ? 404 : 200, account ?? { error: 'no such account' });
  } else {
    sendJson(response, 404, { error: 'unknown path' });
  }
}

export async function startFakeCoreBanking(data: FakeCoreBankingData): Promise<FakeCoreBanking> {
  let mode: FakeCoreBankingMode = 'serving';
  const server = await startLocalHttpServer((request, response) => {
    if (mode === 'failing') {
      sendJson(response, 500, { error: 'core banking maintenance' });
    } else if (mode === 'serving') {
      answer(data, request, response);
    }
    // silent: the call is left open until the client gives up or the server closes.
  });
  return {
    origin: server.origin,
    requests: server.requests,
    close: () => server.close(),
    get mode() {
      return mode;
    },
    set mode(next: FakeCoreBankingMode) {
      mode = next;
    },
  };
}
