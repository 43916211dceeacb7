import type { Journey, StepResult } from '../journeys/journey.js';
import { IdentityServerSimulator } from '../simulator/identity-server.js';
import type { RecordedExchange, RecordingIdentityServerClient } from './recording-client.js';

/** A journey step with the calls it made, in the order it made them. */
export interface RecordedStep extends StepResult {
  readonly exchanges: readonly RecordedExchange[];
}

export interface RecordedJourneyRun {
  readonly journey: string;
  readonly description: string;
  readonly steps: readonly RecordedStep[];
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly ok: boolean;
}

/**
 * Runs a journey through a recording client and gives every step the calls it made. The runner reports a step (its
 * log line) as soon as the step ends and runs steps one after another, so the calls recorded between two reports are
 * the calls of the step just reported.
 *
 * A step that failed only because it needed a point the implementation does not enable is reported as skipped: the
 * identity server would have used its own logic there, so the step says nothing about the implementation.
 */
export async function runRecordedJourney(
  journey: Journey,
  client: RecordingIdentityServerClient,
): Promise<RecordedJourneyRun> {
  const perStep: RecordedExchange[][] = [];
  let mark = client.exchanges.length;
  const result = await journey.run(new IdentityServerSimulator(client), () => {
    perStep.push([...client.exchangesSince(mark)]);
    mark = client.exchanges.length;
  });
  const steps: RecordedStep[] = result.steps.map((step, index) => {
    const exchanges = perStep[index] ?? [];
    const notEnabled = exchanges.find((exchange) => exchange.notEnabled === true);
    if (step.status === 'failed' && notEnabled !== undefined) {
      return {
        ...step,
        status: 'skipped',
        detail: `skipped: needs ${notEnabled.extension}, which is not among the enabled points`,
        exchanges,
      };
    }
    return { ...step, exchanges };
  });
  const count = (status: StepResult['status']): number => steps.filter((step) => step.status === status).length;
  const failed = count('failed');
  return {
    journey: journey.name,
    description: journey.description,
    steps,
    passed: count('passed'),
    failed,
    skipped: count('skipped'),
    // Steps skipped for a point that is not enabled do not make the run fail; steps skipped after a failure come with it.
    ok: failed === 0,
  };
}
