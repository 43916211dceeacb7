import type { IdentityServerSimulator } from '../simulator/identity-server.js';

/*
 * A journey: named steps that drive the extension service through the identity server simulator, in order, sharing a
 * state. A step returns a one-line detail when it passes and throws (a `StepFailure` for a failed check) when it does
 * not. A step that depends on a step which did not pass is skipped rather than run on missing state.
 */

export interface JourneyStep<TState> {
  readonly name: string;
  /** Names of earlier steps whose success this step builds on. */
  readonly dependsOn?: readonly string[];
  run(simulator: IdentityServerSimulator, state: TState): Promise<string>;
}

export interface JourneyDefinition<TState> {
  readonly name: string;
  readonly description: string;
  createState(): TState;
  readonly steps: readonly JourneyStep<TState>[];
}

export type StepStatus = 'passed' | 'failed' | 'skipped';

export interface StepResult {
  readonly name: string;
  readonly status: StepStatus;
  readonly detail: string;
  readonly durationMs: number;
}

export interface JourneyResult {
  readonly journey: string;
  readonly steps: readonly StepResult[];
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  /** True when no step failed or was skipped. */
  readonly ok: boolean;
}

/** Where the runner writes its one line per step. */
export type JourneyLog = (line: string) => void;

/** A journey with its state type hidden, so that journeys of any state fit in one registry. */
export interface Journey {
  readonly name: string;
  readonly description: string;
  readonly stepNames: readonly string[];
  run(simulator: IdentityServerSimulator, log?: JourneyLog): Promise<JourneyResult>;
}
