/**
 * The HTTP envelope as the identity server's Java caller really parses it (contract §2.7): Jackson with
 * FAIL_ON_UNKNOWN_PROPERTIES, so the top level may hold only these four keys, and `status` is case-sensitive.
 */
export type ExtensionStatus = 'SUCCESS' | 'ERROR';

export interface ExtensionRequest<TData = unknown> {
  readonly requestId: string;
  readonly data: TData;
}

export interface ExtensionResponse<TData = unknown> {
  readonly responseId: string;
  readonly status: ExtensionStatus;
  readonly errorCode?: number;
  readonly data?: TData;
}

/** The only top-level keys the identity server accepts in a response. */
export const ENVELOPE_KEYS = ['responseId', 'status', 'errorCode', 'data'] as const;

/**
 * `errorCode` values the consent manage and admin relays accept (`cmx/common/ResponseStatus`, contract §2.8). Any
 * other value in 400-599 makes `ResponseStatus.fromStatusCode` return null and the client gets a 500.
 */
export const ACCEPTED_ERROR_CODES = [
  400, 401, 402, 403, 404, 405, 406, 409, 410, 411, 412, 413, 414, 415, 416, 417, 422, 429, 500, 501, 502, 503, 504,
  505,
] as const;

export type AcceptedErrorCode = (typeof ACCEPTED_ERROR_CODES)[number];

const ACCEPTED = new Set<number>(ACCEPTED_ERROR_CODES);

export function isAcceptedErrorCode(value: unknown): value is AcceptedErrorCode {
  return typeof value === 'number' && ACCEPTED.has(value);
}

/**
 * The body of a non-200 answer (malformed envelope, bad credentials, unexpected fault). The identity server reads only
 * `data.errorDescription`, as a log message; the TPP sees a generic server error.
 */
export interface ErrorResponseBody {
  readonly responseId?: string;
  readonly status: 'ERROR';
  readonly data: { readonly errorMessage: string; readonly errorDescription: string };
}
