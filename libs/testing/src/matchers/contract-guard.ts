import type { AnswerObserver, ObservedAnswer } from '../simulator/answer-observer.js';
import type { IdentityServerReaction } from '../simulator/identity-server-reaction.js';
import { checkExtensionResponse } from './contract-matcher.js';

/*
 * The e2e suites' check of every HTTP 200 answer: the contract matcher's rules, and what the simulated identity
 * server did with the answer. A breach is kept with the test that received it, and `assertNoBreaches`, run after
 * each test, fails that test; so a bad answer fails its test even where the test itself never looks at it, or where
 * a journey or report swallowed the error. Free of Jest, so that a unit test can drive it directly.
 */

/** One answer that broke the contract, and the test that received it. */
export interface AnswerBreach {
  /** The test's full name; undefined for an answer received in a beforeAll or afterAll hook. */
  readonly test: string | undefined;
  readonly extension: string;
  readonly requestId: string;
  readonly problems: readonly string[];
  /** The reason of the `expectingContractBreaks` scope the answer arrived in, when it did. */
  readonly expectedBecause?: string;
}

export class ContractGuard implements AnswerObserver {
  private readonly breaches: AnswerBreach[] = [];
  private readonly excusedBreaches: AnswerBreach[] = [];

  /** `currentTest` names the running test (Jest: `expect.getState().currentTestName`). */
  constructor(private readonly currentTest: () => string | undefined) {}

  answered(answer: ObservedAnswer, expectedBreak: string | undefined): void {
    const violations = checkExtensionResponse(answer.extension, answer.requestId, answer.httpStatus, answer.body);
    this.record(
      answer,
      violations.map((violation) => `contract: ${violation}`),
      expectedBreak,
    );
  }

  reacted(answer: ObservedAnswer, reaction: IdentityServerReaction, expectedBreak: string | undefined): void {
    if (reaction.outcome === 'failed') {
      this.record(answer, [`identity server: ${reaction.description}`], expectedBreak);
    }
  }

  /** The breaches received inside an `expectingContractBreaks` scope, which fail no test. */
  get excused(): readonly AnswerBreach[] {
    return this.excusedBreaches;
  }

  /** Throws, naming every breach since the last call, when an answer outside an opted-out scope broke the contract. */
  assertNoBreaches(): void {
    const found = this.breaches.splice(0);
    if (found.length === 0) {
      return;
    }
    // Grouped by test: the breaches of one test usually share it, and its full name is long.
    const byTest = new Map<string, string[]>();
    for (const breach of found) {
      const heading =
        breach.test === undefined ? '  outside any test (a beforeAll or afterAll hook):' : `  in "${breach.test}":`;
      const lines = byTest.get(heading) ?? [];
      lines.push(
        ...breach.problems.map((problem) => `    - ${breach.extension} (requestId ${breach.requestId}): ${problem}`),
      );
      byTest.set(heading, lines);
    }
    const count = [...byTest.values()].reduce((sum, lines) => sum + lines.length, 0);
    throw new Error(
      [
        `${count === 1 ? 'A finding' : `${count} findings`}: the identity server would break on these answers of the service. A test that provokes such answers on purpose wraps the calls in expectingContractBreaks(reason, ...).`,
        ...[...byTest].flatMap(([heading, lines]) => [heading, ...lines]),
      ].join('\n'),
    );
  }

  private record(answer: ObservedAnswer, problems: readonly string[], expectedBreak: string | undefined): void {
    if (problems.length === 0) {
      return;
    }
    const breach: AnswerBreach = {
      test: this.currentTest(),
      extension: answer.extension,
      requestId: answer.requestId,
      problems,
    };
    if (expectedBreak === undefined) {
      this.breaches.push(breach);
    } else {
      this.excusedBreaches.push({ ...breach, expectedBecause: expectedBreak });
    }
  }
}
