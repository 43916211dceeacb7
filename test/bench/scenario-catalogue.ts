import { accountAccessScenarios, UK_ACCOUNT_ACCESS } from './account-access-scenarios.js';
import { berlinScenarios } from './berlin-scenarios.js';
import type { BenchScenario } from './scenario.js';
import { uaeScenarios } from './uae-scenarios.js';
import { ukVrpScenarios } from './uk-vrp-scenarios.js';

/*
 * Every scenario of the bench, in the order they run. A specification module adds its own here (see README.md,
 * "Adding a scenario"); a scenario whose specification the service does not serve is skipped with a notice.
 */
export const SCENARIOS: readonly BenchScenario[] = [
  ...accountAccessScenarios('default', undefined, { spreadScreen: true }),
  // The same four points on the UK module, with the UK journey's consent (the UK rules are stricter).
  ...accountAccessScenarios('uk', UK_ACCOUNT_ACCESS),
  ...ukVrpScenarios(),
  ...berlinScenarios(),
  ...uaeScenarios(),
];

/**
 * The scenarios `--only` selects: those whose name contains one of the texts, ignoring case (`--only vrp` finds the
 * VRP scenario), all when none is given.
 */
export function selectScenarios(scenarios: readonly BenchScenario[], only: readonly string[]): BenchScenario[] {
  const texts = only.map((text) => text.toLowerCase());
  return texts.length === 0
    ? [...scenarios]
    : scenarios.filter((scenario) => texts.some((text) => scenario.name.toLowerCase().includes(text)));
}
