/*
 * The command line of `npm run bench`. Parsing is pure (argv in, options or an error out) so that it is unit-tested;
 * run-bench.ts prints the error with the usage and exits.
 */

export type DatabaseChoice = 'sqlite' | 'mariadb';

export interface BenchOptions {
  /** Seconds of measured load per scenario. */
  readonly durationSeconds: number;
  /** Seconds of unmeasured load before each measurement, so that the JIT and the pools are warm. */
  readonly warmupSeconds: number;
  readonly connections: number;
  /** Where the JSON report goes; nothing is written when absent. */
  readonly jsonPath: string | undefined;
  /** Seconds of mixed load of the soak mode; when set, only the soak runs. */
  readonly soakSeconds: number | undefined;
  readonly databases: readonly DatabaseChoice[];
  /** The MariaDB server and the database the bench creates and drops there. */
  readonly mariadbUrl: string;
  /** Whether the scaling section runs (it imports 1,101 accounts and fills 1,000,000 counter rows per database). */
  readonly scaling: boolean;
  /** Only scenarios whose name contains one of these (ignoring case) run; all when empty. */
  readonly only: readonly string[];
  /** Starts the service with `--cpu-prof`, writing V8 profiles into this folder. */
  readonly cpuProfileDir: string | undefined;
  /** A previous run's JSON report, compared with this run at the end. */
  readonly comparePath: string | undefined;
}

export const DEFAULT_MARIADB_URL = 'mysql://root@127.0.0.1:3306/consent_ext_bench';

export const DEFAULT_OPTIONS: BenchOptions = {
  durationSeconds: 10,
  warmupSeconds: 3,
  connections: 50,
  jsonPath: undefined,
  soakSeconds: undefined,
  databases: ['sqlite', 'mariadb'],
  mariadbUrl: DEFAULT_MARIADB_URL,
  scaling: true,
  only: [],
  cpuProfileDir: undefined,
  comparePath: undefined,
};

/** `--quick`: enough to see that every scenario runs, far too short to publish. */
export const QUICK_DURATION_SECONDS = 2;
export const QUICK_WARMUP_SECONDS = 1;

export const BENCH_USAGE = `Usage: npm run bench -- [options]
  --duration <s>       measured seconds per scenario (default ${DEFAULT_OPTIONS.durationSeconds})
  --warmup <s>         unmeasured seconds before each measurement (default ${DEFAULT_OPTIONS.warmupSeconds})
  --connections <n>    concurrent connections, the same for every run (default ${DEFAULT_OPTIONS.connections})
  --json <path>        also write the results as JSON to <path>
  --quick              ${QUICK_DURATION_SECONDS} s per scenario and ${QUICK_WARMUP_SECONDS} s of warm-up (development only)
  --soak <s>           hold a mixed load for <s> seconds and report RSS at start and end (nothing else runs)
  --databases <list>   comma list of sqlite, mariadb (default sqlite,mariadb)
  --mariadb-url <url>  MariaDB database to create, use and drop (default ${DEFAULT_MARIADB_URL})
  --no-scaling         skip the scaling section
  --only <text>        run only the scenarios whose name contains <text>, any case (repeatable)
  --cpu-prof <dir>     start the service with --cpu-prof, write its V8 CPU profiles into <dir> and print the top
                       frames of each measured load
  --compare <file>     end with the comparison to a previous run's --json report
  --help               print this text`;

export class BenchArgumentError extends Error {
  override readonly name = 'BenchArgumentError';
}

export type ParsedArguments = { readonly kind: 'run'; readonly options: BenchOptions } | { readonly kind: 'help' };

const DATABASE_CHOICES: readonly DatabaseChoice[] = ['sqlite', 'mariadb'];

function positiveInteger(flag: string, value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1) {
    throw new BenchArgumentError(
      `${flag} needs a whole number of at least 1, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`,
    );
  }
  return Number(value);
}

function nonNegativeInteger(flag: string, value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value)) {
    throw new BenchArgumentError(
      `${flag} needs a whole number of at least 0, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`,
    );
  }
  return Number(value);
}

function text(flag: string, value: string | undefined): string {
  if (value === undefined || value === '' || value.startsWith('--')) {
    throw new BenchArgumentError(`${flag} needs a value`);
  }
  return value;
}

function databaseList(value: string | undefined): DatabaseChoice[] {
  const names = text('--databases', value)
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const chosen: DatabaseChoice[] = [];
  for (const name of names) {
    const choice = DATABASE_CHOICES.find((candidate) => candidate === name);
    if (choice === undefined) {
      throw new BenchArgumentError(`--databases accepts ${DATABASE_CHOICES.join(', ')}, got ${JSON.stringify(name)}`);
    }
    if (!chosen.includes(choice)) {
      chosen.push(choice);
    }
  }
  if (chosen.length === 0) {
    throw new BenchArgumentError('--databases needs at least one database');
  }
  return chosen;
}

/** Reads the arguments after `--`. `--quick` sets the short times unless --duration or --warmup say otherwise. */
export function parseBenchArguments(argv: readonly string[]): ParsedArguments {
  let options: BenchOptions = DEFAULT_OPTIONS;
  let quick = false;
  let explicitDuration = false;
  let explicitWarmup = false;
  const only: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index];
    const value = (): string | undefined => {
      index += 1;
      return argv[index];
    };
    switch (flag) {
      case '--help':
      case '-h':
        return { kind: 'help' };
      case '--duration':
        options = { ...options, durationSeconds: positiveInteger(flag, value()) };
        explicitDuration = true;
        break;
      case '--warmup':
        options = { ...options, warmupSeconds: nonNegativeInteger(flag, value()) };
        explicitWarmup = true;
        break;
      case '--connections':
        options = { ...options, connections: positiveInteger(flag, value()) };
        break;
      case '--json':
        options = { ...options, jsonPath: text(flag, value()) };
        break;
      case '--quick':
        quick = true;
        break;
      case '--soak':
        options = { ...options, soakSeconds: positiveInteger(flag, value()) };
        break;
      case '--databases':
        options = { ...options, databases: databaseList(value()) };
        break;
      case '--mariadb-url':
        options = { ...options, mariadbUrl: text(flag, value()) };
        break;
      case '--no-scaling':
        options = { ...options, scaling: false };
        break;
      case '--only':
        only.push(text(flag, value()));
        break;
      case '--cpu-prof':
        options = { ...options, cpuProfileDir: text(flag, value()) };
        break;
      case '--compare':
        options = { ...options, comparePath: text(flag, value()) };
        break;
      default:
        throw new BenchArgumentError(`unknown argument ${JSON.stringify(flag)}`);
    }
  }
  if (quick) {
    options = {
      ...options,
      ...(explicitDuration ? {} : { durationSeconds: QUICK_DURATION_SECONDS }),
      ...(explicitWarmup ? {} : { warmupSeconds: QUICK_WARMUP_SECONDS }),
    };
  }
  return { kind: 'run', options: { ...options, only } };
}
