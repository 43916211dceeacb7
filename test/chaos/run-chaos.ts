import {
  ChaosOptionsError,
  CHAOS_USAGE,
  parseChaosOptions,
  type ChaosOptions,
  type ScenarioName,
} from './chaos-options.js';
import type { ChaosDatabaseChoice } from './chaos-database.js';
import { dbOutageScenario } from './db-outage-scenario.js';
import { galeraScenario } from './galera-scenario.js';
import { killScenario } from './kill-scenario.js';
import { rollingRestartScenario } from './rolling-restart-scenario.js';
import { twoInstancesScenario } from './two-instances-scenario.js';
import { formatReport, type ScenarioReport } from './scenario-report.js';
import type { ScenarioSettings } from './scenario-settings.js';

/*
 * `npm run chaos`: the fault tests. Each scenario starts the built service (and, where it needs them, its own
 * MariaDB, Galera cluster or nginx, all on loopback ports), applies its fault under a bounded load, prints its
 * timeline, its figures and its checks, and the run exits 1 when any check fails or a scenario cannot run.
 */

type Runner = (settings: ScenarioSettings) => Promise<ScenarioReport>;

const RUNNERS: Record<ScenarioName, { readonly run: Runner; readonly databases: readonly ChaosDatabaseChoice[] }> = {
  kill: { run: killScenario, databases: ['sqlite', 'mariadb'] },
  'db-outage': { run: dbOutageScenario, databases: ['mariadb'] },
  'two-instances': { run: twoInstancesScenario, databases: ['mariadb'] },
  galera: { run: galeraScenario, databases: ['mariadb'] },
  'rolling-restart': { run: rollingRestartScenario, databases: ['mariadb'] },
};

/** The databases a scenario runs on: those asked for that it supports, else its defaults. */
function databasesOf(name: ScenarioName, options: ChaosOptions): readonly ChaosDatabaseChoice[] {
  if (name === 'db-outage' || name === 'galera') {
    return ['mariadb'];
  }
  return options.databases.length > 0 ? options.databases : RUNNERS[name].databases;
}

async function main(): Promise<number> {
  let options: ChaosOptions;
  try {
    options = parseChaosOptions(process.argv.slice(2));
  } catch (error: unknown) {
    if (error instanceof ChaosOptionsError) {
      console.error(`${error.message}\n${CHAOS_USAGE}`);
      return 2;
    }
    throw error;
  }
  const startedAt = Date.now();
  const summary: string[] = [];
  let failures = 0;
  for (const name of options.scenarios) {
    for (const database of databasesOf(name, options)) {
      const settings: ScenarioSettings = {
        database,
        durationSeconds: options.durationSeconds,
        workers: options.workers,
        mariadbUrl: options.mariadbUrl,
        quick: options.quick,
      };
      const scenarioStart = Date.now();
      process.stderr.write(`\n== ${name} on ${database}\n`);
      try {
        const report = await RUNNERS[name].run(settings);
        console.log(`\n${formatReport(report)}`);
        const failed = report.checks.failed.length;
        failures += failed === 0 ? 0 : 1;
        summary.push(
          `${failed === 0 ? 'passed' : 'FAILED'}  ${name} (${database}) in ${((Date.now() - scenarioStart) / 1000).toFixed(1)} s`,
        );
      } catch (error: unknown) {
        failures += 1;
        console.log(
          `\n== ${name} (${database}) could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        summary.push(`FAILED  ${name} (${database}): could not run`);
      }
    }
  }
  console.log(`\nFault tests (${((Date.now() - startedAt) / 1000).toFixed(1)} s)`);
  summary.forEach((line) => console.log(`  ${line}`));
  console.log(`${summary.length - failures} passed, ${failures} failed`);
  return failures === 0 ? 0 : 1;
}

process.exit(await main());
