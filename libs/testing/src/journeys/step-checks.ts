import type { ExtensionName, ExtensionStatus } from '@app/contract';
import { checkExtensionResponse } from '../matchers/contract-matcher.js';
import type { ExtensionAnswer } from '../simulator/identity-server-client.js';
import type { IdentityServerReaction } from '../simulator/identity-server-reaction.js';
import { isJsonRecord, jsonEquals } from '../simulator/json-values.js';

/*
 * The checks a journey step makes. A failed check throws `StepFailure`, which the runner prints as
 * `✗ step — expected … got …`; anything else thrown is reported as an error of the step.
 */

export class StepFailure extends Error {
  override readonly name = 'StepFailure';

  constructor(
    readonly expected: string,
    readonly got: string,
  ) {
    super(`expected ${expected}, got ${got}`);
  }
}

/** An answer to check, with the extension it came from and, for simulator calls, the identity server's reaction. */
export type CheckedAnswer = ExtensionAnswer & {
  readonly extension: ExtensionName;
  readonly reaction?: IdentityServerReaction;
};

export interface AnswerExpectation {
  /** Defaults to 200. */
  readonly httpStatus?: number;
  /** Expected envelope status on HTTP 200; defaults to SUCCESS. */
  readonly status?: ExtensionStatus;
  readonly errorCode?: number;
  /** How the identity server should take it; defaults to `accepted` for SUCCESS and `business-error` for ERROR. */
  readonly reaction?: IdentityServerReaction['outcome'];
}

const MAX_SHOWN = 200;

/** A short account of an answer for failure messages: the status and what the service said. */
export function describeAnswer(answer: ExtensionAnswer): string {
  const body = answer.body;
  const data = isJsonRecord(body) ? body.data : undefined;
  const said =
    isJsonRecord(data) && (typeof data.errorDescription === 'string' || typeof data.errorMessage === 'string')
      ? String(data.errorDescription ?? data.errorMessage)
      : answer.rawText;
  const status = isJsonRecord(body) && typeof body.status === 'string' ? ` ${body.status}` : '';
  const errorCode = isJsonRecord(body) && body.errorCode !== undefined ? ` ${JSON.stringify(body.errorCode)}` : '';
  const shown = said.length > MAX_SHOWN ? `${said.slice(0, MAX_SHOWN)}…` : said;
  return `HTTP ${answer.httpStatus}${status}${errorCode}${shown === '' ? '' : `: ${shown}`}`;
}

/**
 * Checks status, errorCode, the contract and the identity server's reaction, in that order (the first difference is
 * the most telling), and returns `data`.
 */
export function expectAnswer(answer: CheckedAnswer, expectation: AnswerExpectation = {}): unknown {
  const httpStatus = expectation.httpStatus ?? 200;
  if (answer.httpStatus !== httpStatus) {
    throw new StepFailure(`HTTP ${httpStatus}`, describeAnswer(answer));
  }
  const body = isJsonRecord(answer.body) ? answer.body : {};
  if (httpStatus === 200) {
    const status = expectation.status ?? 'SUCCESS';
    if (body.status !== status) {
      throw new StepFailure(`status ${status}`, describeAnswer(answer));
    }
    if (expectation.errorCode !== undefined && body.errorCode !== expectation.errorCode) {
      throw new StepFailure(`errorCode ${expectation.errorCode}`, describeAnswer(answer));
    }
  }
  const violations = checkExtensionResponse(answer.extension, answer.requestId, answer.httpStatus, answer.body);
  if (violations.length > 0) {
    throw new StepFailure('an answer that satisfies the contract', violations.join('; '));
  }
  const reaction =
    expectation.reaction ?? (httpStatus !== 200 ? undefined : body.status === 'ERROR' ? 'business-error' : 'accepted');
  if (reaction !== undefined && answer.reaction !== undefined && answer.reaction.outcome !== reaction) {
    throw new StepFailure(
      `the identity server's reaction "${reaction}"`,
      `"${answer.reaction.outcome}": ${answer.reaction.description}`,
    );
  }
  return body.data;
}

/** A key field: deep JSON equality. */
export function expectValue(label: string, expected: unknown, actual: unknown): void {
  if (!jsonEquals(expected, actual)) {
    throw new StepFailure(
      `${label} ${JSON.stringify(expected)}`,
      actual === undefined ? 'nothing' : JSON.stringify(actual),
    );
  }
}

export function expectThat(condition: boolean, expected: string, got: () => string): void {
  if (!condition) {
    throw new StepFailure(expected, got());
  }
}

/** State a step needs from an earlier one; the runner's dependencies make a miss a bug of the journey itself. */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) {
    throw new StepFailure(what, 'nothing (an earlier step did not provide it)');
  }
  return value;
}
