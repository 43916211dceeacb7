/*
 * The checks of a scenario: every expectation is recorded with what was measured, and any unmet one makes the run
 * fail (exit code 1). Nothing is sampled: counts are compared exactly.
 */

export interface CheckResult {
  readonly description: string;
  readonly passed: boolean;
  readonly detail: string;
}

export class Checks {
  private readonly results: CheckResult[] = [];

  /** Two counts that must be equal. */
  equal(description: string, actual: number, expected: number): void {
    this.results.push({
      description,
      passed: actual === expected,
      detail: actual === expected ? String(actual) : `${actual}, expected ${expected}`,
    });
  }

  /** A condition, with the figure that shows it. */
  that(description: string, passed: boolean, detail: string): void {
    this.results.push({ description, passed, detail });
  }

  all(): readonly CheckResult[] {
    return [...this.results];
  }

  get failed(): readonly CheckResult[] {
    return this.results.filter((result) => !result.passed);
  }
}
