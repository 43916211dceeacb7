/*
 * The e2e suites' setup (Jest `setupFilesAfterEnv` of the e2e project in jest.config.mjs): registers
 * `toSatisfyExtensionContract`, and checks every HTTP 200 answer any e2e test receives through the simulator, its client
 * or the e2e support helpers with the contract guard, failing the test that received a breaking answer.
 */
import { afterAll, afterEach, expect } from '@jest/globals';
import { installAnswerObserver } from '../simulator/answer-observer.js';
import { ContractGuard } from './contract-guard.js';
import './jest-setup.js';

const guard = new ContractGuard(() => expect.getState().currentTestName);
installAnswerObserver(guard);

afterEach(() => {
  guard.assertNoBreaches();
});

// Answers received in beforeAll or afterAll hooks belong to no test: they fail the file.
afterAll(() => {
  guard.assertNoBreaches();
});
