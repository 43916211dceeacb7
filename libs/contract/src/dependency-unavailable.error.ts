/**
 * A system the service calls (the bank's core system, for one) could not answer: down, too slow, or answering
 * nonsense. It lives in the contract, which every library may import, so that the platform recognises it by type
 * although it never imports the adapters that throw it. The platform answers it with HTTP 500 and
 * `publicDescription` as the errorDescription the identity server logs; the message, with the detail, goes only to
 * the service's own log.
 */
export class DependencyUnavailableError extends Error {
  override readonly name: string = 'DependencyUnavailableError';

  constructor(
    /** Which system did not answer, in words fit for the identity server's log: never why, nor whom it was asked about. */
    readonly publicDescription: string,
    message: string,
    options: { readonly cause?: unknown } = {},
  ) {
    super(message, options);
  }
}
