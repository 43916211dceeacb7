import { BankDataRepository } from '@app/persistence';
import { IdentityServerFailure, StepFailure, type SimulatedExchange } from '@app/testing';
import type { BaselineResult, PointResult, SkippedScenario } from './bench-results.js';
import type { BenchDatabase } from './bench-database.js';
import { baselineQuery } from './baseline-under-test.js';
import type { ChildServer } from './child-server.js';
import { ScenarioPreparationError } from './consent-journey.js';
import type { LoadTarget } from './load-runner.js';
import { measureLoad, type LoadSettings } from './measured-load.js';
import { baselineRatio } from './measurement.js';
import { RequestTemplate, RotatingTemplate } from './request-template.js';
import type { BenchScenario } from './scenario.js';
import type { ServiceUnderTest } from './service-under-test.js';
import { pointTargets, writeCount, type WriteCount } from './targets.js';

/*
 * The main section: every served scenario, measured on the service and, once per scenario, on the baseline with the
 * same body and an answer of the same size.
 */

export interface PreparedScenario {
  readonly scenario: BenchScenario;
  readonly target: LoadTarget;
  readonly requestBytes: number;
  readonly answerBytes: number;
}

export type ProgressLog = (line: string) => void;

/** Journeys prepared at once for a scenario of many consents: the service answers them as fast, in a tenth of the time. */
const PREPARATION_CONCURRENCY = 8;

/** Runs `prepare` `count` times, `concurrency` at a time; the results in order. */
async function prepareMany<T>(count: number, concurrency: number, prepare: () => Promise<T>): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next;
      next += 1;
      results[index] = await prepare();
    }
  };
  await Promise.all(Array.from({ length: Math.min(count, concurrency) }, worker));
  return results;
}

/** Why a scenario cannot be built; anything else than a refused journey is a fault of the bench and is rethrown. */
function reasonOf(error: unknown): string {
  // StepFailure: a journey helper of @app/testing found an answer other than the one the journey expects.
  if (
    error instanceof ScenarioPreparationError ||
    error instanceof IdentityServerFailure ||
    error instanceof StepFailure
  ) {
    return error.message;
  }
  throw error;
}

/** Builds each scenario's request against the running service; a scenario that cannot be built is skipped with its reason. */
export async function prepareScenarios(
  service: ServiceUnderTest,
  scenarios: readonly BenchScenario[],
  database: BenchDatabase,
  skipped: SkippedScenario[],
  log: ProgressLog,
): Promise<PreparedScenario[]> {
  const served = new Map<string, boolean>();
  const prepared: PreparedScenario[] = [];
  for (const scenario of scenarios) {
    if (!served.has(scenario.spec)) {
      served.set(scenario.spec, await service.serves(scenario.spec));
    }
    if (served.get(scenario.spec) !== true) {
      const reason = `the service does not serve the "${scenario.spec}" specification (GET /${scenario.spec} is not 200)`;
      log(`notice: skipping "${scenario.name}": ${reason}`);
      skipped.push({ scenario: scenario.name, database: database.choice, reason });
      continue;
    }
    try {
      if (scenario.bankData !== undefined) {
        log(`importing the customers of "${scenario.name}" into the embedded bank on ${database.choice}`);
        await new BankDataRepository(database.dataSource).importBankData(scenario.bankData);
      }
      const consents = Math.max(1, scenario.preparedConsents ?? 1);
      if (consents > 1) {
        log(`preparing ${consents.toLocaleString('en-US')} consents for "${scenario.name}" on ${database.choice}`);
      }
      const simulator = service.simulatorFor(scenario.spec);
      const exchanges: SimulatedExchange[] = await prepareMany(consents, PREPARATION_CONCURRENCY, () =>
        scenario.prepare(simulator),
      );
      const templates = exchanges.map(
        (exchange) =>
          new RequestTemplate(
            new URL(exchange.request.url).pathname,
            exchange.request.body,
            exchange.request.requestId,
            scenario.perRequestValues?.(exchange),
          ),
      );
      const exchange = exchanges[0];
      prepared.push({
        scenario,
        target: {
          template: templates.length === 1 ? templates[0] : new RotatingTemplate(templates),
          headers: exchange.request.headers,
        },
        requestBytes: exchange.request.body.length,
        answerBytes: Buffer.byteLength(exchange.rawText, 'utf8'),
      });
    } catch (error: unknown) {
      const reason = reasonOf(error);
      log(`notice: skipping "${scenario.name}" on ${database.choice}: ${reason}`);
      skipped.push({ scenario: scenario.name, database: database.choice, reason });
    }
  }
  return prepared;
}

/** The baseline of a scenario, measured the first time the scenario is seen (it does not depend on the database). */
export async function baselineOf(
  prepared: PreparedScenario,
  baseline: ChildServer,
  baselines: Map<string, BaselineResult>,
  settings: LoadSettings,
): Promise<BaselineResult> {
  const known = baselines.get(prepared.scenario.name);
  if (known !== undefined) {
    return known;
  }
  const measurement = await measureLoad(
    baseline,
    [{ ...prepared.target, query: baselineQuery(prepared.answerBytes) }],
    settings,
    {
      label: `baseline for "${prepared.scenario.name}"`,
    },
  );
  const result = { scenario: prepared.scenario.name, measurement };
  baselines.set(prepared.scenario.name, result);
  return result;
}

export async function measurePoint(
  prepared: PreparedScenario,
  service: ServiceUnderTest,
  database: BenchDatabase,
  baseline: BaselineResult,
  settings: LoadSettings,
): Promise<PointResult> {
  const { scenario } = prepared;
  const counter = scenario.writtenRows;
  let rowsBefore = 0;
  const measurement = await measureLoad(service, [prepared.target], settings, {
    label: `"${scenario.name}" on ${database.choice}`,
    profiled: true,
    ...(database.serverPid === undefined ? {} : { databaseServerPid: database.serverPid }),
    beforeMeasure: async () => {
      rowsBefore = counter === undefined ? 0 : await counter(database.dataSource);
    },
  });
  let writes: WriteCount | undefined;
  if (counter !== undefined) {
    // Rows may exceed the 200s (calls in flight when the load stopped) up to the requests sent; fewer rows than 200s
    // are lost writes, more than the requests sent are calls written twice.
    writes = writeCount((await counter(database.dataSource)) - rowsBefore, measurement);
  }
  return {
    scenario: scenario.name,
    spec: scenario.spec,
    extension: scenario.extension,
    databaseUse: scenario.databaseUse,
    database: database.choice,
    requestBytes: prepared.requestBytes,
    answerBytes: prepared.answerBytes,
    measurement,
    baselineRatio: baselineRatio(measurement, baseline.measurement),
    writes,
    targets: pointTargets(scenario.databaseUse, measurement, baseline.measurement, writes),
  };
}
