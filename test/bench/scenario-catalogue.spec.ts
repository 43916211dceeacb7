import { SCENARIOS, selectScenarios } from './scenario-catalogue.js';

describe('the scenario catalogue', () => {
  it('names every scenario once, and gives every writing or counting scenario a row counter', () => {
    const names = SCENARIOS.map((scenario) => scenario.name);
    expect(new Set(names).size).toBe(names.length);
    for (const scenario of SCENARIOS.filter(
      (candidate) => candidate.databaseUse === 'writes' || candidate.databaseUse === 'counted',
    )) {
      expect(scenario.writtenRows).toBeDefined();
    }
  });

  it('covers the four points of the issue on the default specification', () => {
    expect(SCENARIOS.filter((scenario) => scenario.spec === 'default').map((scenario) => scenario.extension)).toEqual([
      'pre-process-consent-creation',
      'populate-consent-authorize-screen',
      // Its second shape of traffic: the pages of 1,000 customers.
      'populate-consent-authorize-screen',
      'persist-authorized-consent',
      'validate-consent-access',
    ]);
  });

  it('selects by part of the name, all without --only', () => {
    expect(selectScenarios(SCENARIOS, [])).toHaveLength(SCENARIOS.length);
    expect(
      selectScenarios(SCENARIOS, ['default: persist', 'default: validate']).map((scenario) => scenario.extension),
    ).toEqual(['persist-authorized-consent', 'validate-consent-access']);
    expect(selectScenarios(SCENARIOS, ['nothing like this'])).toEqual([]);
  });

  it('selects ignoring case', () => {
    expect(selectScenarios(SCENARIOS, ['vrp']).map((scenario) => scenario.name)).toEqual([
      'uk: validate-consent-access (VRP payments, one consent)',
      'uk: validate-consent-access (VRP payments, 1,000 consents)',
    ]);
  });

  it('has the specification scenarios of the issue', () => {
    expect(
      SCENARIOS.filter((scenario) => ['berlin', 'uae'].includes(scenario.spec) || scenario.name.includes('VRP')).map(
        (scenario) => scenario.name,
      ),
    ).toEqual([
      'uk: validate-consent-access (VRP payments, one consent)',
      'uk: validate-consent-access (VRP payments, 1,000 consents)',
      'berlin: pre-process-consent-creation (AIS consent)',
      'berlin: validate-consent-access (counted account reads, 1,000 consents)',
      'uae: validate-authorization-request (data-sharing request object)',
      'uae: validate-consent-access (multi-payments, one consent)',
      'uae: validate-consent-access (multi-payments, 1,000 consents)',
    ]);
  });

  it('measures counted access in both shapes of traffic: all calls on one consent, and spread over 1,000 consents', () => {
    const counted = SCENARIOS.filter((scenario) => scenario.databaseUse === 'counted');
    expect(counted.map((scenario) => scenario.preparedConsents ?? 1)).toEqual([1, 1000, 1000, 1, 1000]);
  });

  it('measures the consent page of one customer and of 1,000, each of those with accounts of its own', () => {
    const screens = SCENARIOS.filter(
      (scenario) => scenario.spec === 'default' && scenario.extension === 'populate-consent-authorize-screen',
    );
    expect(
      screens.map((scenario) => [scenario.preparedConsents ?? 1, scenario.bankData?.customers.length ?? 0]),
    ).toEqual([
      [1, 0],
      [1000, 1000],
    ]);
    const customers = screens[1].bankData?.customers ?? [];
    expect(new Set(customers.map((customer) => customer.userId)).size).toBe(1000);
    expect(new Set(customers.flatMap((customer) => customer.accounts.map((account) => account.accountId))).size).toBe(
      3000,
    );
  });
});
