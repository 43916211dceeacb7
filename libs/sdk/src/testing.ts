/*
 * `@consent-extensions/sdk/testing`: the test harness for a module's own journeys. The simulator calls a running
 * service exactly as the identity server does (envelope, charset, retries, key order); the contract matcher says
 * whether an answer would break the identity server; `defineJourney` and `runJourney` script a consent journey.
 * Test code only: a module's runtime never imports it.
 */
export {
  IdentityServerSimulator,
  type ConsentCreation,
  type PersistOptions,
  type SimulatedExchange,
} from '@app/testing';
export {
  IdentityServerClient,
  type IdentityServerClientOptions,
  type ExtensionCredentials,
  type ExtensionAnswer,
} from '@app/testing';
export { checkExtensionResponse } from '@app/testing';
export { defineJourney, runJourney, formatSummary, formatStepLine } from '@app/testing';
export {
  JOURNEYS,
  type Journey,
  type JourneyDefinition,
  type JourneyResult,
  type JourneyStep,
  type StepResult,
} from '@app/testing';
