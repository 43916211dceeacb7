import { IDENTITY_SERVER_USER_AGENT } from '@app/testing';
import type { WorkloadCall } from './workload.js';

/*
 * One call as the identity server makes it (POST, its headers, the exact bytes) and what came back. A call is
 * acknowledged when the service answered it with the contract's envelope at HTTP 200: only then may the identity
 * server have acted on the answer, so only then must every later copy of the call get the same answer.
 */

/** The identity server's read timeout in the shipped deployment.toml. */
export const CALL_TIMEOUT_MS = 5000;

export type Outcome =
  /** HTTP 200, `status: SUCCESS`. */
  | 'success'
  /** HTTP 200, `status: ERROR`: a business refusal (e.g. a usage limit reached). */
  | 'refused'
  /** Another HTTP status with the contract's ErrorResponse body (`status: ERROR`, `data.errorMessage`). */
  | 'fault'
  /** Anything else: not JSON, not the contract's shapes. */
  | 'malformed'
  /** No HTTP answer: connection refused or reset, or the read timeout. */
  | 'no-answer';

export interface Attempt {
  readonly call: WorkloadCall;
  /** Which instance, proxy or phase the attempt went to. */
  readonly target: string;
  readonly startedMs: number;
  readonly endedMs: number;
  readonly outcome: Outcome;
  readonly httpStatus?: number;
  readonly text?: string;
  readonly error?: string;
}

export function isAcknowledged(attempt: Attempt): boolean {
  return attempt.outcome === 'success' || attempt.outcome === 'refused';
}

/**
 * What must be the same in every answer to one requestId. A recorded point's answer is replayed byte for byte. A
 * limited point's answer is computed again on every copy (it is not stored), from the outcome recorded for the
 * requestId: its decision and error code must be the same.
 */
export function answerSignature(attempt: Attempt, recorded: boolean): string {
  if (recorded) {
    return attempt.text ?? '';
  }
  return `${attempt.outcome} ${errorCodeOf(attempt.text)}`;
}

export function errorCodeOf(text: string | undefined): string {
  const body = parse(text);
  return typeof body === 'object' && body !== null && 'errorCode' in body ? String(body.errorCode) : '-';
}

export function classify(httpStatus: number, text: string): Outcome {
  const body = parse(text);
  if (typeof body !== 'object' || body === null) {
    return 'malformed';
  }
  const envelope = body as { status?: unknown; data?: unknown };
  if (httpStatus === 200) {
    if (envelope.status === 'SUCCESS') {
      return 'success';
    }
    return envelope.status === 'ERROR' ? 'refused' : 'malformed';
  }
  const data = envelope.data;
  const contractError =
    envelope.status === 'ERROR' &&
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { errorMessage?: unknown }).errorMessage === 'string';
  return contractError ? 'fault' : 'malformed';
}

export class CallSender {
  constructor(
    private readonly authorization: string,
    private readonly now: () => number,
  ) {}

  async send(baseUrl: string, target: string, call: WorkloadCall): Promise<Attempt> {
    const startedMs = this.now();
    try {
      const response = await fetch(`${baseUrl}${call.path}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'User-Agent': IDENTITY_SERVER_USER_AGENT,
          Authorization: this.authorization,
        },
        body: new Uint8Array(call.body),
        signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      });
      const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
      return {
        call,
        target,
        startedMs,
        endedMs: this.now(),
        outcome: classify(response.status, text),
        httpStatus: response.status,
        text,
      };
    } catch (error: unknown) {
      return { call, target, startedMs, endedMs: this.now(), outcome: 'no-answer', error: describe(error) };
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause: unknown = error.cause;
    const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : undefined;
    return code === undefined ? `${error.name}: ${error.message}` : `${error.message} (${code})`;
  }
  return String(error);
}

function parse(text: string | undefined): unknown {
  if (text === undefined) {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
