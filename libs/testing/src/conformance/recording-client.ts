import { randomUUID } from 'node:crypto';
import { isExtensionName, type ExtensionName } from '@app/contract';
import { checkExtensionResponse } from '../matchers/contract-matcher.js';
import {
  IdentityServerClient,
  type CallOptions,
  type ExtensionAnswer,
  type IdentityServerClientOptions,
  type SentExtensionRequest,
} from '../simulator/identity-server-client.js';

/*
 * An identity server client that keeps every exchange it makes, with the contract matcher's verdict on each answer,
 * so that a report (the conformance kit's, the console's journey runner) can show what was sent and what came back.
 */

/** One call as a person reads it afterwards: the request, the answer (or why there was none), and the verdict. */
export interface RecordedExchange {
  readonly extension: ExtensionName;
  readonly requestId: string;
  readonly url: string;
  /** The request headers as sent, except the credentials, which are never kept (see `describeAuthorization`). */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as the bytes on the wire decode in ISO-8859-1, the charset the identity server sends. */
  readonly requestText: string;
  readonly answer?: {
    readonly httpStatus: number;
    readonly contentType: string | undefined;
    readonly body: unknown;
    readonly rawText: string;
  };
  /** Why no answer arrived (connection refused, timeout), or that the point was not enabled. */
  readonly failure?: string;
  /** The contract matcher's violations; empty when the answer satisfies the contract. */
  readonly violations: readonly string[];
  /** True for a call the run refused to make because its point is not among the enabled ones. */
  readonly notEnabled?: boolean;
}

/** Thrown instead of calling a point the implementation under test does not enable (`--points`). */
export class PointNotEnabledError extends Error {
  override readonly name = 'PointNotEnabledError';

  constructor(readonly extension: ExtensionName) {
    super(`${extension} is not among the enabled points, so the identity server would not call it`);
  }
}

export interface RecordingClientOptions extends IdentityServerClientOptions {
  /** The points the implementation enables; calls to any other point throw `PointNotEnabledError`. Unset: all 24. */
  readonly enabledPoints?: ReadonlySet<ExtensionName>;
}

/** What a report shows instead of the credentials: their kind only. */
export function describeAuthorization(value: string): string {
  const scheme = /^(\S+)\s/.exec(value)?.[1];
  return scheme === undefined ? '(hidden)' : `${scheme} (hidden)`;
}

function shownHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      name.toLowerCase() === 'authorization' ? describeAuthorization(value) : value,
    ]),
  );
}

/**
 * Why a call got no answer. fetch hides the useful part (ECONNREFUSED, a timeout) in `cause`. Duck-typed, not
 * `instanceof Error`: errors of fetch can come from another realm (a test runner's sandbox).
 */
export function describeFailure(error: unknown): string {
  const messageOf = (value: unknown): string | undefined =>
    typeof value === 'object' && value !== null && 'message' in value && typeof value.message === 'string'
      ? value.message
      : undefined;
  const cause = typeof error === 'object' && error !== null && 'cause' in error ? messageOf(error.cause) : undefined;
  return `${messageOf(error) ?? String(error)}${cause === undefined ? '' : ` (${cause})`}`;
}

/** The contract matcher's verdict; a probe of a path that is no point of the contract must not be answered as one. */
function verdictOn(extension: ExtensionName, requestId: string, httpStatus: number, body: unknown): string[] {
  // The probes of unknown paths pass any string as an extension name.
  const path: string = extension;
  if (!isExtensionName(path) && httpStatus === 200) {
    return [`HTTP 200 for "${path}", which is no extension point of the contract`];
  }
  return checkExtensionResponse(extension, requestId, httpStatus, body);
}

export class RecordingIdentityServerClient extends IdentityServerClient {
  private readonly recorded: RecordedExchange[] = [];
  private readonly enabledPoints: ReadonlySet<ExtensionName> | undefined;

  constructor(options: RecordingClientOptions) {
    super(options);
    this.enabledPoints = options.enabledPoints;
  }

  /** Every exchange so far, oldest first. */
  get exchanges(): readonly RecordedExchange[] {
    return this.recorded;
  }

  /** The exchanges recorded since `mark` (a previous `exchanges.length`). */
  exchangesSince(mark: number): readonly RecordedExchange[] {
    return this.recorded.slice(mark);
  }

  override async call(extension: ExtensionName, data: unknown, options: CallOptions = {}): Promise<ExtensionAnswer> {
    // The id is chosen here, so that a call which gets no answer can still be named by it.
    const requestId = options.requestId ?? randomUUID();
    this.refuseUnlessEnabled(extension, requestId);
    return this.recording(extension, requestId, () => super.call(extension, data, { ...options, requestId }));
  }

  override async retry(previous: ExtensionAnswer | SentExtensionRequest): Promise<ExtensionAnswer> {
    const request = 'request' in previous ? previous.request : previous;
    this.refuseUnlessEnabled(request.extension, request.requestId);
    return this.recording(request.extension, request.requestId, () => super.retry(previous));
  }

  override async sendRaw(
    extension: ExtensionName,
    body: string | Buffer,
    requestId: string = randomUUID(),
  ): Promise<ExtensionAnswer> {
    this.refuseUnlessEnabled(extension, requestId);
    return this.recording(extension, requestId, () => super.sendRaw(extension, body, requestId));
  }

  private refuseUnlessEnabled(extension: ExtensionName, requestId: string): void {
    if (this.enabledPoints === undefined || this.enabledPoints.has(extension)) {
      return;
    }
    const error = new PointNotEnabledError(extension);
    this.recorded.push({
      extension,
      requestId,
      url: this.urlOf(extension),
      headers: {},
      requestText: '',
      failure: error.message,
      violations: [],
      notEnabled: true,
    });
    throw error;
  }

  private async recording(
    extension: ExtensionName,
    requestId: string,
    send: () => Promise<ExtensionAnswer>,
  ): Promise<ExtensionAnswer> {
    // Reserve the slot first, so that concurrent calls of one step keep the order they were made in.
    const index = this.recorded.length;
    this.recorded.push({
      extension,
      requestId,
      url: this.urlOf(extension),
      headers: {},
      requestText: '',
      failure: 'no answer yet',
      violations: [],
    });
    try {
      const answer = await send();
      const { request } = answer;
      this.recorded[index] = {
        extension,
        requestId: request.requestId,
        url: request.url,
        headers: shownHeaders(request.headers),
        requestText: request.body.toString('latin1'),
        answer: {
          httpStatus: answer.httpStatus,
          contentType: answer.contentType,
          body: answer.body,
          rawText: answer.rawText,
        },
        violations: verdictOn(extension, request.requestId, answer.httpStatus, answer.body),
      };
      return answer;
    } catch (error: unknown) {
      this.recorded[index] = { ...this.recorded[index], failure: describeFailure(error) };
      throw error;
    }
  }
}
