import { randomUUID } from 'node:crypto';
import type { ExtensionName } from '@app/contract';
import { reportAnswer } from './answer-observer.js';
import type { ExtensionAnswer, SentExtensionRequest } from './extension-exchange.js';
import {
  encodeBody,
  serializeLikeIdentityServer,
  type BodyCharset,
  type JsonEscaping,
  type KeyOrder,
} from './identity-server-json.js';

/** `Security.Type` of the identity server: `Basic-Auth` with configured credentials, or `OAuth2` (a static token). */
export type ExtensionCredentials =
  | { readonly kind: 'basic'; readonly username: string; readonly password: string }
  | { readonly kind: 'bearer'; readonly token: string }
  | { readonly kind: 'none' };

export interface IdentityServerClientOptions {
  /** The service root, e.g. `http://127.0.0.1:3000`; the spec segment is added per call. */
  readonly baseUrl: string;
  /** The specification segment of the identity server's `base_url` (`default`, later `uk`, `berlin`, `uae`). */
  readonly spec: string;
  /** Defaults to Basic with empty credentials (`Basic Og==`), what the shipped identity server configuration sends. */
  readonly credentials?: ExtensionCredentials;
  /** Defaults to `iso-8859-1`, the identity server's charset bug; `utf-8` exists to test UTF-8 bodies. */
  readonly bodyCharset?: BodyCharset;
  /** Defaults to `minimal` (contract §2.3); `org.json` reproduces `JSONObject.quote` exactly. */
  readonly jsonEscaping?: JsonEscaping;
  /** The identity server's read timeout; the shipped deployment.toml says 5 s. */
  readonly timeoutMs?: number;
  /**
   * Defaults to `java-hash-map`: the identity server re-serialises every JSON object from a HashMap, so keys arrive in
   * its order. `as-given` is a deployment whose gateway forwards the TPP's own bytes.
   */
  readonly keyOrder?: KeyOrder;
}

/** Exactly what went over the wire, kept so that a retry can resend the same bytes. */
export type { ExtensionAnswer, SentExtensionRequest } from './extension-exchange.js';

export interface CallOptions {
  /** Reuse a request id, e.g. to send a different body under an id the service has already seen. */
  readonly requestId?: string;
}

/** What Apache HttpClient 4.5 announces; the identity server sets no other header of its own (contract §2.3). */
export const IDENTITY_SERVER_USER_AGENT = 'Apache-HttpClient/4.5.13 (Java/21)';

const DEFAULT_TIMEOUT_MS = 5000;
/** The key order of the simulator's calls unless a test chooses one: what the identity server sends. */
const DEFAULT_KEY_ORDER: KeyOrder = 'java-hash-map';

function authorizationHeader(credentials: ExtensionCredentials): string | undefined {
  switch (credentials.kind) {
    case 'basic':
      return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`;
    case 'bearer':
      return `Bearer ${credentials.token}`;
    case 'none':
      return undefined;
  }
}

function parseJson(text: string): unknown {
  if (text.trim() === '') {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Calls the extension service the way the identity server's `ServiceExtensionUtils.invokeExternalServiceCall` does:
 * `POST {base}/{spec}/{extension}` with `{"requestId","data"}`, compact JSON with nulls omitted, ISO-8859-1 bytes,
 * `Content-Type: application/json` without charset, and a fresh UUID v4 per logical call that a retry reuses.
 * Uses the global `fetch` (undici), whose default agent keeps connections alive as the identity server's pool does.
 */
export class IdentityServerClient {
  private readonly root: string;
  private readonly credentials: ExtensionCredentials;
  private readonly bodyCharset: BodyCharset;
  private readonly jsonEscaping: JsonEscaping;
  private readonly keyOrder: KeyOrder;
  private readonly timeoutMs: number;

  constructor(private readonly options: IdentityServerClientOptions) {
    // The identity server would produce `//` from a trailing slash; here the base is our own choice, so tidy it.
    this.root = options.baseUrl.replace(/\/+$/, '');
    this.credentials = options.credentials ?? { kind: 'basic', username: '', password: '' };
    this.bodyCharset = options.bodyCharset ?? 'iso-8859-1';
    this.jsonEscaping = options.jsonEscaping ?? 'minimal';
    this.keyOrder = options.keyOrder ?? DEFAULT_KEY_ORDER;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  get spec(): string {
    return this.options.spec;
  }

  urlOf(extension: ExtensionName): string {
    return `${this.root}/${this.options.spec}/${extension}`;
  }

  /** One logical call: a new `requestId` unless one is given. */
  async call(extension: ExtensionName, data: unknown, options: CallOptions = {}): Promise<ExtensionAnswer> {
    const requestId = options.requestId ?? randomUUID();
    const text = serializeLikeIdentityServer({ requestId, data }, this.jsonEscaping, this.keyOrder);
    return this.send({
      extension,
      url: this.urlOf(extension),
      headers: this.headers(),
      body: encodeBody(text, this.bodyCharset),
      requestId,
    });
  }

  /** A transport-level retry (after a read timeout): the identical bytes with the same `requestId` (contract §2.6). */
  async retry(previous: ExtensionAnswer | SentExtensionRequest): Promise<ExtensionAnswer> {
    const request = 'request' in previous ? previous.request : previous;
    return this.send(request);
  }

  /** Sends bytes that need not be a valid request (malformed JSON, missing `data`) with the identity server's headers. */
  async sendRaw(
    extension: ExtensionName,
    body: string | Buffer,
    requestId: string = randomUUID(),
  ): Promise<ExtensionAnswer> {
    return this.send({
      extension,
      url: this.urlOf(extension),
      headers: this.headers(),
      body: typeof body === 'string' ? encodeBody(body, this.bodyCharset) : body,
      requestId,
    });
  }

  private headers(): Record<string, string> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'User-Agent': IDENTITY_SERVER_USER_AGENT,
    };
    const authorization = authorizationHeader(this.credentials);
    if (authorization !== undefined) {
      headers.Authorization = authorization;
    }
    return headers;
  }

  private async send(request: SentExtensionRequest): Promise<ExtensionAnswer> {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      // A Uint8Array body gets a Content-Length and no content type of fetch's own, like StringEntity.
      body: new Uint8Array(request.body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const rawText = Buffer.from(await response.arrayBuffer()).toString('utf8');
    const answer: ExtensionAnswer = {
      httpStatus: response.status,
      body: parseJson(rawText),
      rawText,
      requestId: request.requestId,
      contentType: response.headers.get('content-type') ?? undefined,
      request,
    };
    reportAnswer({
      extension: request.extension,
      requestId: request.requestId,
      httpStatus: answer.httpStatus,
      body: answer.body,
    });
    return answer;
  }
}
