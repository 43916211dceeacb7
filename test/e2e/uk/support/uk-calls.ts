import { randomUUID } from 'node:crypto';
import type { ExtensionName } from '@app/contract';
import { checkExtensionResponse, type IdentityServerSimulator, type JsonRecord } from '@app/testing';
import { signDetached, UK_JOURNEY_CLIENT_ID } from '@app/testing';

/** One call and its answer, with the contract matcher's verdict on the answer. */
export interface CheckedCall {
  readonly httpStatus: number;
  readonly status: unknown;
  readonly errorCode: unknown;
  readonly data: JsonRecord;
  readonly contractViolations: string[];
}

export async function callPoint(
  simulator: IdentityServerSimulator,
  extension: ExtensionName,
  data: JsonRecord,
): Promise<CheckedCall> {
  const answer = await simulator.client.call(extension, data);
  const body = (answer.body ?? {}) as JsonRecord;
  return {
    httpStatus: answer.httpStatus,
    status: body['status'],
    errorCode: body['errorCode'],
    data: (body['data'] ?? {}) as JsonRecord,
    contractViolations: checkExtensionResponse(extension, answer.requestId, answer.httpStatus, answer.body),
  };
}

/** `Errors[0]` of a UK error body. */
export function firstUkError(call: CheckedCall): JsonRecord {
  const errors = call.data['Errors'];
  return (Array.isArray(errors) ? errors[0] : {}) as JsonRecord;
}

export interface CreationHeaders {
  /** `null` leaves the header out. */
  readonly idempotencyKey?: string | null;
  /** `null` leaves the header out; undefined signs the body with the journey TPP's key. */
  readonly signature?: string | null;
  readonly extra?: Record<string, string>;
}

/** pre-process-consent-creation as the identity server calls it, with the TPP headers the gateway forwards. */
export async function createConsent(
  simulator: IdentityServerSimulator,
  path: string,
  body: unknown,
  headers: CreationHeaders = {},
): Promise<CheckedCall> {
  const requestHeaders: Record<string, string> = { 'x-wso2-client-id': UK_JOURNEY_CLIENT_ID, ...headers.extra };
  const idempotencyKey = headers.idempotencyKey === undefined ? randomUUID() : headers.idempotencyKey;
  if (idempotencyKey !== null) {
    requestHeaders['x-idempotency-key'] = idempotencyKey;
  }
  const signature = headers.signature === undefined ? await signDetached(body) : headers.signature;
  if (signature !== null) {
    requestHeaders['x-jws-signature'] = signature;
  }
  return callPoint(simulator, 'pre-process-consent-creation', {
    ...(body === undefined ? {} : { consentInitiationData: body }),
    consentResourcePath: path,
    requestHeaders,
  });
}
