import { ChaosOptionsError, parseChaosOptions, SCENARIO_NAMES } from './chaos-options.js';

describe('parseChaosOptions', () => {
  it('runs every scenario for 20 s with 16 callers by default, 6 s with --quick', () => {
    expect(parseChaosOptions([])).toEqual({
      scenarios: [...SCENARIO_NAMES],
      databases: [],
      durationSeconds: 20,
      workers: 16,
      quick: false,
      mariadbUrl: 'mysql://root@127.0.0.1:3306',
    });
    expect(parseChaosOptions(['--quick']).durationSeconds).toBe(6);
    expect(parseChaosOptions(['--quick', '--duration', '9']).durationSeconds).toBe(9);
  });

  it('takes scenarios and databases repeated or comma-separated, each once', () => {
    const options = parseChaosOptions([
      '--scenario',
      'kill,galera',
      '--scenario',
      'kill',
      '--database',
      'sqlite',
      '--database',
      'mariadb,sqlite',
    ]);
    expect(options.scenarios).toEqual(['kill', 'galera']);
    expect(options.databases).toEqual(['sqlite', 'mariadb']);
  });

  it.each([
    [['--scenario', 'meteor'], 'unknown scenario "meteor"'],
    [['--database', 'postgres'], '--database must be sqlite or mariadb'],
    [['--duration', '0'], '--duration must be an integer from 1 to 600'],
    [['--duration', '601'], '--duration must be an integer from 1 to 600'],
    [['--workers', 'many'], '--workers must be an integer'],
    [['--duration'], '--duration needs a value'],
    [['--mariadb-url', 'postgres://x'], '--mariadb-url must be a mysql://'],
    [['--fast'], 'unknown argument "--fast"'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseChaosOptions(argv)).toThrow(ChaosOptionsError);
    expect(() => parseChaosOptions(argv)).toThrow(message);
  });
});
