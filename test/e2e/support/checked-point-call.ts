import type { ExtensionName } from '@app/contract';
import { checkExtensionResponse, type ExtensionAnswer, type IdentityServerClient } from '@app/testing';

/** One answer of the service as the identity server received it, with the contract matcher's verdict on it. */
export interface CheckedAnswer {
  readonly httpStatus: number;
  /** The whole parsed body, so that a test can compare it exactly (envelope keys included). */
  readonly body: unknown;
  readonly requestId: string;
  readonly contractViolations: string[];
}

/** Reads an answer the simulator or its client received and lets the contract matcher judge it. */
export function checkedAnswer(extension: ExtensionName, answer: ExtensionAnswer): CheckedAnswer {
  return {
    httpStatus: answer.httpStatus,
    body: answer.body,
    requestId: answer.requestId,
    contractViolations: checkExtensionResponse(extension, answer.requestId, answer.httpStatus, answer.body),
  };
}

/** One call with a fresh requestId, as the identity server makes it, and its checked answer. */
export async function callChecked(
  client: IdentityServerClient,
  extension: ExtensionName,
  data: unknown,
): Promise<CheckedAnswer> {
  return checkedAnswer(extension, await client.call(extension, data));
}
