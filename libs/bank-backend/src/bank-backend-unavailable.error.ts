/**
 * The bank could not answer (down, too slow, or answering nonsense). The message says which backend and why, for
 * the logs; it never holds a stack, nor the user id asked about (personal data).
 */
export class BankBackendUnavailableError extends Error {
  override readonly name = 'BankBackendUnavailableError';

  constructor(
    /** The backend's base URL, without credentials; `embedded` for the embedded bank. */
    readonly backendUrl: string,
    problem: string,
    options: { readonly cause?: unknown } = {},
  ) {
    super(`Bank backend ${backendUrl} is unavailable: ${problem}`, options);
  }
}
