import { InvalidBankDataError, validateBankAccountData } from '@app/persistence';
import type { BankAccountView } from './bank-account.js';
import { BankBackendUnavailableError } from './bank-backend-unavailable.error.js';
import { BankBackend } from './bank-backend.port.js';
import type { MoneyAmount } from './money-amount.js';

export interface HttpBankBackendOptions {
  /**
   * BANK_BACKEND_URL: the base URL of the bank core's API, e.g. `https://core.bank.internal/consent-api`. A user and
   * password in it (`https://user:password@core…`) are sent as HTTP Basic authentication.
   */
  readonly baseUrl: string;
  /** How long one call, body included, may take before the bank counts as unavailable. */
  readonly timeoutMs: number;
}

// A bank core's API may grow fields: only the ones the service knows are read.
const LENIENT = { allowUnknownFields: true } as const;

/** A bank core reached over HTTP; the API it must implement is described in README.md. */
export class HttpBankBackend extends BankBackend {
  /** Without credentials or trailing slash; also what messages name. */
  private readonly baseUrl: string;
  private readonly headers: Readonly<Record<string, string>>;
  private readonly timeoutMs: number;

  constructor(options: HttpBankBackendOptions) {
    super();
    let url: URL;
    try {
      url = new URL(options.baseUrl);
    } catch {
      throw new Error(`BANK_BACKEND_URL must be an absolute http(s) URL; got "${options.baseUrl}".`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Error(`BANK_BACKEND_URL must be an http(s) URL; got the scheme "${url.protocol}".`);
    }
    if (!Number.isInteger(options.timeoutMs) || options.timeoutMs <= 0) {
      throw new RangeError(
        `The bank backend timeout must be a positive number of milliseconds; got ${options.timeoutMs}.`,
      );
    }
    if (url.search !== '' || url.hash !== '') {
      throw new Error('BANK_BACKEND_URL must not have a query or a fragment: paths are appended to it.');
    }
    this.baseUrl = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    // fetch refuses URLs that carry credentials: they travel as a header instead.
    const credentials =
      url.username === '' ? undefined : `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    this.headers = {
      accept: 'application/json',
      ...(credentials === undefined
        ? {}
        : { authorization: `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}` }),
    };
    this.timeoutMs = options.timeoutMs;
  }

  async accountsOf(userId: string): Promise<BankAccountView[]> {
    const operation = "listing a customer's accounts";
    const answer = await this.get(`/customers/${encodeURIComponent(userId)}/accounts`, operation);
    if (answer === 'not-found') {
      return [];
    }
    const body = await this.jsonBody(answer, operation);
    const accounts: unknown =
      typeof body === 'object' && body !== null ? (body as { accounts?: unknown }).accounts : undefined;
    if (!Array.isArray(accounts)) {
      throw this.unavailable(operation, 'the answer has no "accounts" array');
    }
    return this.validated(operation, () =>
      accounts.map((account: unknown, index) => validateBankAccountData(account, `$.accounts[${index}]`, LENIENT)),
    );
  }

  async holdsAccount(userId: string, accountId: string): Promise<boolean> {
    const answer = await this.get(
      `/customers/${encodeURIComponent(userId)}/accounts/${encodeURIComponent(accountId)}`,
      'checking an account holder',
    );
    if (answer === 'not-found') {
      return false;
    }
    // Only the status matters: release the connection without reading the body.
    await answer.body?.cancel();
    return true;
  }

  async accountDetails(accountId: string): Promise<BankAccountView | null> {
    const operation = 'reading an account';
    const answer = await this.get(`/accounts/${encodeURIComponent(accountId)}`, operation);
    if (answer === 'not-found') {
      return null;
    }
    const body = await this.jsonBody(answer, operation);
    const account = this.validated(operation, () => validateBankAccountData(body, '$', LENIENT));
    if (account.accountId !== accountId) {
      throw this.unavailable(operation, 'the answer describes another account than the one asked for');
    }
    return account;
  }

  /**
   * `GET {base}/accounts/{accountId}/funds-availability?amount=165.88&currency=GBP`: 200 `{"fundsAvailable": true|false}`,
   * 404 for an unknown account (which cannot pay).
   */
  override async fundsAvailable(accountId: string, { amount, currency }: MoneyAmount): Promise<boolean> {
    const operation = 'checking the funds of an account';
    const query = new URLSearchParams({ amount, currency }).toString();
    const answer = await this.get(`/accounts/${encodeURIComponent(accountId)}/funds-availability?${query}`, operation);
    if (answer === 'not-found') {
      return false;
    }
    const body = await this.jsonBody(answer, operation);
    const available: unknown =
      typeof body === 'object' && body !== null ? (body as { fundsAvailable?: unknown }).fundsAvailable : undefined;
    if (typeof available !== 'boolean') {
      throw this.unavailable(operation, 'the answer has no boolean "fundsAvailable"');
    }
    return available;
  }

  /** 200 gives the response, 404 'not-found'; anything else, or no answer in time, makes the bank unavailable. */
  private async get(path: string, operation: string): Promise<Response | 'not-found'> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        headers: this.headers,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw this.unavailable(operation, this.describeFailure(error), error);
    }
    if (response.status === 200) {
      return response;
    }
    await response.body?.cancel();
    if (response.status === 404) {
      return 'not-found';
    }
    throw this.unavailable(operation, `it answered HTTP ${response.status}`);
  }

  private async jsonBody(response: Response, operation: string): Promise<unknown> {
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw this.unavailable(operation, `reading the answer: ${this.describeFailure(error)}`, error);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw this.unavailable(operation, 'the answer is not valid JSON', error);
    }
  }

  private validated<T>(operation: string, validate: () => T): T {
    try {
      return validate();
    } catch (error) {
      if (error instanceof InvalidBankDataError) {
        throw this.unavailable(operation, `the answer is malformed: ${error.message}`, error);
      }
      throw error;
    }
  }

  private describeFailure(error: unknown): string {
    // Read by shape, not instanceof: fetch's errors come from Node's internals, which may be another realm's Error.
    const { name, message, cause } = errorFields(error);
    if (name === 'TimeoutError' || name === 'AbortError') {
      return `no answer within ${this.timeoutMs} ms`;
    }
    // fetch reports network failures as TypeError("fetch failed") with the system error as its cause.
    const { code } = errorFields(cause);
    if (code === 'ECONNREFUSED') {
      return 'connection refused';
    }
    if (typeof code === 'string') {
      return `network error ${code}`;
    }
    return typeof message === 'string' ? message : String(error);
  }

  private unavailable(operation: string, reason: string, cause?: unknown): BankBackendUnavailableError {
    return new BankBackendUnavailableError(
      this.baseUrl,
      `${operation}: ${reason}`,
      cause === undefined ? {} : { cause },
    );
  }
}

function errorFields(error: unknown): {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly cause?: unknown;
  readonly code?: unknown;
} {
  return typeof error === 'object' && error !== null ? error : {};
}
