import { SCENARIOS, selectScenarios } from './scenario-catalogue.js';

describe('the scenario catalogue', () => {
  it('names every scenario once, and gives every writing scenario a row counter', () => {
    const names = SCENARIOS.map((scenario) => scenario.name);
    expect(new Set(names).size).toBe(names.length);
    for (const scenario of SCENARIOS.filter((candidate) => candidate.databaseUse === 'writes')) {
      expect(scenario.writtenRows).toBeDefined();
    }
  });

  it('covers the four points of the issue on the default specification', () => {
    expect(SCENARIOS.filter((scenario) => scenario.spec === 'default').map((scenario) => scenario.extension)).toEqual([
      'pre-process-consent-creation',
      'populate-consent-authorize-screen',
      'persist-authorized-consent',
      'validate-consent-access',
    ]);
  });

  it('selects by part of the name, all without --only', () => {
    expect(selectScenarios(SCENARIOS, [])).toHaveLength(SCENARIOS.length);
    expect(selectScenarios(SCENARIOS, ['default: persist', 'default: validate']).map((scenario) => scenario.extension)).toEqual([
      'persist-authorized-consent',
      'validate-consent-access',
    ]);
    expect(selectScenarios(SCENARIOS, ['nothing like this'])).toEqual([]);
  });
});
