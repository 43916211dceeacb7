import type { AcceptedErrorCode } from './envelope.js';

/**
 * What a specification decides at an extension point. A business rejection is a value, not an exception: the
 * platform sends it as HTTP 200 with `status: ERROR`, and the identity server relays `errorCode` and `data` to the
 * TPP. Exceptions are reserved for faults of this service.
 */
export type ExtensionOutcome<TSuccess, TFailure> = ExtensionSuccess<TSuccess> | ExtensionFailure<TFailure>;

export interface ExtensionSuccess<TData> {
  readonly status: 'SUCCESS';
  readonly data: TData;
  /** Only `map-accelerator-error-response` sends an `errorCode` with SUCCESS: the identity server uses it as the HTTP status. */
  readonly errorCode?: number;
}

export interface ExtensionFailure<TData> {
  readonly status: 'ERROR';
  readonly errorCode: AcceptedErrorCode;
  readonly data: TData;
}

export function succeed<TData>(data: TData): ExtensionSuccess<TData> {
  return { status: 'SUCCESS', data };
}

export function fail<TData>(errorCode: AcceptedErrorCode, data: TData): ExtensionFailure<TData> {
  return { status: 'ERROR', errorCode, data };
}
