import type { ChaosDatabaseChoice } from './chaos-database.js';

/*
 * `npm run chaos -- [--scenario <name>]… [--database sqlite|mariadb] [--duration <s>] [--workers <n>] [--quick]
 * [--mariadb-url <url>]`: which fault tests run and how long their loads last.
 */

export const SCENARIO_NAMES = ['kill', 'db-outage', 'two-instances', 'galera', 'rolling-restart'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export interface ChaosOptions {
  readonly scenarios: readonly ScenarioName[];
  /** The databases of the scenarios that run on either (kill, two-instances, rolling-restart). */
  readonly databases: readonly ChaosDatabaseChoice[];
  readonly durationSeconds: number;
  readonly workers: number;
  readonly quick: boolean;
  readonly mariadbUrl: string;
}

export class ChaosOptionsError extends Error {
  override readonly name = 'ChaosOptionsError';
}

const DEFAULT_DURATION_S = 20;
const QUICK_DURATION_S = 6;
const DEFAULT_WORKERS = 16;
const MAX_DURATION_S = 600;

export const CHAOS_USAGE = `Usage: npm run chaos -- [options]
  --scenario <name>     ${SCENARIO_NAMES.join(' | ')}; repeatable or comma-separated (default: all)
  --database <db>       sqlite | mariadb, for kill, two-instances and rolling-restart (default: both for kill,
                        mariadb for the others); repeatable or comma-separated
  --duration <s>        seconds of load of each scenario (default ${DEFAULT_DURATION_S}, ${QUICK_DURATION_S} with --quick)
  --workers <n>         concurrent callers (default ${DEFAULT_WORKERS})
  --quick               the CI slice: short loads
  --mariadb-url <url>   the MariaDB server where scenarios create and drop their database (default
                        mysql://root@127.0.0.1:3306); db-outage and galera start their own servers`;

export function parseChaosOptions(argv: readonly string[]): ChaosOptions {
  const scenarios: ScenarioName[] = [];
  const databases: ChaosDatabaseChoice[] = [];
  let duration: number | undefined;
  let workers = DEFAULT_WORKERS;
  let quick = false;
  let mariadbUrl = 'mysql://root@127.0.0.1:3306';
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    const value = (): string => {
      const next = argv[index + 1];
      if (next === undefined || next.startsWith('--')) {
        throw new ChaosOptionsError(`${argument} needs a value`);
      }
      index += 1;
      return next;
    };
    switch (argument) {
      case '--scenario':
        for (const name of value().split(',')) {
          if (!(SCENARIO_NAMES as readonly string[]).includes(name)) {
            throw new ChaosOptionsError(`unknown scenario "${name}"; one of ${SCENARIO_NAMES.join(', ')}`);
          }
          scenarios.push(name as ScenarioName);
        }
        break;
      case '--database':
        for (const name of value().split(',')) {
          if (name !== 'sqlite' && name !== 'mariadb') {
            throw new ChaosOptionsError(`--database must be sqlite or mariadb, got "${name}"`);
          }
          databases.push(name);
        }
        break;
      case '--duration':
        duration = positiveInteger(argument, value(), MAX_DURATION_S);
        break;
      case '--workers':
        workers = positiveInteger(argument, value(), 256);
        break;
      case '--quick':
        quick = true;
        break;
      case '--mariadb-url':
        mariadbUrl = value();
        if (!/^(mysql|mariadb):\/\//.test(mariadbUrl)) {
          throw new ChaosOptionsError('--mariadb-url must be a mysql:// or mariadb:// URL');
        }
        break;
      default:
        throw new ChaosOptionsError(`unknown argument "${argument}"`);
    }
  }
  return {
    scenarios: scenarios.length === 0 ? [...SCENARIO_NAMES] : [...new Set(scenarios)],
    databases: [...new Set(databases)],
    durationSeconds: duration ?? (quick ? QUICK_DURATION_S : DEFAULT_DURATION_S),
    workers,
    quick,
    mariadbUrl,
  };
}

function positiveInteger(name: string, text: string, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new ChaosOptionsError(`${name} must be an integer from 1 to ${max}, got "${text}"`);
  }
  return value;
}
