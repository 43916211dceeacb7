import type { ErrorResponseBody, ExtensionResponse } from '@app/contract';

/**
 * Builds the answer body with exactly the keys the identity server accepts (contract §1.3), in a fixed order, and
 * never `undefined` values that could serialise differently.
 */
export function envelope(
  requestId: string,
  status: 'SUCCESS' | 'ERROR',
  data: unknown,
  errorCode?: number,
): ExtensionResponse {
  return errorCode === undefined
    ? { responseId: requestId, status, data }
    : { responseId: requestId, status, errorCode, data };
}

/** The body of a non-200 answer: only `data.errorDescription` reaches the identity server's log. */
export function errorResponse(
  requestId: string | undefined,
  errorMessage: string,
  errorDescription: string,
): ErrorResponseBody {
  const data = { errorMessage, errorDescription };
  return requestId === undefined ? { status: 'ERROR', data } : { responseId: requestId, status: 'ERROR', data };
}
