/*
 * The test harness (`@app/testing`): an identity server simulator, the contract matcher and the specification
 * journeys. Test-only: production code never imports it. The Jest matcher registration lives in
 * `matchers/jest-setup.ts` and is deliberately not exported here, so that importing the barrel never needs Jest.
 */
export * from './simulator/identity-server-json.js';
export * from './simulator/identity-server-client.js';
export * from './simulator/identity-server-envelope.js';
export * from './simulator/identity-server-failure.js';
export * from './simulator/identity-server-reaction.js';
export * from './simulator/gateway-request.js';
export * from './simulator/consent-store.js';
export * from './simulator/consent-resource-reader.js';
export * from './simulator/authorized-data.js';
export * from './simulator/consent-page-submission.js';
export * from './simulator/populate-answer-reading.js';
export * from './simulator/request-object.js';
export * from './simulator/json-values.js';
export * from './simulator/identity-server.js';
// The answer hook's public half; installing an observer is the e2e setup's alone (matchers/e2e-setup.ts).
export {
  expectingContractBreaks,
  reportAnswer,
  type AnswerObserver,
  type ObservedAnswer,
} from './simulator/answer-observer.js';
export * from './matchers/contract-matcher.js';
export * from './matchers/published-contract.js';
export * from './journeys/journey.js';
export * from './journeys/journey-runner.js';
export * from './journeys/step-checks.js';
export * from './journeys/default-journey-fixtures.js';
export * from './journeys/default-journey.js';
export * from './journeys/uk-journey-fixtures.js';
export * from './journeys/uk-journey.js';
export * from './journeys/berlin-journey-fixtures.js';
export * from './journeys/berlin-journey-tpp.js';
export * from './journeys/berlin-journey.js';
export * from './journeys/uae-journey-fixtures.js';
export * from './journeys/uae-journey-flow.js';
export * from './journeys/uae-journey.js';
export * from './journeys/journey-registry.js';
export * from './database/index.js';
export * from './conformance/recording-client.js';
export * from './conformance/recorded-journey.js';
export * from './conformance/conformance-report.js';
export * from './conformance/probe-requests.js';
export * from './conformance/transport-checks.js';
export * from './conformance/conformance-runner.js';
export * from './conformance/exchange-summary.js';
export * from './conformance/junit-report.js';
export * from './conformance/html-report.js';
export * from './conformance/report-files.js';
export * from './conformance/fixture/fixture-breaks.js';
export * from './conformance/fixture/broken-extension-proxy.js';
export * from './conformance/fixture/break-proof.js';
