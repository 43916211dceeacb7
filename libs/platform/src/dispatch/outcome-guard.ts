import { isAcceptedErrorCode, type ExtensionName, type ExtensionResponse } from '@app/contract';
import { envelope } from '../envelope/response-envelope.js';

/** A handler broke the contract: a fault of this service, answered with a 500 and logged. */
export class ContractViolationError extends Error {
  override readonly name = 'ContractViolationError';
}

interface HandlerOutcome {
  readonly status: unknown;
  readonly data?: unknown;
  readonly errorCode?: unknown;
}

const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Turns a handler's outcome into the strict envelope, refusing what the identity server would choke on: a status
 * other than SUCCESS/ERROR, an errorCode it cannot relay (contract §2.8), or ERROR `data` that is not an object.
 */
export function outcomeToEnvelope(
  extension: ExtensionName,
  requestId: string,
  outcome: HandlerOutcome,
): ExtensionResponse {
  if (outcome.status === 'SUCCESS') {
    if (extension === 'map-accelerator-error-response') {
      const code = outcome.errorCode;
      if (typeof code !== 'number' || !Number.isInteger(code) || code < 100 || code > 599 || !isObject(outcome.data)) {
        throw new ContractViolationError(`${extension} must answer an integer errorCode in 100-599 and an object`);
      }
      return envelope(requestId, 'SUCCESS', outcome.data, code);
    }
    return envelope(requestId, 'SUCCESS', outcome.data ?? {});
  }
  if (outcome.status === 'ERROR') {
    if (!isAcceptedErrorCode(outcome.errorCode)) {
      throw new ContractViolationError(
        `${extension} answered errorCode ${String(outcome.errorCode)}, which the identity server cannot relay`,
      );
    }
    if (!isObject(outcome.data)) {
      throw new ContractViolationError(`${extension} answered ERROR without an object in data`);
    }
    return envelope(requestId, 'ERROR', outcome.data, outcome.errorCode);
  }
  throw new ContractViolationError(`${extension} answered status ${String(outcome.status)}`);
}
