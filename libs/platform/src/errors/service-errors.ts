/**
 * Failures of the service itself (as opposed to business rejections, which are `status: ERROR` outcomes with HTTP
 * 200). Each becomes the contract's ErrorResponse `{responseId?, status: ERROR, data: {errorMessage, errorDescription}}`
 * with its HTTP status; the identity server logs `errorDescription` and shows the TPP a generic server error.
 */
export class ServiceError extends Error {
  constructor(
    readonly httpStatus: 400 | 404 | 413 | 500,
    readonly errorMessage: string,
    readonly errorDescription: string,
    readonly requestId?: string,
  ) {
    super(errorDescription);
  }
}

export class MalformedRequestError extends ServiceError {
  override readonly name = 'MalformedRequestError';
  constructor(description: string, requestId?: string) {
    super(400, 'invalid_request', description, requestId);
  }
}

export class UnknownRouteError extends ServiceError {
  override readonly name = 'UnknownRouteError';
  constructor(description: string) {
    super(404, 'not_found', description);
  }
}

export class PayloadTooLargeError extends ServiceError {
  override readonly name = 'PayloadTooLargeError';
  constructor(limitBytes: number) {
    super(413, 'payload_too_large', `The request body exceeds the limit of ${limitBytes} bytes`);
  }
}

/** The same requestId arrived again with a different body: a retry must resend the same body (contract §2.6). */
export class RequestIdReuseError extends ServiceError {
  override readonly name = 'RequestIdReuseError';
  constructor(requestId: string) {
    super(400, 'invalid_request', `requestId ${requestId} was already used with a different body`, requestId);
  }
}
