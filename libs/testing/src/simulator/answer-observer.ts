import type { ExtensionName } from '@app/contract';
import type { IdentityServerReaction } from './identity-server-reaction.js';

/*
 * The one seam every HTTP 200 answer the harness receives passes through: the client reports each answer, the
 * simulator what the identity server did with it. Nothing listens unless a test setup installs an observer (the e2e
 * suites' contract guard), so the journey and conformance CLIs, which judge answers themselves, are unaffected.
 */

/** An HTTP 200 answer of the service, with the requestId of the call it answers. */
export interface ObservedAnswer {
  readonly extension: ExtensionName;
  /** The requestId the call carried, which the answer's responseId must echo. */
  readonly requestId: string;
  readonly httpStatus: number;
  /** The parsed JSON body, or undefined when the body is empty or not JSON. */
  readonly body: unknown;
}

export interface AnswerObserver {
  /**
   * Each HTTP 200 answer, however it was asked for (simulator step, client call, retry, raw send). `expectedBreak` is
   * the reason a test gave for provoking contract-breaking answers, when the answer arrived inside such a scope.
   */
  answered(answer: ObservedAnswer, expectedBreak: string | undefined): void;
  /** What the simulated identity server did with an HTTP 200 answer whose envelope it could read. */
  reacted(answer: ObservedAnswer, reaction: IdentityServerReaction, expectedBreak: string | undefined): void;
}

let observer: AnswerObserver | undefined;
let expectedBreak: string | undefined;

/** Installs the observer of every answer (undefined: none); returns the one it replaces, so a test can put it back. */
export function installAnswerObserver(next: AnswerObserver | undefined): AnswerObserver | undefined {
  const previous = observer;
  observer = next;
  return previous;
}

/** Called by the client for every answer it receives; only HTTP 200 answers reach the observer. */
export function reportAnswer(answer: ObservedAnswer): void {
  if (answer.httpStatus === 200) {
    observer?.answered(answer, expectedBreak);
  }
}

/** Called by the simulator once it has applied an HTTP 200 answer the way the identity server would. */
export function reportReaction(answer: ObservedAnswer, reaction: IdentityServerReaction): void {
  if (answer.httpStatus === 200) {
    observer?.reacted(answer, reaction, expectedBreak);
  }
}

/**
 * Runs `body` with the answers it receives allowed to break the contract: for a test that provokes such answers on
 * purpose (a deliberately broken specification or fixture) and checks the harness reports them. The reason is
 * mandatory so that every opt-out says, where it stands, why it is there.
 */
export async function expectingContractBreaks<T>(reason: string, body: () => Promise<T>): Promise<T> {
  if (reason.trim() === '') {
    throw new Error('expectingContractBreaks needs the reason the answers may break the contract');
  }
  if (expectedBreak !== undefined) {
    throw new Error(`expectingContractBreaks is already in effect ("${expectedBreak}"): scopes do not nest`);
  }
  expectedBreak = reason;
  try {
    return await body();
  } finally {
    expectedBreak = undefined;
  }
}
