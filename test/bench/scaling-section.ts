import { BankDataRepository } from '@app/persistence';
import type { SimulatedExchange } from '@app/testing';
import { accountAccessScreen, accountReadAccess, approvedAccountAccess } from './account-access-scenarios.js';
import type { ScalingResult, SkippedScenario } from './bench-results.js';
import type { BenchDatabase } from './bench-database.js';
import { baselineQuery } from './baseline-under-test.js';
import type { ChildServer } from './child-server.js';
import { mappingCount, ScenarioPreparationError } from './consent-journey.js';
import { settleDatabase } from './database-settle.js';
import type { LoadTarget } from './load-runner.js';
import { measureLoad, type LoadSettings } from './measured-load.js';
import { scalingRatios, type PointMeasurement, type ScalingStep } from './measurement.js';
import type { PreparedScenario, ProgressLog } from './point-section.js';
import { RequestTemplate } from './request-template.js';
import { SCALING_SIZES, scalingAccountId, scalingBankData, scalingUserId } from './scaling-bank-data.js';
import type { ServiceUnderTest } from './service-under-test.js';
import { scalingShareTarget, scalingTarget, TARGETS } from './targets.js';
import { emptyFilledUsageCounters, FILL_ROWS, fillUsageCounters } from './usage-counter-fill.js';

/*
 * How the cost of a call grows with the data it carries or looks up: consents with 1, 100 and 1,000 account mappings,
 * customers with 1, 100 and 1,000 accounts, and a usage-counter table of 1,000,000 rows against an empty one. The
 * sizes run on the `default` specification, which every deployment serves.
 *
 * With 1,000 mappings the identity server sends a consent of about 120 KB, and a page of 1,000 accounts is a 90 KB
 * answer: parsing and writing those bytes costs any Node service, the baseline as much as this one. Each size is
 * therefore measured on the baseline too, with the same request and an answer of the same size, and judged by the
 * service's share of that baseline, against its share at the smallest size: what the service adds per mapping or
 * account shows, the cost of the body itself does not.
 */

/** The baselines of the sizes, measured once per run (they depend on the bytes, not on the database). */
export type ScalingBaselines = Map<string, PointMeasurement>;

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
    target: {
      template: new RequestTemplate(
        new URL(exchange.request.url).pathname,
        exchange.request.body,
        exchange.request.requestId,
      ),
      headers: exchange.request.headers,
    },
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
  baseline: ChildServer,
  baselines: ScalingBaselines,
  settings: LoadSettings,
): Promise<ScalingResult> {
  const steps: ScalingStep[] = [];
  for (const { size, target, requestBytes, answerBytes } of sizes) {
    const sized = `"${name}" with ${size.toLocaleString('en-US')} ${sizeUnit}`;
    const baselineKey = `${name}\n${size}`;
    let baselineMeasurement = baselines.get(baselineKey);
    if (baselineMeasurement === undefined) {
      baselineMeasurement = await measureLoad(baseline, [{ ...target, query: baselineQuery(answerBytes) }], settings, {
        label: `baseline for ${sized}`,
      });
      baselines.set(baselineKey, baselineMeasurement);
    }
    const measurement = await measureLoad(service, [target], settings, {
      label: `${sized} on ${database.choice}`,
      profiled: true,
    });
    steps.push({ size, requestBytes, answerBytes, measurement, baseline: baselineMeasurement });
  }
  const ratios = scalingRatios(steps);
  return {
    name,
    database: database.choice,
    sizeUnit,
    steps,
    ratios,
    target: scalingShareTarget(steps, TARGETS.scalingMinShareOfSmallest),
  };
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
    const measurement = await measureLoad(service, [entry.target], settings, {
      label: `"${entry.scenario.name}" with an empty usage-counter table on ${database.choice}`,
      profiled: true,
    });
    empty.set(entry.scenario.name, {
      size: 0,
      requestBytes: entry.requestBytes,
      answerBytes: entry.answerBytes,
      measurement,
    });
  }
  log(`filling the usage-counter table with ${FILL_ROWS.toLocaleString('en-US')} rows on ${database.choice}`);
  await fillUsageCounters(database.dataSource);
  const settle = await settleDatabase(database);
  log(
    `${settle.settled ? 'settled' : 'not settled'} after the fill on ${database.choice} in ${(settle.waitedMs / 1000).toFixed(1)} s: ${settle.left}`,
  );
  const results: ScalingResult[] = [];
  try {
    for (const entry of accessScenarios) {
      const measurement = await measureLoad(service, [entry.target], settings, {
        label: `"${entry.scenario.name}" with ${FILL_ROWS.toLocaleString('en-US')} usage-counter rows on ${database.choice}`,
        profiled: true,
      });
      const full: ScalingStep = {
        size: FILL_ROWS,
        requestBytes: entry.requestBytes,
        answerBytes: entry.answerBytes,
        measurement,
      };
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
  baseline: ChildServer,
  baselines: ScalingBaselines,
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
    {
      name: `${SPEC}: validate-consent-access by account mappings of the consent`,
      unit: 'mappings',
      sizes: () => mappingsSizes(service),
    },
    {
      name: `${SPEC}: populate-consent-authorize-screen by accounts of the customer`,
      unit: 'accounts',
      sizes: () => accountsSizes(service),
    },
  ];
  for (const section of sections) {
    try {
      results.push(
        await measureSizes(
          section.name,
          section.unit,
          await section.sizes(),
          service,
          database,
          baseline,
          baselines,
          settings,
        ),
      );
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
