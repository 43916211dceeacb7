import { expect } from '@jest/globals';
import type { ExtensionName } from '@app/contract';
import {
  checkExtensionResponse,
  IdentityServerClient,
  IdentityServerSimulator,
  type ExtensionAnswer,
  type JsonRecord,
} from '@app/testing';
import { TEST_PASSWORD, TEST_USER, type RunningTestServer } from '../../support/test-server.js';

/** An identity-server simulator on the `berlin` path of a running test server. */
export function berlinSimulator(server: RunningTestServer): IdentityServerSimulator {
  return new IdentityServerSimulator(
    new IdentityServerClient({
      baseUrl: server.baseUrl,
      spec: 'berlin',
      credentials: { kind: 'basic', username: TEST_USER, password: TEST_PASSWORD },
    }),
  );
}

export interface CheckedResult {
  readonly status: unknown;
  readonly errorCode: unknown;
  readonly data: JsonRecord;
}

/** The answer, checked by the contract matcher, as `{status, errorCode, data}`. */
export function checked(extension: ExtensionName, answer: ExtensionAnswer): CheckedResult {
  expect(checkExtensionResponse(extension, answer.requestId, answer.httpStatus, answer.body)).toEqual([]);
  expect(answer.httpStatus).toBe(200);
  const body = answer.body as JsonRecord;
  return { status: body['status'], errorCode: body['errorCode'], data: (body['data'] ?? {}) as JsonRecord };
}

export async function callPoint(
  simulator: IdentityServerSimulator,
  extension: ExtensionName,
  data: JsonRecord,
): Promise<CheckedResult> {
  return checked(extension, await simulator.client.call(extension, data));
}

/** A Berlin Group error: HTTP status in `errorCode`, and the first tppMessage's code (and path, when given). */
export function expectTppError(result: CheckedResult, errorCode: number, code: string, path?: string): void {
  expect({ status: result.status, errorCode: result.errorCode, code: firstMessage(result)['code'] }).toEqual({
    status: 'ERROR',
    errorCode,
    code,
  });
  if (path !== undefined) {
    expect(firstMessage(result)['path']).toBe(path);
  }
  expect(firstMessage(result)['category']).toBe('ERROR');
}

/** A refused API call (validate-consent-access): the code is the gateway's error code and the first tppMessage's. */
export function expectAccessRefused(result: CheckedResult, errorCode: number, code: string): void {
  expect({
    status: result.status,
    errorCode: result.errorCode,
    errorMessage: result.data['errorMessage'],
    code: firstMessage(result)['code'],
  }).toEqual({
    status: 'ERROR',
    errorCode,
    errorMessage: code,
    code,
  });
}

function firstMessage(result: CheckedResult): JsonRecord {
  const messages = result.data['tppMessages'];
  return (Array.isArray(messages) ? messages[0] : {}) as JsonRecord;
}
