import type { IdentityServerSimulator } from '../simulator/identity-server.js';
import type { Journey, JourneyDefinition, JourneyLog, JourneyResult, StepResult } from './journey.js';
import { StepFailure } from './step-checks.js';

const MARKS = { passed: '✓', failed: '✗', skipped: '-' } as const;

export function formatStepLine(result: StepResult): string {
  return `${MARKS[result.status]} ${result.name} — ${result.detail}`;
}

export function formatSummary(result: JourneyResult): string {
  const parts = [`${result.passed} passed`, `${result.failed} failed`];
  if (result.skipped > 0) {
    parts.push(`${result.skipped} skipped`);
  }
  return `${result.ok ? 'PASS' : 'FAIL'} ${result.journey}: ${parts.join(', ')}`;
}

function describeError(error: unknown): string {
  if (error instanceof StepFailure) {
    return error.message;
  }
  // Network errors from fetch hide the useful part (ECONNREFUSED, timeout) in `cause`.
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `error: ${error instanceof Error ? error.message : String(error)}${cause}`;
}

/**
 * Runs the steps in order, one line each. A failing step does not stop the journey: later steps that do not depend
 * on it still run, those that do are skipped, so one broken extension point shows as one failure, not twenty.
 */
export async function runJourney<TState>(
  definition: JourneyDefinition<TState>,
  simulator: IdentityServerSimulator,
  log: JourneyLog = () => undefined,
): Promise<JourneyResult> {
  const state = definition.createState();
  const passedSteps = new Set<string>();
  const results: StepResult[] = [];
  for (const step of definition.steps) {
    const started = performance.now();
    const missing = (step.dependsOn ?? []).filter((name) => !passedSteps.has(name));
    let result: StepResult;
    if (missing.length > 0) {
      result = {
        name: step.name,
        status: 'skipped',
        detail: `skipped: ${missing.map((name) => `"${name}"`).join(', ')} did not pass`,
        durationMs: 0,
      };
    } else {
      try {
        const detail = await step.run(simulator, state);
        passedSteps.add(step.name);
        result = { name: step.name, status: 'passed', detail, durationMs: performance.now() - started };
      } catch (error: unknown) {
        result = {
          name: step.name,
          status: 'failed',
          detail: describeError(error),
          durationMs: performance.now() - started,
        };
      }
    }
    results.push(result);
    log(formatStepLine(result));
  }
  const count = (status: StepResult['status']): number => results.filter((result) => result.status === status).length;
  const failed = count('failed');
  const skipped = count('skipped');
  return {
    journey: definition.name,
    steps: results,
    passed: count('passed'),
    failed,
    skipped,
    ok: failed === 0 && skipped === 0,
  };
}

/** Hides the state type so that the journey can sit in the registry beside others. */
export function defineJourney<TState>(definition: JourneyDefinition<TState>): Journey {
  const names = definition.steps.map((step) => step.name);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate !== undefined) {
    throw new Error(`Journey "${definition.name}" has two steps named "${duplicate}"`);
  }
  for (const step of definition.steps) {
    const unknown = (step.dependsOn ?? []).find(
      (name) => names.indexOf(name) === -1 || names.indexOf(name) >= names.indexOf(step.name),
    );
    if (unknown !== undefined) {
      throw new Error(
        `Step "${step.name}" of journey "${definition.name}" depends on "${unknown}", which is not an earlier step`,
      );
    }
  }
  return {
    name: definition.name,
    description: definition.description,
    stepNames: names,
    run: (simulator, log) => runJourney(definition, simulator, log),
  };
}
