import { EXTENSION_NAMES, type ExtensionName } from '@app/contract';

/*
 * The command line of `npm run fuzz`. Parsing is pure (argv in, options or an error out), so that it is unit-tested;
 * run-fuzz.ts prints the error with the usage and exits 2.
 */

export const FUZZ_SPECS = ['default', 'uk', 'berlin', 'uae'] as const;

export interface FuzzOptions {
  readonly runs: number;
  /** The fast-check seed; the same seed and runs send the same inputs. */
  readonly seed: number;
  readonly specs: readonly string[];
  readonly points: readonly ExtensionName[];
  /** Seconds after which no new input is sent. */
  readonly timeLimitSeconds: number | undefined;
  readonly connections: number;
  /** Where the failing inputs go (JSON lines), when there are any. */
  readonly outFile: string | undefined;
  /** Send again the inputs of a file written by an earlier run, instead of generating. */
  readonly replayFile: string | undefined;
  /** MySQL/MariaDB instead of a fresh SQLite file (the database is used as it is). */
  readonly databaseUrl: string | undefined;
  /** A service already running (with the settings the journeys need) instead of starting the build. */
  readonly baseUrl: string | undefined;
}

export const FUZZ_USAGE = `Usage: npm run fuzz -- [options]
  --runs N            inputs to send (default 100000)
  --seed S            fast-check seed, an integer (default: random, printed for replay)
  --spec a,b          specifications to fuzz (default: ${FUZZ_SPECS.join(',')})
  --points p,q        extension points to fuzz (default: all 24)
  --time-limit SEC    stop sending new inputs after SEC seconds
  --connections N     inputs in flight at once (default 4)
  --out FILE          where failing inputs are written (default: fuzz-violations-<seed>.jsonl)
  --replay FILE       send the inputs of such a file again and check the answers
  --database-url URL  run the service on this MySQL/MariaDB database instead of a fresh SQLite file
  --base-url URL      fuzz a service already running there instead (credentials and body limit from
                      EXTENSION_BASIC_USER, EXTENSION_BASIC_PASSWORD and EXTENSION_BODY_LIMIT, as the service reads them)`;

export type ParsedFuzzArguments =
  | { readonly kind: 'options'; readonly options: FuzzOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'invalid'; readonly message: string };

function positiveInteger(name: string, raw: string | undefined, max: number): number | string {
  const value = Number(raw);
  return raw !== undefined && /^\d+$/.test(raw) && value >= 1 && value <= max
    ? value
    : `${name} must be a whole number from 1 to ${max}, got ${JSON.stringify(raw ?? '')}`;
}

function list(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

export function parseFuzzArguments(argv: readonly string[], randomSeed: () => number): ParsedFuzzArguments {
  const values = new Map<string, string | undefined>();
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--help' || arg === '-h') {
      return { kind: 'help' };
    }
    const [name, inline] = arg.split(/=(.*)/s, 2);
    if (
      ![
        '--runs',
        '--seed',
        '--spec',
        '--points',
        '--time-limit',
        '--connections',
        '--out',
        '--replay',
        '--database-url',
        '--base-url',
      ].includes(name)
    ) {
      return { kind: 'invalid', message: `Unknown argument ${JSON.stringify(arg)}` };
    }
    const value = inline ?? argv[index + 1];
    if (inline === undefined) {
      index += 1;
    }
    if (value === undefined || value.startsWith('--')) {
      return { kind: 'invalid', message: `${name} needs a value` };
    }
    values.set(name, value);
  }
  const runs = values.has('--runs') ? positiveInteger('--runs', values.get('--runs'), 10_000_000) : 100_000;
  const connections = values.has('--connections')
    ? positiveInteger('--connections', values.get('--connections'), 64)
    : 4;
  const timeLimit = values.has('--time-limit')
    ? positiveInteger('--time-limit', values.get('--time-limit'), 7 * 24 * 3600)
    : undefined;
  for (const checked of [runs, connections, timeLimit]) {
    if (typeof checked === 'string') {
      return { kind: 'invalid', message: checked };
    }
  }
  const seedRaw = values.get('--seed');
  if (seedRaw !== undefined && !/^-?\d+$/.test(seedRaw)) {
    return { kind: 'invalid', message: `--seed must be an integer, got ${JSON.stringify(seedRaw)}` };
  }
  const seed = seedRaw === undefined ? randomSeed() : Number(seedRaw) | 0;
  const specs = values.has('--spec') ? list(values.get('--spec')) : [...FUZZ_SPECS];
  const unknownSpec = specs.find((spec) => !/^[a-z0-9][a-z0-9-]*$/.test(spec));
  if (specs.length === 0 || unknownSpec !== undefined) {
    return {
      kind: 'invalid',
      message: `--spec must list specification ids, got ${JSON.stringify(values.get('--spec'))}`,
    };
  }
  const points = values.has('--points') ? list(values.get('--points')) : [...EXTENSION_NAMES];
  const unknownPoint = points.find((point) => !(EXTENSION_NAMES as readonly string[]).includes(point));
  if (points.length === 0 || unknownPoint !== undefined) {
    return {
      kind: 'invalid',
      message: `--points must list extension names of the contract, got ${JSON.stringify(unknownPoint ?? values.get('--points'))}`,
    };
  }
  return {
    kind: 'options',
    options: {
      runs: runs as number,
      seed,
      specs,
      points: points as ExtensionName[],
      timeLimitSeconds: timeLimit as number | undefined,
      connections: connections as number,
      outFile: values.get('--out'),
      replayFile: values.get('--replay'),
      databaseUrl: values.get('--database-url'),
      baseUrl: values.get('--base-url'),
    },
  };
}
