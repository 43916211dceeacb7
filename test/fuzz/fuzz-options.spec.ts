import { EXTENSION_NAMES } from '@app/contract';
import { parseFuzzArguments } from './fuzz-options.js';

describe(parseFuzzArguments.name, () => {
  const random = () => 4242;

  it('has the documented defaults: 100,000 inputs, a random seed, every specification and point', () => {
    expect(parseFuzzArguments([], random)).toEqual({
      kind: 'options',
      options: {
        runs: 100_000,
        seed: 4242,
        specs: ['default', 'uk', 'berlin', 'uae'],
        points: [...EXTENSION_NAMES],
        timeLimitSeconds: undefined,
        connections: 4,
        outFile: undefined,
        replayFile: undefined,
        databaseUrl: undefined,
        baseUrl: undefined,
      },
    });
  });

  it('reads every option, as `--name value` or `--name=value`', () => {
    const parsed = parseFuzzArguments(
      [
        '--runs',
        '5000',
        '--seed=-17',
        '--spec',
        'uk, berlin',
        '--points=validate-consent-access,issue-refresh-token',
        '--time-limit',
        '60',
        '--connections',
        '2',
        '--out',
        'v.jsonl',
        '--replay',
        'r.jsonl',
        '--database-url',
        'mysql://root@127.0.0.1/fuzz_test',
        '--base-url',
        'http://127.0.0.1:3000',
      ],
      random,
    );
    expect(parsed).toEqual({
      kind: 'options',
      options: {
        runs: 5000,
        seed: -17,
        specs: ['uk', 'berlin'],
        points: ['validate-consent-access', 'issue-refresh-token'],
        timeLimitSeconds: 60,
        connections: 2,
        outFile: 'v.jsonl',
        replayFile: 'r.jsonl',
        databaseUrl: 'mysql://root@127.0.0.1/fuzz_test',
        baseUrl: 'http://127.0.0.1:3000',
      },
    });
  });

  it.each([
    [['--runs', '0'], '--runs must be a whole number from 1 to 10000000, got "0"'],
    [['--runs', '1e5'], '--runs must be a whole number from 1 to 10000000, got "1e5"'],
    [['--seed', 'abc'], '--seed must be an integer, got "abc"'],
    [
      ['--points', 'validate-everything'],
      '--points must list extension names of the contract, got "validate-everything"',
    ],
    [['--spec', ''], '--spec must list specification ids, got ""'],
    [['--runs'], '--runs needs a value'],
    [['--verbose'], 'Unknown argument "--verbose"'],
  ])('refuses %j', (argv, message) => {
    expect(parseFuzzArguments(argv, random)).toEqual({ kind: 'invalid', message });
  });

  it('answers --help', () => {
    expect(parseFuzzArguments(['--runs', '5', '--help'], random)).toEqual({ kind: 'help' });
  });
});
