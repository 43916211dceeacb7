import { DependencyUnavailableError } from '@app/contract';

/**
 * The bank could not answer (down, too slow, or answering nonsense). The message says which backend and why, for
 * the logs; it never holds a stack, nor the user id asked about (personal data). A DependencyUnavailableError, so
 * that the platform answers it as the bank's outage rather than as an unexpected fault.
 */
export class BankBackendUnavailableError extends DependencyUnavailableError {
  override readonly name = 'BankBackendUnavailableError';

  constructor(
    /** The backend's base URL, without credentials; `embedded` for the embedded bank. */
    readonly backendUrl: string,
    problem: string,
    options: { readonly cause?: unknown } = {},
  ) {
    super(
      "The bank's core system did not answer; try again later",
      `Bank backend ${backendUrl} is unavailable: ${problem}`,
      options,
    );
  }
}
