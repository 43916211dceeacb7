import { accountAccessScenarios } from './account-access-scenarios.js';
import type { BenchScenario } from './scenario.js';

/*
 * Every scenario of the bench, in the order they run. A specification module adds its own here (see README.md,
 * "Adding a scenario"); a scenario whose specification the service does not serve is skipped with a notice.
 */
export const SCENARIOS: readonly BenchScenario[] = [
  ...accountAccessScenarios('default'),
  // The UK module answers the same UK Open Banking account-access journey.
  ...accountAccessScenarios('uk'),
];

/** The scenarios `--only` selects: those whose name contains one of the texts, all when none is given. */
export function selectScenarios(scenarios: readonly BenchScenario[], only: readonly string[]): BenchScenario[] {
  return only.length === 0 ? [...scenarios] : scenarios.filter((scenario) => only.some((text) => scenario.name.includes(text)));
}
