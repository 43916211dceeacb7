import type { ExtensionName } from '@app/contract';
import type { MatcherContext, SyncExpectationResult } from 'expect';
import { envelopeViolations } from './envelope-rules.js';
import { ERROR_RESPONSE_STATUSES, errorBodyViolations } from './error-body-rules.js';

/*
 * Does one answer of the service satisfy the contract the identity server's Java caller really enforces? Usable from
 * Jest (`toSatisfyExtensionContract`, registered by jest-setup.ts) and from the journey CLI, so nothing here imports
 * Jest at run time.
 */

/** Every violation of the contract by one answer; empty when the answer is fine. */
export function checkExtensionResponse(
  extension: ExtensionName,
  requestId: string,
  httpStatus: number,
  body: unknown,
): string[] {
  if (httpStatus === 200) {
    return envelopeViolations(extension, requestId, body);
  }
  if (ERROR_RESPONSE_STATUSES.includes(httpStatus)) {
    return errorBodyViolations(requestId, httpStatus, body);
  }
  return [
    `HTTP ${httpStatus} is not an answer the service may give: only 200 counts as success, and error answers use ${ERROR_RESPONSE_STATUSES.join(', ')}`,
  ];
}

/** What the matcher accepts: an `ExtensionAnswer` of the simulator client, or anything with the same fields. */
export interface ContractCheckedAnswer {
  readonly httpStatus: number;
  readonly body: unknown;
  readonly requestId?: string;
}

function isCheckedAnswer(value: unknown): value is ContractCheckedAnswer {
  return (
    typeof value === 'object' &&
    value !== null &&
    'httpStatus' in value &&
    typeof value.httpStatus === 'number' &&
    'body' in value
  );
}

/**
 * `expect(answer).toSatisfyExtensionContract(extension, requestId?)`; the request id defaults to the answer's own.
 */
export function toSatisfyExtensionContract(
  this: MatcherContext,
  received: unknown,
  extension: ExtensionName,
  requestId?: string,
): SyncExpectationResult {
  if (!isCheckedAnswer(received)) {
    return { pass: false, message: () => 'expected an extension answer {httpStatus, body, requestId}' };
  }
  const expectedRequestId = requestId ?? received.requestId;
  if (expectedRequestId === undefined) {
    return {
      pass: false,
      message: () => 'no requestId to check responseId against: pass it to toSatisfyExtensionContract',
    };
  }
  const violations = checkExtensionResponse(extension, expectedRequestId, received.httpStatus, received.body);
  const pass = violations.length === 0;
  return {
    pass,
    message: () =>
      pass
        ? `expected the HTTP ${received.httpStatus} answer of ${extension} to violate the contract, but it satisfies it`
        : `the HTTP ${received.httpStatus} answer of ${extension} violates the contract:\n${violations.map((violation) => `  - ${violation}`).join('\n')}`,
  };
}
