import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BankAccountView } from './bank-account.js';
import { BankBackendUnavailableError } from './bank-backend-unavailable.error.js';
import { HttpBankBackend } from './http-bank-backend.js';

const ACCOUNT: BankAccountView = {
  accountId: '30080012343456',
  displayName: 'Salary Saver Account',
  currency: 'GBP',
  accountType: 'Retail',
  accountSubType: 'Savings',
  schemeName: 'UK.OBIE.SortCodeAccountNumber',
  identification: '30080012343456',
  holderName: 'Alex Morgan',
  status: 'Enabled',
  payable: false,
};

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** A bank core on a random local port; `handler` can be swapped per test. */
class FakeBankCore {
  readonly requests: { method: string; url: string; accept: string | undefined }[] = [];
  handler: Handler = (_request, response) => response.writeHead(500).end();
  private readonly server: Server = createServer((request, response) => {
    this.requests.push({ method: request.method ?? '', url: request.url ?? '', accept: request.headers.accept });
    this.handler(request, response);
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const json =
  (status: number, body: unknown): Handler =>
  (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };

async function failureOf(promise: Promise<unknown>): Promise<BankBackendUnavailableError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BankBackendUnavailableError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected BankBackendUnavailableError');
}

describe('HttpBankBackend', () => {
  const core = new FakeBankCore();
  let baseUrl: string;
  let backend: HttpBankBackend;

  beforeAll(async () => {
    baseUrl = await core.start();
    backend = new HttpBankBackend({ baseUrl: `${baseUrl}/core-api/`, timeoutMs: 300 });
  });

  afterAll(async () => {
    await core.stop();
  });

  beforeEach(() => {
    core.requests.length = 0;
  });

  describe('when the bank core answers', () => {
    it('lists the accounts of a customer, percent-encoding the user id and ignoring unknown fields', async () => {
      core.handler = json(200, { accounts: [{ ...ACCOUNT, nickname: 'savings', iban: null }], page: 1 });

      expect(await backend.accountsOf('psu@wso2.com/1')).toEqual([ACCOUNT]);
      expect(core.requests).toEqual([
        { method: 'GET', url: '/core-api/customers/psu%40wso2.com%2F1/accounts', accept: 'application/json' },
      ]);
    });

    it('reads the details of an account', async () => {
      core.handler = json(200, { ...ACCOUNT, iban: 'GB38LOYD30080012343456' });

      expect(await backend.accountDetails(ACCOUNT.accountId)).toEqual({ ...ACCOUNT, iban: 'GB38LOYD30080012343456' });
      expect(core.requests[0]?.url).toBe('/core-api/accounts/30080012343456');
    });

    it('confirms an account holder by status alone', async () => {
      core.handler = (_request, response) => response.writeHead(200).end('ignored');

      expect(await backend.holdsAccount('psu@wso2.com', 'acc 1')).toBe(true);
      expect(core.requests[0]?.url).toBe('/core-api/customers/psu%40wso2.com/accounts/acc%201');
    });

    it('asks whether an account has the funds with one GET, amount and currency in the query', async () => {
      core.handler = json(200, { fundsAvailable: true, checkedAt: 'ignored' });
      expect(await backend.fundsAvailable('acc 1', { amount: '165.88', currency: 'GBP' })).toBe(true);
      core.handler = json(200, { fundsAvailable: false });
      expect(await backend.fundsAvailable('acc 1', { amount: '5000.00', currency: 'GBP' })).toBe(false);
      expect(core.requests.map(({ method, url }) => `${method} ${url}`)).toEqual([
        'GET /core-api/accounts/acc%201/funds-availability?amount=165.88&currency=GBP',
        'GET /core-api/accounts/acc%201/funds-availability?amount=5000.00&currency=GBP',
      ]);
    });

    it('reads 404 as "no accounts", "no such account", "not a holder" and "cannot pay"', async () => {
      core.handler = json(404, { error: 'not found' });

      expect(await backend.accountsOf('nobody@example.com')).toEqual([]);
      expect(await backend.accountDetails('unknown')).toBeNull();
      expect(await backend.holdsAccount('psu@wso2.com', 'unknown')).toBe(false);
      expect(await backend.fundsAvailable('unknown', { amount: '1.00', currency: 'GBP' })).toBe(false);
    });
  });

  describe('when the bank core cannot answer', () => {
    it('reports a server error with the backend and the status, not the user id', async () => {
      core.handler = json(500, { error: 'database down' });

      const error = await failureOf(backend.accountsOf('psu@wso2.com'));

      expect(error.name).toBe('BankBackendUnavailableError');
      expect(error.backendUrl).toBe(`${baseUrl}/core-api`);
      expect(error.message).toBe(
        `Bank backend ${baseUrl}/core-api is unavailable: listing a customer's accounts: it answered HTTP 500`,
      );
      expect(error.message).not.toContain('psu');
      expect(error.message).not.toContain('    at ');
    });

    it('refuses a funds answer without a boolean fundsAvailable', async () => {
      core.handler = json(200, { fundsAvailable: 'yes' });

      expect((await failureOf(backend.fundsAvailable('a', { amount: '1.00', currency: 'GBP' }))).message).toContain(
        'checking the funds of an account: the answer has no boolean "fundsAvailable"',
      );
    });

    it('treats other unexpected statuses as unavailable too', async () => {
      core.handler = (_request, response) => response.writeHead(401).end();

      expect((await failureOf(backend.holdsAccount('u', 'a'))).message).toContain(
        'checking an account holder: it answered HTTP 401',
      );
    });

    it('gives up on a bank that never answers once the timeout has passed, aborting the request', async () => {
      const seen: { hungUp?: Promise<void> } = {};
      core.handler = (request) => {
        // Never answered: the request stays open until the client gives up on it and closes the connection.
        seen.hungUp = new Promise<void>((resolve) => request.socket.once('close', () => resolve()));
      };

      const error = await failureOf(backend.accountDetails('slow'));

      expect(error.message).toBe(
        `Bank backend ${baseUrl}/core-api is unavailable: reading an account: no answer within 300 ms`,
      );
      // The timeout's own abort signal ended the call, not a network failure or a default of fetch.
      expect((error.cause as { name?: unknown } | undefined)?.name).toBe('TimeoutError');
      // The abort closed the connection: nothing is left waiting on the bank core.
      expect(seen.hungUp).toBeInstanceOf(Promise);
      await seen.hungUp;
    });

    it('gives up on a bank that stops in the middle of its answer', async () => {
      core.handler = (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"accounts": [');
      };

      expect((await failureOf(backend.accountsOf('u'))).message).toContain('no answer within 300 ms');
    });

    it('reports a refused connection', async () => {
      const closed = new FakeBankCore();
      const closedUrl = await closed.start();
      await closed.stop();

      const error = await failureOf(new HttpBankBackend({ baseUrl: closedUrl, timeoutMs: 1_000 }).accountsOf('u'));

      expect(error.message).toBe(
        `Bank backend ${closedUrl} is unavailable: listing a customer's accounts: connection refused`,
      );
      expect(error.cause).toBeDefined();
    });

    it.each<[string, Handler, string]>([
      [
        'a body that is not JSON',
        (_request, response) => response.writeHead(200).end('<html>'),
        'the answer is not valid JSON',
      ],
      ['no accounts array', json(200, { items: [] }), 'the answer has no "accounts" array'],
      [
        'an invalid account',
        json(200, { accounts: [ACCOUNT, { ...ACCOUNT, currency: 'gbp' }] }),
        'the answer is malformed: $.accounts[1].currency: must be an ISO 4217 code',
      ],
      [
        'an account without a status',
        json(200, { accounts: [{ ...ACCOUNT, status: undefined }] }),
        '$.accounts[0].status: must be one of',
      ],
    ])('reports a malformed answer: %s', async (_, handler, problem) => {
      core.handler = handler;

      expect((await failureOf(backend.accountsOf('u'))).message).toContain(problem);
    });

    it('refuses account details that describe another account', async () => {
      core.handler = json(200, { ...ACCOUNT, accountId: 'someone-else' });

      expect((await failureOf(backend.accountDetails(ACCOUNT.accountId))).message).toContain(
        'describes another account',
      );
    });
  });

  it('refuses a configuration that cannot work', () => {
    expect(() => new HttpBankBackend({ baseUrl: 'core.bank.internal', timeoutMs: 100 })).toThrow('BANK_BACKEND_URL');
    expect(() => new HttpBankBackend({ baseUrl: 'ftp://core.bank.internal', timeoutMs: 100 })).toThrow(
      'BANK_BACKEND_URL',
    );
    expect(() => new HttpBankBackend({ baseUrl: 'https://core.bank.internal/?tenant=1', timeoutMs: 100 })).toThrow(
      'query',
    );
    expect(() => new HttpBankBackend({ baseUrl: 'https://core.bank.internal', timeoutMs: 0 })).toThrow(RangeError);
  });

  it('sends credentials of the base URL as Basic authentication, and keeps them out of its messages', async () => {
    const withCredentials = new HttpBankBackend({
      baseUrl: baseUrl.replace('http://', 'http://consent%40ext:s3cret@'),
      timeoutMs: 300,
    });
    let authorization: string | undefined;
    core.handler = (request, response) => {
      authorization = request.headers.authorization;
      response.writeHead(503).end();
    };

    const error = await failureOf(withCredentials.accountsOf('u'));

    expect(authorization).toBe(`Basic ${Buffer.from('consent@ext:s3cret').toString('base64')}`);
    expect(error.backendUrl).toBe(baseUrl);
    expect(error.message).not.toContain('s3cret');
  });
});
