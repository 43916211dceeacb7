import { BankDataRepository } from '@app/persistence';
import type { SimulatedExchange } from '@app/testing';
import { accountAccessScreen, accountReadAccess, approvedAccountAccess } from './account-access-scenarios.js';
import type { ScalingResult, SkippedScenario } from './bench-results.js';
import type { BenchDatabase } from './bench-database.js';
import { mappingCount, ScenarioPreparationError } from './consent-journey.js';
import type { LoadTarget } from './load-runner.js';
import { measureLoad, type LoadSettings } from './measured-load.js';
import { scalingRatios, type ScalingStep } from './measurement.js';
import type { PreparedScenario, ProgressLog } from './point-section.js';
import { RequestTemplate } from './request-template.js';
import { SCALING_SIZES, scalingAccountId, scalingBankData, scalingUserId } from './scaling-bank-data.js';
import type { ServiceUnderTest } from './service-under-test.js';
import { scalingTarget, TARGETS } from './targets.js';
import { emptyFilledUsageCounters, FILL_ROWS, fillUsageCounters } from './usage-counter-fill.js';

/*
 * How latency grows with the data a call carries or looks up: consents with 1, 100 and 1,000 account mappings,
 * customers with 1, 100 and 1,000 accounts, and a usage-counter table of 1,000,000 rows against an empty one.
 * The sizes run on the `default` specification, which every deployment serves.
 */

const SPEC = 'default';

interface SizedTarget {
  readonly size: number;
  readonly target: LoadTarget;
  readonly requestBytes: number;
  readonly answerBytes: number;
}

function sizedTarget(size: number, exchange: SimulatedExchange): SizedTarget {
  return {
    size,
    target: { template: new RequestTemplate(new URL(exchange.request.url).pathname, exchange.request.body, exchange.request.requestId), headers: exchange.request.headers },
    requestBytes: exchange.request.body.length,
    answerBytes: Buffer.byteLength(exchange.rawText, 'utf8'),
  };
}

async function measureSizes(
  name: string,
  sizeUnit: string,
  sizes: readonly SizedTarget[],
  service: ServiceUnderTest,
  database: BenchDatabase,
  settings: LoadSettings,
  maxRatio: number,
  log: ProgressLog,
): Promise<ScalingResult> {
  const steps: ScalingStep[] = [];
  for (const { size, target, requestBytes, answerBytes } of sizes) {
    log(`measuring "${name}" with ${size.toLocaleString('en-US')} ${sizeUnit} on ${database.choice}`);
    steps.push({ size, requestBytes, answerBytes, measurement: await measureLoad(service, [target], settings) });
  }
  const ratios = scalingRatios(steps);
  return { name, database: database.choice, sizeUnit, steps, ratios, target: scalingTarget(ratios, maxRatio) };
}

async function mappingsSizes(service: ServiceUnderTest): Promise<SizedTarget[]> {
  const simulator = service.simulatorFor(SPEC);
  const sizes: SizedTarget[] = [];
  for (const size of SCALING_SIZES) {
    const { consentId } = await approvedAccountAccess(simulator, scalingUserId(size), 'all');
    const mappings = mappingCount(simulator, consentId);
    if (mappings !== size) {
      throw new ScenarioPreparationError(`a consent approved for ${size} accounts holds ${mappings} mappings`);
    }
    sizes.push(sizedTarget(size, await accountReadAccess(simulator, consentId, scalingAccountId(size, 1))));
  }
  return sizes;
}

async function accountsSizes(service: ServiceUnderTest): Promise<SizedTarget[]> {
  const simulator = service.simulatorFor(SPEC);
  const sizes: SizedTarget[] = [];
  for (const size of SCALING_SIZES) {
    sizes.push(sizedTarget(size, await accountAccessScreen(simulator, scalingUserId(size))));
  }
  return sizes;
}

/** Every validate-consent-access scenario on an empty usage-counter table, then on a full one. */
async function counterTableScaling(
  service: ServiceUnderTest,
  database: BenchDatabase,
  prepared: readonly PreparedScenario[],
  settings: LoadSettings,
  log: ProgressLog,
): Promise<ScalingResult[]> {
  const accessScenarios = prepared.filter((entry) => entry.scenario.extension === 'validate-consent-access');
  const empty = new Map<string, ScalingStep>();
  for (const entry of accessScenarios) {
    log(`measuring "${entry.scenario.name}" with an empty usage-counter table on ${database.choice}`);
    empty.set(entry.scenario.name, { size: 0, requestBytes: entry.requestBytes, answerBytes: entry.answerBytes, measurement: await measureLoad(service, [entry.target], settings) });
  }
  log(`filling the usage-counter table with ${FILL_ROWS.toLocaleString('en-US')} rows on ${database.choice}`);
  await fillUsageCounters(database.dataSource);
  const results: ScalingResult[] = [];
  try {
    for (const entry of accessScenarios) {
      log(`measuring "${entry.scenario.name}" with ${FILL_ROWS.toLocaleString('en-US')} usage-counter rows on ${database.choice}`);
      const full: ScalingStep = { size: FILL_ROWS, requestBytes: entry.requestBytes, answerBytes: entry.answerBytes, measurement: await measureLoad(service, [entry.target], settings) };
      const steps = [empty.get(entry.scenario.name), full].filter((step): step is ScalingStep => step !== undefined);
      const ratios = scalingRatios(steps);
      results.push({
        name: `${entry.scenario.name} by usage-counter rows`,
        database: database.choice,
        sizeUnit: 'counter rows',
        steps,
        ratios,
        target: scalingTarget(ratios, TARGETS.fullCounterTableMaxLatencyRatio),
      });
    }
  } finally {
    log(`emptying the filled usage-counter rows on ${database.choice}`);
    await emptyFilledUsageCounters(database.dataSource);
  }
  return results;
}

export async function runScalingSection(
  service: ServiceUnderTest,
  database: BenchDatabase,
  prepared: readonly PreparedScenario[],
  settings: LoadSettings,
  skipped: SkippedScenario[],
  log: ProgressLog,
): Promise<ScalingResult[]> {
  if (!(await service.serves(SPEC))) {
    const reason = `the scaling section runs on the "${SPEC}" specification, which the service does not serve`;
    log(`notice: ${reason}`);
    skipped.push({ scenario: 'scaling', database: database.choice, reason });
    return [];
  }
  log(`importing customers with ${SCALING_SIZES.join(', ')} accounts into the embedded bank on ${database.choice}`);
  await new BankDataRepository(database.dataSource).importBankData(scalingBankData());
  const results: ScalingResult[] = [];
  const sections: readonly { name: string; unit: string; sizes: () => Promise<SizedTarget[]> }[] = [
    { name: `${SPEC}: validate-consent-access by account mappings of the consent`, unit: 'mappings', sizes: () => mappingsSizes(service) },
    { name: `${SPEC}: populate-consent-authorize-screen by accounts of the customer`, unit: 'accounts', sizes: () => accountsSizes(service) },
  ];
  for (const section of sections) {
    try {
      results.push(await measureSizes(section.name, section.unit, await section.sizes(), service, database, settings, TARGETS.scalingMaxLatencyRatio, log));
    } catch (error: unknown) {
      if (!(error instanceof ScenarioPreparationError)) {
        throw error;
      }
      log(`notice: skipping "${section.name}" on ${database.choice}: ${error.message}`);
      skipped.push({ scenario: section.name, database: database.choice, reason: error.message });
    }
  }
  results.push(...(await counterTableScaling(service, database, prepared, settings, log)));
  return results;
}
