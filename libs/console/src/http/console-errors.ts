/** A failure the console shows as a page of its own: its HTTP status, a title and one explanation. */
export class ConsoleError extends Error {
  override readonly name = 'ConsoleError';

  constructor(
    readonly httpStatus: 400 | 401 | 403 | 404 | 500 | 502,
    readonly title: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string): ConsoleError => new ConsoleError(404, 'Not found', what);
export const badInput = (what: string): ConsoleError => new ConsoleError(400, 'Cannot do that', what);
