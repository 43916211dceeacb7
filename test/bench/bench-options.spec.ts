import {
  BenchArgumentError,
  DEFAULT_OPTIONS,
  parseBenchArguments,
  QUICK_DURATION_SECONDS,
  QUICK_WARMUP_SECONDS,
  type BenchOptions,
} from './bench-options.js';

function optionsOf(argv: readonly string[]): BenchOptions {
  const parsed = parseBenchArguments(argv);
  if (parsed.kind !== 'run') {
    throw new Error('expected options');
  }
  return parsed.options;
}

describe('parseBenchArguments', () => {
  it('uses the defaults without arguments', () => {
    expect(optionsOf([])).toEqual({ ...DEFAULT_OPTIONS, only: [] });
    expect(DEFAULT_OPTIONS).toMatchObject({
      connections: 50,
      durationSeconds: 10,
      databases: ['sqlite', 'mariadb'],
      scaling: true,
    });
  });

  it('reads every option', () => {
    expect(
      optionsOf([
        '--duration',
        '30',
        '--warmup',
        '0',
        '--connections',
        '100',
        '--json',
        'out/bench.json',
        '--databases',
        'mariadb,sqlite',
        '--mariadb-url',
        'mysql://root@db:3306/x_bench',
        '--no-scaling',
        '--only',
        'persist',
        '--only',
        'validate',
        '--cpu-prof',
        '/tmp/prof',
        '--compare',
        'old/bench.json',
      ]),
    ).toEqual({
      durationSeconds: 30,
      warmupSeconds: 0,
      connections: 100,
      jsonPath: 'out/bench.json',
      soakSeconds: undefined,
      databases: ['mariadb', 'sqlite'],
      mariadbUrl: 'mysql://root@db:3306/x_bench',
      scaling: false,
      only: ['persist', 'validate'],
      cpuProfileDir: '/tmp/prof',
      comparePath: 'old/bench.json',
    });
  });

  it('reads the soak time', () => {
    expect(optionsOf(['--soak', '300']).soakSeconds).toBe(300);
  });

  it('shortens the runs with --quick unless the times are given', () => {
    expect(optionsOf(['--quick'])).toMatchObject({
      durationSeconds: QUICK_DURATION_SECONDS,
      warmupSeconds: QUICK_WARMUP_SECONDS,
    });
    expect(optionsOf(['--duration', '5', '--quick'])).toMatchObject({
      durationSeconds: 5,
      warmupSeconds: QUICK_WARMUP_SECONDS,
    });
    expect(optionsOf(['--quick', '--warmup', '3'])).toMatchObject({
      durationSeconds: QUICK_DURATION_SECONDS,
      warmupSeconds: 3,
    });
  });

  it('lists a database once however often it is named', () => {
    expect(optionsOf(['--databases', 'sqlite, sqlite']).databases).toEqual(['sqlite']);
  });

  it('asks for help', () => {
    expect(parseBenchArguments(['--help'])).toEqual({ kind: 'help' });
    expect(parseBenchArguments(['--duration', '3', '-h'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--duration'], '--duration needs a whole number of at least 1, got nothing'],
    [['--duration', '0'], '--duration needs a whole number of at least 1, got "0"'],
    [['--connections', '2.5'], '--connections needs a whole number of at least 1, got "2.5"'],
    [['--warmup', '-1'], '--warmup needs a whole number of at least 0, got "-1"'],
    [['--soak', 'long'], '--soak needs a whole number of at least 1, got "long"'],
    [['--json'], '--json needs a value'],
    [['--json', '--quick'], '--json needs a value'],
    [['--databases', 'postgres'], '--databases accepts sqlite, mariadb, got "postgres"'],
    [['--databases', ','], '--databases needs at least one database'],
    [['--fast'], 'unknown argument "--fast"'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseBenchArguments(argv)).toThrow(new BenchArgumentError(message));
  });
});
